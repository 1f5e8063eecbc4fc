package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.application.ListenKeys;
import com.novaquant.simulator.domain.market.Venue;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Binance USD-M user data stream under {@code /futures/fapi/v1/listenKey} (API key only, weight 1): one listen key
 * per account, created or extended by POST, kept alive by PUT, closed by DELETE.
 */
@RestController
@RequestMapping("/futures/fapi/v1/listenKey")
record FuturesUserStreamController(ListenKeys listenKeys, RequestGate gate) {

    @PostMapping
    Mono<Map<String, Object>> start(ServerWebExchange web) {
        return RequestBodies.raw(web).map(body -> {
            RequestGate.Authenticated auth = gate.keyed(web, body, Venue.USDM, 1);
            return Map.of("listenKey", listenKeys.createOrExtend(auth.apiKey()));
        });
    }

    @PutMapping
    Mono<Map<String, Object>> keepAlive(ServerWebExchange web) {
        return RequestBodies.raw(web).map(body -> {
            RequestGate.Authenticated auth = gate.keyed(web, body, Venue.USDM, 1);
            if (!listenKeys.extend(auth.apiKey())) {
                throw ApiException.badRequest(-1125, "This listenKey does not exist.");
            }
            return Map.of("listenKey", listenKeys.createOrExtend(auth.apiKey()));
        });
    }

    @DeleteMapping
    Mono<Map<String, Object>> close(ServerWebExchange web) {
        return RequestBodies.raw(web).map(body -> {
            listenKeys.delete(gate.keyed(web, body, Venue.USDM, 1).apiKey());
            return Map.of();
        });
    }
}
