package com.novaquant.simulator.admin;

import com.novaquant.simulator.application.FundingClock;
import com.novaquant.simulator.domain.clock.SimulationClock;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * {@code POST /admin/clock/advance}: moves market time forward by {@code ms}; the funding due in that span settles at
 * once. Answers the market time reached and how many settlements it took.
 */
@RestController
class MarketClockController {

    private final FundingClock fundingClock;
    private final SimulationClock clock;

    MarketClockController(FundingClock fundingClock, SimulationClock clock) {
        this.fundingClock = fundingClock;
        this.clock = clock;
    }

    @PostMapping("/admin/clock/advance")
    Map<String, Object> advance(@RequestBody Millis body) {
        long ms = AdminRequestChecks.nonNegative(body.ms(), "ms");
        int settled = fundingClock.advanceMarketTime(ms);
        return AdminJson.ok(Map.of("advancedMs", ms, "marketTime", clock.marketMillis(), "fundingSettlements",
                settled));
    }
}
