package com.novaquant.execution.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The exchange filters of one symbol on one venue that decide whether a market order's quantity is acceptable
 * (LOT_SIZE / MARKET_LOT_SIZE step and bounds, MIN_NOTIONAL / NOTIONAL).
 */
public record SymbolFilters(BigDecimal stepSize, BigDecimal minQty, BigDecimal maxQty, BigDecimal minNotional) {

    public SymbolFilters {
        Objects.requireNonNull(stepSize);
        Objects.requireNonNull(minQty);
        Objects.requireNonNull(maxQty);
        Objects.requireNonNull(minNotional);
        if (stepSize.signum() <= 0) {
            throw new IllegalArgumentException("stepSize must be positive");
        }
    }

    /** Rounds down to a multiple of the step: never more than asked for. */
    public BigDecimal roundDown(BigDecimal quantity) {
        BigDecimal steps = quantity.divide(stepSize, 0, RoundingMode.DOWN);
        return steps.multiply(stepSize).stripTrailingZeros();
    }

    public boolean onStep(BigDecimal quantity) {
        return quantity.remainder(stepSize).signum() == 0;
    }

    /**
     * Null when acceptable, otherwise the filter it breaks.
     *
     * @param reduceOnly a USD-M reduce-only order, which Binance exempts from the minimum notional
     */
    public String violation(BigDecimal quantity, BigDecimal price, boolean reduceOnly) {
        if (!onStep(quantity)) {
            return "LOT_SIZE step " + stepSize.toPlainString();
        }
        if (quantity.compareTo(minQty) < 0) {
            return "LOT_SIZE minQty " + minQty.toPlainString();
        }
        if (maxQty.signum() > 0 && quantity.compareTo(maxQty) > 0) {
            return "LOT_SIZE maxQty " + maxQty.toPlainString();
        }
        if (!reduceOnly && quantity.multiply(price).compareTo(minNotional) < 0) {
            return "MIN_NOTIONAL " + minNotional.toPlainString();
        }
        return null;
    }
}
