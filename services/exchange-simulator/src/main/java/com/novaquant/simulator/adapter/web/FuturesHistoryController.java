package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.application.OrderService;
import com.novaquant.simulator.domain.market.Venue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Binance USD-M account history under {@code /futures/fapi}: the trade list and every order
 * (docs/binance-protocol.md, "Trade and order history"). Rows come oldest first; a time range spans at most 7 days
 * and defaults to the last 7.
 */
@RestController
@RequestMapping("/futures/fapi")
record FuturesHistoryController(OrderService orders, RequestGate gate, LongSupplier wallMillis) {

    @GetMapping("/v1/userTrades")
    List<Map<String, Object>> userTrades(ServerWebExchange web) {
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.USDM, 5);
        String symbol = auth.params().require("symbol");
        HistoryQuery asked = HistoryQuery.of(auth.params(), 500);
        asked.noTimeRangeWith(asked.fromId()).spanAtMost(HistoryQuery.WEEK_MILLIS);
        // An order's trades, or trades from an id, are not cut to the default 7 days.
        HistoryQuery q = asked.orderId() != null || asked.fromId() != null ? asked
                : asked.withDefaultRange(HistoryQuery.WEEK_MILLIS, wallMillis.getAsLong());
        return q.page(orders.trades(auth.apiKey(), Venue.USDM, symbol).stream()
                        .filter(t -> q.orderId() == null || t.orderId() == q.orderId())
                        .filter(t -> q.fromId() == null || t.tradeId() >= q.fromId())
                        .filter(t -> q.inRange(t.time()))
                        .toList())
                .stream().map(TradeJson::futures).toList();
    }

    @GetMapping("/v1/allOrders")
    List<Map<String, Object>> allOrders(ServerWebExchange web) {
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.USDM, 5);
        String symbol = auth.params().require("symbol");
        HistoryQuery asked = HistoryQuery.of(auth.params(), 500).spanAtMost(HistoryQuery.WEEK_MILLIS);
        HistoryQuery q = asked.orderId() != null ? asked
                : asked.withDefaultRange(HistoryQuery.WEEK_MILLIS, wallMillis.getAsLong());
        return q.page(orders.orderHistory(auth.apiKey(), Venue.USDM, symbol).stream()
                        .filter(o -> q.orderId() == null || o.orderId() >= q.orderId())
                        .filter(o -> q.inRange(o.time()))
                        .toList())
                .stream().map(o -> OrderJson.futures(o, false, true)).toList();
    }
}
