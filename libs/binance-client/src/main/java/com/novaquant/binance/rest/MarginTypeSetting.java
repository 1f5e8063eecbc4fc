package com.novaquant.binance.rest;

/**
 * Answer of {@code POST /fapi/v1/marginType}: the symbol now has {@code marginType}.
 *
 * @param changed false when Binance answered -4046 "No need to change margin type." (it already had it)
 */
public record MarginTypeSetting(String symbol, MarginType marginType, boolean changed) {
}
