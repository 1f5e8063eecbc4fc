package com.novaquant.binance.filters;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * {@code LOT_SIZE} or {@code MARKET_LOT_SIZE}: a quantity must be within [minQty, maxQty] and
 * {@code (qty - minQty)} a multiple of stepSize. A zero field disables that part of the check.
 */
public record LotSizeFilter(BigDecimal minQty, BigDecimal maxQty, BigDecimal stepSize) {

    /** No quantity constraint. */
    public static final LotSizeFilter NONE = new LotSizeFilter(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public LotSizeFilter {
        Objects.requireNonNull(minQty, "minQty");
        Objects.requireNonNull(maxQty, "maxQty");
        Objects.requireNonNull(stepSize, "stepSize");
    }

    /** Rounds down (toward zero) onto the step grid anchored at minQty; unchanged when stepSize is zero. */
    public BigDecimal roundDown(BigDecimal quantity) {
        return Decimals.toGrid(quantity, minQty, stepSize, RoundingMode.FLOOR);
    }
}
