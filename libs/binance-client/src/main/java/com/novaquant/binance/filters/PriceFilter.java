package com.novaquant.binance.filters;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * {@code PRICE_FILTER}: a price must be within [minPrice, maxPrice] and {@code (price - minPrice)} a multiple of
 * tickSize. A zero field disables that part of the check (Binance's rule).
 */
public record PriceFilter(BigDecimal minPrice, BigDecimal maxPrice, BigDecimal tickSize) {

    /** No price constraint (symbol without a PRICE_FILTER). */
    public static final PriceFilter NONE = new PriceFilter(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public PriceFilter {
        Objects.requireNonNull(minPrice, "minPrice");
        Objects.requireNonNull(maxPrice, "maxPrice");
        Objects.requireNonNull(tickSize, "tickSize");
    }

    /** Rounds to the tick grid anchored at minPrice with the given mode; unchanged when tickSize is zero. */
    public BigDecimal round(BigDecimal price, RoundingMode mode) {
        return Decimals.toGrid(price, minPrice, tickSize, mode);
    }
}
