package com.novaquant.binance.filters;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Exact-decimal grid arithmetic shared by the filters. */
final class Decimals {

    private Decimals() {
    }

    /**
     * {@code anchor + round((value - anchor) / step) * step}, with the result's scale no finer than the step's,
     * so that serialising it never sends more decimals than Binance allows (-1111).
     */
    static BigDecimal toGrid(BigDecimal value, BigDecimal anchor, BigDecimal step, RoundingMode mode) {
        if (step.signum() <= 0) {
            return value;
        }
        BigDecimal steps = value.subtract(anchor).divide(step, 0, mode);
        BigDecimal onGrid = anchor.add(steps.multiply(step));
        int scale = Math.max(Math.max(step.stripTrailingZeros().scale(), anchor.stripTrailingZeros().scale()), 0);
        return onGrid.setScale(scale, RoundingMode.UNNECESSARY).stripTrailingZeros();
    }

    /** True when {@code (value - anchor)} is an exact multiple of step (or step is zero). */
    static boolean onGrid(BigDecimal value, BigDecimal anchor, BigDecimal step) {
        return step.signum() <= 0 || value.subtract(anchor).remainder(step).signum() == 0;
    }

    /** Binance's wire form: plain string, no exponent, no trailing zeros. */
    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
