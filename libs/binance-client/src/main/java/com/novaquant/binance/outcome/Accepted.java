package com.novaquant.binance.outcome;

import com.novaquant.binance.terms.OrderStatus;
import java.math.BigDecimal;
import java.util.List;

/**
 * Binance answered with the order: placed (any status, including EXPIRED for an unfilled IOC), found by a
 * query, or canceled. Look at {@link #status()} and {@link #executedQty()} for what actually traded.
 */
public record Accepted(OrderSnapshot order) implements OrderOutcome {

    @Override
    public String kind() {
        return "accepted";
    }

    public long orderId() {
        return order.orderId();
    }

    public String clientOrderId() {
        return order.clientOrderId();
    }

    public OrderStatus status() {
        return order.status();
    }

    public BigDecimal executedQty() {
        return order.executedQty();
    }

    public BigDecimal cumulativeQuote() {
        return order.cumulativeQuote();
    }

    public BigDecimal averagePrice() {
        return order.averagePrice();
    }

    public List<Fill> fills() {
        return order.fills();
    }
}
