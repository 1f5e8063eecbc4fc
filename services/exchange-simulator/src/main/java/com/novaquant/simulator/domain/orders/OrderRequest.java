package com.novaquant.simulator.domain.orders;

import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.matching.OrderType;
import com.novaquant.simulator.domain.matching.Side;
import com.novaquant.simulator.domain.matching.TimeInForce;

import java.math.BigDecimal;

/**
 * A validated new-order request. {@code quantity} is null only for a spot MARKET order by
 * {@code quoteOrderQty}; {@code price} is null for MARKET; {@code timeInForce} is null for MARKET.
 */
public record OrderRequest(Venue venue, String symbol, Side side, OrderType type, TimeInForce timeInForce,
                           BigDecimal quantity, BigDecimal quoteOrderQty, BigDecimal price,
                           String clientOrderId, boolean reduceOnly) {
}
