package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.application.Exchange;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.orders.RejectedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Binance spot market statistics under {@code /spot/api/v3}: 24 h tickers, price tickers and klines, built from the
 * prices the simulator records ({@link HistoryJson}).
 */
@RestController
@RequestMapping("/spot/api/v3")
class SpotMarketDataController {

    private static final int MAX_KLINES = 1000;
    private static final String BNB_USDT = "BNBUSDT";

    private final Exchange exchange;
    private final RequestGate gate;
    private final LongSupplier wallMillis;

    SpotMarketDataController(Exchange exchange, RequestGate gate, LongSupplier wallMillis) {
        this.exchange = exchange;
        this.gate = gate;
        this.wallMillis = wallMillis;
    }

    /** {@code symbol} answers one object; {@code symbols} (a JSON array) or nothing answers a list. */
    @GetMapping("/ticker/24hr")
    Object ticker24h(ServerWebExchange web) {
        RequestParams peek = peek(web);
        int weight;
        if (peek.get("symbol") != null) {
            weight = 2;
        } else if (peek.get("symbols") != null) {
            int n = SpotController.Symbols.requested(peek).size();
            weight = n <= 20 ? 2 : n <= 100 ? 40 : 80;
        } else {
            weight = 80;
        }
        RequestParams params = gate.open(web, Venue.SPOT, weight);
        long now = wallMillis.getAsLong();
        if (params.get("symbol") != null) {
            return HistoryJson.ticker24h(market(params.get("symbol")), Venue.SPOT, now);
        }
        return selected(params).stream().map(m -> HistoryJson.ticker24h(m, Venue.SPOT, now)).toList();
    }

    @GetMapping("/ticker/price")
    Object priceTicker(ServerWebExchange web) {
        RequestParams params = gate.open(web, Venue.SPOT, peek(web).get("symbol") != null ? 2 : 4);
        long now = wallMillis.getAsLong();
        String symbol = params.get("symbol");
        if (symbol != null && isQuotedBnb(symbol)) {
            return Map.of("symbol", BNB_USDT, "price", exchange.bnbBurn().bnbPriceUsdt().toPlainString());
        }
        if (symbol != null) {
            return HistoryJson.priceTicker(market(symbol), Venue.SPOT, now);
        }
        return selected(params).stream().map(m -> HistoryJson.priceTicker(m, Venue.SPOT, now)).toList();
    }

    /**
     * BNBUSDT is no market here, but an account that pays commission in BNB must be able to value it: with BNB burn
     * on, its price is the simulator's one BNB price.
     */
    private boolean isQuotedBnb(String symbol) {
        return BNB_USDT.equals(symbol) && exchange.bnbBurn().enabled() && exchange.markets().find(symbol).isEmpty();
    }

    /** Parameters: {@code symbol}, {@code interval}, {@code startTime}, {@code endTime}, {@code limit} (500, at most 1000). */
    @GetMapping("/klines")
    List<List<Object>> klines(ServerWebExchange web) {
        RequestParams params = gate.open(web, Venue.SPOT, 2);
        return HistoryJson.klines(market(params.require("symbol")), Venue.SPOT, params, MAX_KLINES);
    }

    private List<SymbolMarket> selected(RequestParams params) {
        List<String> wanted = SpotController.Symbols.requested(params);
        if (wanted.isEmpty()) {
            return List.copyOf(exchange.markets().all());
        }
        return wanted.stream().map(this::market).toList();
    }

    private SymbolMarket market(String symbol) {
        return exchange.markets().find(symbol).orElseThrow(() -> new RejectedException(-1121, "Invalid symbol."));
    }

    private static RequestParams peek(ServerWebExchange web) {
        return new RequestParams(web.getRequest().getURI().getRawQuery(), null);
    }
}
