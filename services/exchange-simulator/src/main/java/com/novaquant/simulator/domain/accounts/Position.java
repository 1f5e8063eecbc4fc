package com.novaquant.simulator.domain.accounts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A one-way-mode USD-M position: signed amount (positive long, negative short) and average entry
 * price. Immutable; {@link #apply} returns the new position and the PnL realised by the fill.
 */
public record Position(String symbol, BigDecimal amount, BigDecimal entryPrice) {

    private static final int PRICE_SCALE = 8;

    public static Position flat(String symbol) {
        return new Position(symbol, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** Applies a fill of signed quantity {@code signedQty} at {@code price}. */
    public Applied apply(BigDecimal signedQty, BigDecimal price) {
        if (amount.signum() == 0 || amount.signum() == signedQty.signum()) {
            BigDecimal newAmount = amount.add(signedQty);
            BigDecimal cost = amount.abs().multiply(entryPrice).add(signedQty.abs().multiply(price));
            BigDecimal entry = cost.divide(newAmount.abs(), PRICE_SCALE, RoundingMode.HALF_EVEN);
            return new Applied(new Position(symbol, newAmount, entry), BigDecimal.ZERO);
        }
        BigDecimal closing = signedQty.abs().min(amount.abs());
        BigDecimal realised = price.subtract(entryPrice).multiply(closing).multiply(BigDecimal.valueOf(amount.signum()));
        BigDecimal newAmount = amount.add(signedQty);
        Position next;
        if (newAmount.signum() == 0) {
            next = flat(symbol);
        } else if (newAmount.signum() == amount.signum()) {
            next = new Position(symbol, newAmount, entryPrice);
        } else {
            next = new Position(symbol, newAmount, price);
        }
        return new Applied(next, realised);
    }

    public BigDecimal unrealisedPnl(BigDecimal markPrice) {
        return markPrice.subtract(entryPrice).multiply(amount).setScale(PRICE_SCALE, RoundingMode.HALF_EVEN);
    }

    public BigDecimal notional(BigDecimal markPrice) {
        return amount.multiply(markPrice).setScale(PRICE_SCALE, RoundingMode.HALF_EVEN);
    }

    /** The position after a fill and the PnL that fill realised. */
    public record Applied(Position position, BigDecimal realisedPnl) {
    }
}
