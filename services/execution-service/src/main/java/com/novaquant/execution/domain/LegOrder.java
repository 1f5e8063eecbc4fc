package com.novaquant.execution.domain;

import com.novaquant.events.Side;
import com.novaquant.events.Venue;
import com.novaquant.ids.ClientOrderId;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One market order on one leg, as written to the ledger before it is sent.
 *
 * @param reduceOnly only for the perp: the order may only shrink the short
 */
public record LegOrder(ClientOrderId clientOrderId, String symbol, Venue venue, Side side, BigDecimal quantity,
                       boolean reduceOnly, OrderPurpose purpose) {

    public LegOrder {
        Objects.requireNonNull(clientOrderId);
        Objects.requireNonNull(symbol);
        Objects.requireNonNull(venue);
        Objects.requireNonNull(side);
        Objects.requireNonNull(purpose);
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("order quantity must be positive: " + quantity);
        }
        if (!clientOrderId.acceptedByBothVenues()) {
            throw new IllegalArgumentException("invalid client order id: " + clientOrderId);
        }
    }

    /** Whether this order shrinks the hedged position on its own leg (spot SELL, perp BUY). */
    public boolean reducing() {
        return venue == Venue.SPOT ? side == Side.SELL : side == Side.BUY;
    }
}
