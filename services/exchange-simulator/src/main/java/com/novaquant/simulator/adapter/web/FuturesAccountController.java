package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.application.AccountService;
import com.novaquant.simulator.application.FuturesSettingsService;
import com.novaquant.simulator.domain.accounts.IncomeRecord;
import com.novaquant.simulator.domain.market.LeverageBrackets;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.orders.FeeSchedule;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Binance USD-M account under {@code /futures/fapi}: balance, account and positionRisk (v2 and v3), the income
 * history, commission rates and the leverage per symbol.
 */
@RestController
@RequestMapping("/futures/fapi")
record FuturesAccountController(AccountService accounts, FuturesSettingsService settings, FeeSchedule fees,
                                RequestGate gate, ParamValidator validator, LongSupplier wallMillis) {

    private static final long WEEK_MILLIS = 7 * 86_400_000L;

    @GetMapping("/{version:v2|v3}/balance")
    List<Map<String, Object>> balance(ServerWebExchange web, @PathVariable String version) {
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.USDM, 5);
        return FuturesAccountJson.balance(accounts.futuresSnapshot(auth.apiKey()), wallMillis.getAsLong());
    }

    @GetMapping("/{version:v2|v3}/account")
    Map<String, Object> account(ServerWebExchange web, @PathVariable String version) {
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.USDM, 5);
        return FuturesAccountJson.account(accounts.futuresSnapshot(auth.apiKey()), "v2".equals(version),
                wallMillis.getAsLong());
    }

    @GetMapping("/{version:v2|v3}/positionRisk")
    List<Map<String, Object>> positionRisk(ServerWebExchange web, @PathVariable String version) {
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.USDM, 5);
        String symbol = auth.params().get("symbol");
        if (symbol != null) {
            validator.market(symbol);
        }
        return FuturesAccountJson.positionRisk(accounts.futuresSnapshot(auth.apiKey()), symbol, "v2".equals(version),
                wallMillis.getAsLong());
    }

    /**
     * Parameters: {@code symbol}, {@code incomeType}, {@code startTime} / {@code endTime} (both inclusive; without
     * either, the last 7 days), {@code page} (from 1) and {@code limit} (100, at most 1000). Oldest first.
     */
    @GetMapping("/v1/income")
    List<Map<String, Object>> income(ServerWebExchange web) {
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.USDM, 30);
        RequestParams p = auth.params();
        String symbol = p.get("symbol");
        String type = p.get("incomeType");
        if (symbol != null) {
            validator.market(symbol);
        }
        long now = wallMillis.getAsLong();
        Long start = p.longValue("startTime");
        Long end = p.longValue("endTime");
        long from = start != null ? start : (end != null ? end - WEEK_MILLIS : now - WEEK_MILLIS);
        long to = end != null ? end : Long.MAX_VALUE;
        int limit = ParamValidator.limit(p, 100, 1000);
        long page = Math.min(Integer.MAX_VALUE, Math.max(1, p.longValue("page") == null ? 1 : p.longValue("page")));
        return accounts.income(auth.apiKey()).stream()
                .filter(r -> symbol == null || symbol.equals(r.symbol()))
                .filter(r -> type == null || type.equals(r.incomeType()))
                .filter(r -> r.time() >= from && r.time() <= to)
                .sorted(Comparator.comparingLong(IncomeRecord::time))
                .skip((page - 1) * limit)
                .limit(limit)
                .map(FuturesAccountJson::income)
                .toList();
    }

    @GetMapping("/v1/commissionRate")
    Map<String, Object> commissionRate(ServerWebExchange web) {
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.USDM, 20);
        return FuturesAccountJson.commissionRate(validator.market(auth.params()).instrument().symbol(), fees);
    }

    /** {@code symbol} and {@code leverage}, at most the first bracket's initial leverage (-4028). */
    @PostMapping("/v1/leverage")
    Mono<Map<String, Object>> leverage(ServerWebExchange web) {
        return RequestBodies.raw(web).map(body -> {
            RequestGate.Authenticated auth = gate.signed(web, body, Venue.USDM, 1);
            String symbol = auth.params().require("symbol");
            Long leverage = auth.params().longValue("leverage");
            if (leverage == null) {
                throw ApiException.missing("leverage");
            }
            validator.market(symbol);
            if (leverage > LeverageBrackets.maxLeverage(symbol)) {
                throw ApiException.badRequest(-4028, "Leverage " + leverage + " is not valid");
            }
            return FuturesAccountJson.leverage(symbol, settings.setLeverage(auth.apiKey(), symbol, leverage.intValue()));
        });
    }
}
