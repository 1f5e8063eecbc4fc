package com.novaquant.simulator.admin;

import com.novaquant.simulator.application.OrderJournal;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.orders.OrderView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rows of {@code GET /admin/orders} (README.md, "Each /admin/orders entry"): every order request received, in
 * arrival order, with the current state of the order it placed; a request that placed none shows as REJECTED with
 * nothing executed.
 */
final class OrderJournalJson {

    private OrderJournalJson() {
    }

    static List<Map<String, Object>> rows(List<OrderView> orders, List<OrderJournal.Entry> entries) {
        Map<String, OrderView> current = orders.stream()
                .collect(Collectors.toMap(o -> key(o.venue(), o.orderId()), Function.identity()));
        return entries.stream()
                .map(e -> row(e, e.orderId() == null ? null : current.get(key(e.venue(), e.orderId()))))
                .toList();
    }

    /** One received request; {@code order} is the order it placed, null when it placed none. */
    private static Map<String, Object> row(OrderJournal.Entry e, OrderView order) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("venue", e.venue());
        row.put("symbol", e.symbol());
        row.put("orderId", e.orderId());
        row.put("clientOrderId", order != null ? order.clientOrderId() : e.clientOrderId());
        row.put("side", e.side());
        row.put("type", e.type());
        row.put("timeInForce", e.timeInForce());
        row.put("price", e.price());
        row.put("origQty", order != null ? order.origQty().toPlainString() : e.quantity());
        row.put("executedQty", order != null ? order.executedQty().toPlainString() : "0");
        row.put("status", order != null ? order.status().name() : "REJECTED");
        row.put("outcome", e.outcome());
        row.put("receivedAt", e.receivedAt());
        return row;
    }

    private static String key(Venue venue, long orderId) {
        return venue + ":" + orderId;
    }
}
