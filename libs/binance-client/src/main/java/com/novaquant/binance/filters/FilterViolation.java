package com.novaquant.binance.filters;

/**
 * One reason an order cannot be made valid.
 *
 * @param filter the Binance filter name ({@code LOT_SIZE}, {@code MARKET_LOT_SIZE}, {@code PRICE_FILTER},
 *               {@code NOTIONAL}, {@code MIN_NOTIONAL}) or {@code SYMBOL} / {@code ORDER} for non-filter problems
 * @param detail human-readable explanation with the offending and the allowed values
 */
public record FilterViolation(String filter, String detail) {

    @Override
    public String toString() {
        return filter + ": " + detail;
    }
}
