package com.novaquant.simulator.admin;

import com.novaquant.simulator.application.Faults;
import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.orders.Rejection;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The one-shot order faults (README.md, "Fault-injection admin API"): the next order on a venue and symbol is
 * rejected, answered ambiguously, or only partly filled.
 */
@RestController
@RequestMapping("/admin/faults")
class OrderFaultController {

    private static final String DEFAULT_REJECTION = "Rejected by fault injection.";

    private final Faults faults;
    private final Markets markets;

    OrderFaultController(Faults faults, Markets markets) {
        this.faults = faults;
        this.markets = markets;
    }

    /** {@code {venue, symbol}} and the field of the fault: {@code code} and {@code msg?},
            {@code mode} or {@code ratio}. */
    record OrderFault(Venue venue, String symbol, Integer code, String msg, Faults.AmbiguousMode mode,
            BigDecimal ratio) {
    }

    @PostMapping("/reject-next")
    Map<String, Object> rejectNext(@RequestBody OrderFault body) {
        String symbol = AdminRequestChecks.orderFaultSymbol(markets, body.venue(), body.symbol());
        int code = AdminRequestChecks.errorCode(body.code());
        String msg = body.msg() == null ? DEFAULT_REJECTION : body.msg();
        faults.rejectNext(body.venue(), symbol, new Rejection(code, msg));
        return AdminJson.ok(Map.of("venue", body.venue(), "symbol", symbol, "code", code, "msg", msg));
    }

    @PostMapping("/ambiguous-next")
    Map<String, Object> ambiguousNext(@RequestBody OrderFault body) {
        String symbol = AdminRequestChecks.orderFaultSymbol(markets, body.venue(), body.symbol());
        Faults.AmbiguousMode mode = AdminRequestChecks.ambiguousMode(body.mode());
        faults.ambiguousNext(body.venue(), symbol, mode);
        return AdminJson.ok(Map.of("venue", body.venue(), "symbol", symbol, "mode", mode));
    }

    @PostMapping("/partial-fill-next")
    Map<String, Object> partialFillNext(@RequestBody OrderFault body) {
        String symbol = AdminRequestChecks.orderFaultSymbol(markets, body.venue(), body.symbol());
        BigDecimal ratio = AdminRequestChecks.ratio(body.ratio());
        faults.partialFillNext(body.venue(), symbol, ratio);
        return AdminJson.ok(Map.of("venue", body.venue(), "symbol", symbol, "ratio", ratio));
    }
}
