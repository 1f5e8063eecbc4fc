package com.novaquant.execution.domain;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * One leg's holding inside a pair with average-cost accounting: the spot long or the perp short, quantity always
 * non-negative.
 *
 * @param quantity   base quantity held (long on spot, short on the perp)
 * @param entryPrice average entry price, zero when flat
 */
public record LegPosition(BigDecimal quantity, BigDecimal entryPrice) {

    public static final LegPosition FLAT = new LegPosition(BigDecimal.ZERO, BigDecimal.ZERO);

    /** The position after a fill that grows it. */
    public LegPosition grow(BigDecimal qty, BigDecimal price) {
        BigDecimal total = quantity.add(qty);
        BigDecimal entry = quantity.multiply(entryPrice).add(qty.multiply(price)).divide(total, MathContext.DECIMAL64);
        return new LegPosition(total, entry);
    }

    /** The position after a fill that shrinks it; the quantity cannot go below zero. */
    public LegPosition shrink(BigDecimal qty) {
        BigDecimal left = quantity.subtract(qty);
        if (left.signum() < 0) {
            throw new IllegalArgumentException("shrinking " + qty + " from " + quantity);
        }
        return left.signum() == 0 ? FLAT : new LegPosition(left, entryPrice);
    }

    /** Realised PnL of closing {@code qty} at {@code price}: long gains when price rose, short when it fell. */
    public BigDecimal realised(BigDecimal qty, BigDecimal price, boolean shortLeg) {
        BigDecimal move = price.subtract(entryPrice);
        return (shortLeg ? move.negate() : move).multiply(qty);
    }

    public BigDecimal unrealised(BigDecimal mark, boolean shortLeg) {
        return quantity.signum() == 0 || mark.signum() <= 0 ? BigDecimal.ZERO : realised(quantity, mark, shortLeg);
    }
}
