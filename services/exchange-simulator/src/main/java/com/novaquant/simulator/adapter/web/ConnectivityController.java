package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.domain.market.Venue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Binance's connectivity checks, {@code ping} and {@code time}, on spot, USD-M and COIN-M (weight 1; COIN-M counts
 * against the USD-M limit).
 */
@RestController
record ConnectivityController(RequestGate gate, LongSupplier wallMillis) {

    @GetMapping({"/spot/api/v3/ping", "/futures/fapi/v1/ping", "/delivery/dapi/v1/ping"})
    Map<String, Object> ping(ServerWebExchange web) {
        gate.open(web, venue(web), 1);
        return Map.of();
    }

    @GetMapping({"/spot/api/v3/time", "/futures/fapi/v1/time", "/delivery/dapi/v1/time"})
    Map<String, Object> time(ServerWebExchange web) {
        gate.open(web, venue(web), 1);
        return Map.of("serverTime", wallMillis.getAsLong());
    }

    private static Venue venue(ServerWebExchange web) {
        return web.getRequest().getPath().pathWithinApplication().value().startsWith("/spot/") ? Venue.SPOT : Venue.USDM;
    }
}
