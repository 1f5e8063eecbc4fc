package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.application.OrderService;
import com.novaquant.simulator.domain.market.Venue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.util.List;
import java.util.Map;

/**
 * Binance spot account history under {@code /spot/api/v3}: the trade list and every order (docs/binance-protocol.md,
 * "Trade and order history"). Rows come oldest first; a time range spans at most 24 hours.
 */
@RestController
@RequestMapping("/spot/api/v3")
record SpotHistoryController(OrderService orders, RequestGate gate) {

    @GetMapping("/myTrades")
    List<Map<String, Object>> myTrades(ServerWebExchange web) {
        int weight = ParamValidator.peek(web).get("orderId") != null ? 5 : 20;
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.SPOT, weight);
        String symbol = auth.params().require("symbol");
        HistoryQuery q = HistoryQuery.of(auth.params(), 500);
        q.noTimeRangeWith(q.fromId()).noTimeRangeWith(q.orderId()).spanAtMost(HistoryQuery.DAY_MILLIS);
        return q.page(orders.trades(auth.apiKey(), Venue.SPOT, symbol).stream()
                        .filter(t -> q.orderId() == null || t.orderId() == q.orderId())
                        .filter(t -> q.fromId() == null || t.tradeId() >= q.fromId())
                        .filter(t -> q.inRange(t.time()))
                        .toList())
                .stream().map(TradeJson::spot).toList();
    }

    @GetMapping("/allOrders")
    List<Map<String, Object>> allOrders(ServerWebExchange web) {
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.SPOT, 20);
        String symbol = auth.params().require("symbol");
        HistoryQuery q = HistoryQuery.of(auth.params(), 500).spanAtMost(HistoryQuery.DAY_MILLIS);
        return q.page(orders.orderHistory(auth.apiKey(), Venue.SPOT, symbol).stream()
                        .filter(o -> q.orderId() == null || o.orderId() >= q.orderId())
                        .filter(o -> q.inRange(o.time()))
                        .toList())
                .stream().map(OrderJson::spotQuery).toList();
    }
}
