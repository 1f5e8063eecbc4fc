package com.novaquant.binance.filters;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Minimum and maximum order notional (price x quantity), unifying spot {@code NOTIONAL}, spot
 * {@code MIN_NOTIONAL} ({@code applyToMarket}) and USD-M {@code MIN_NOTIONAL} ({@code notional}, always applied to
 * MARKET orders at the mark price, reduce-only orders exempt).
 *
 * @param minNotional      zero disables
 * @param applyMinToMarket whether MARKET orders are checked against minNotional (at the reference price)
 * @param maxNotional      zero disables
 * @param applyMaxToMarket whether MARKET orders are checked against maxNotional
 * @param reduceOnlyExempt USD-M: reduce-only orders are exempt from the minimum
 */
public record NotionalFilter(BigDecimal minNotional, boolean applyMinToMarket, BigDecimal maxNotional,
                             boolean applyMaxToMarket, boolean reduceOnlyExempt) {

    /** No notional constraint. */
    public static final NotionalFilter NONE =
            new NotionalFilter(BigDecimal.ZERO, false, BigDecimal.ZERO, false, false);

    public NotionalFilter {
        Objects.requireNonNull(minNotional, "minNotional");
        Objects.requireNonNull(maxNotional, "maxNotional");
    }
}
