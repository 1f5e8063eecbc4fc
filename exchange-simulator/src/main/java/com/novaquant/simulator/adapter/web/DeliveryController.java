package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.domain.market.Venue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Binance COIN-M futures ({@code dapi}) under {@code /delivery/dapi}: nothing is listed there, but a client that loads
 * every market type (as ccxt does by default) reads its exchangeInfo on start-up. Weight counts against the USD-M
 * limit.
 */
@RestController
@RequestMapping("/delivery/dapi")
class DeliveryController {

    private final RequestGate gate;
    private final LongSupplier wallMillis;

    DeliveryController(RequestGate gate, LongSupplier wallMillis) {
        this.gate = gate;
        this.wallMillis = wallMillis;
    }

    @GetMapping("/v1/ping")
    Map<String, Object> ping(ServerWebExchange web) {
        gate.open(web, Venue.USDM, 1);
        return Map.of();
    }

    @GetMapping("/v1/time")
    Map<String, Object> time(ServerWebExchange web) {
        gate.open(web, Venue.USDM, 1);
        return Map.of("serverTime", wallMillis.getAsLong());
    }

    /** COIN-M exchangeInfo with no symbol (weight 1). */
    @GetMapping("/v1/exchangeInfo")
    Map<String, Object> exchangeInfo(ServerWebExchange web) {
        gate.open(web, Venue.USDM, 1);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("timezone", "UTC");
        out.put("serverTime", wallMillis.getAsLong());
        out.put("rateLimits", List.of(
                Map.of("rateLimitType", "REQUEST_WEIGHT", "interval", "MINUTE", "intervalNum", 1, "limit", 2400),
                Map.of("rateLimitType", "ORDERS", "interval", "MINUTE", "intervalNum", 1, "limit", 1200)));
        out.put("exchangeFilters", List.of());
        out.put("symbols", List.of());
        return out;
    }
}
