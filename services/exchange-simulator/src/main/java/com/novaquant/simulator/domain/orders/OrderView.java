package com.novaquant.simulator.domain.orders;

import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.matching.OrderType;
import com.novaquant.simulator.domain.matching.Side;
import com.novaquant.simulator.domain.matching.TimeInForce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** An immutable copy of an order's state, safe to render outside the exchange's lock. */
public record OrderView(Venue venue, long orderId, String clientOrderId, String symbol, Side side, OrderType type,
                        TimeInForce timeInForce, BigDecimal price, BigDecimal origQty, BigDecimal origQuoteOrderQty,
                        BigDecimal executedQty, BigDecimal cumQuote, OrderStatus status, boolean reduceOnly,
                        long time, long updateTime, List<Order.TradeFill> fills) {

    public BigDecimal averagePrice() {
        return executedQty.signum() == 0 ? BigDecimal.ZERO
                : cumQuote.divide(executedQty, 8, RoundingMode.HALF_EVEN);
    }
}
