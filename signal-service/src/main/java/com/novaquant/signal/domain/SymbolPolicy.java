package com.novaquant.signal.domain;

/**
 * What differs between symbols.
 *
 * @param fundingIntervalHours the perpetual's funding interval (8 by default; Binance also runs 4 h and 1 h)
 * @param notional             target notional of one pair, quote currency
 */
public record SymbolPolicy(double fundingIntervalHours, double notional) {
}
