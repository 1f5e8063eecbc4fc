package com.novaquant.simulator.admin;

import com.novaquant.simulator.application.Faults;
import com.novaquant.simulator.application.FundingClock;
import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.market.SymbolMarket;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /admin/market/funding}: overrides a symbol's current funding rate ({@code rate: null} hands it back to
 * the market source), counted as a {@code funding_override} fault.
 */
@RestController
class FundingRateController {

    private final Markets markets;
    private final Faults faults;
    private final FundingClock fundingClock;

    FundingRateController(Markets markets, Faults faults, FundingClock fundingClock) {
        this.markets = markets;
        this.faults = faults;
        this.fundingClock = fundingClock;
    }

    record FundingOverride(String symbol, BigDecimal rate) {
    }

    @PostMapping("/admin/market/funding")
    Map<String, Object> override(@RequestBody FundingOverride body) {
        SymbolMarket market = AdminRequestChecks.knownMarket(markets, body.symbol());
        market.overrideFundingRate(body.rate());
        faults.count("funding_override");
        return AdminJson.ok(answer(body.symbol(), market.fundingRate(),
                fundingClock.nextFundingWallTime(body.symbol())));
    }

    /** The rate in force now (the override, or the source's when cleared) and when it settles next. */
    private static Map<String, Object> answer(String symbol, BigDecimal rate, long nextFundingTime) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", symbol);
        out.put("rate", rate.toPlainString());
        out.put("nextFundingTime", nextFundingTime);
        return out;
    }
}
