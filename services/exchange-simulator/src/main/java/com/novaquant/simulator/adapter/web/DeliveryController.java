package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.domain.market.Venue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Binance COIN-M futures ({@code dapi}) under {@code /delivery/dapi}: nothing is listed there, but a client that loads
 * every market type (as ccxt does by default) reads its exchangeInfo on start-up ({@link ConnectivityController}
 * answers its ping and time). Weight counts against the USD-M limit.
 */
@RestController
record DeliveryController(RequestGate gate, LongSupplier wallMillis) {

    /** COIN-M exchangeInfo with no symbol (weight 1). */
    @GetMapping("/delivery/dapi/v1/exchangeInfo")
    Map<String, Object> exchangeInfo(ServerWebExchange web) {
        gate.open(web, Venue.USDM, 1);
        return ExchangeInfoJson.delivery(wallMillis.getAsLong());
    }
}
