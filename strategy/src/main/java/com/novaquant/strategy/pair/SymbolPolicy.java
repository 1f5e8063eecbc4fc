package com.novaquant.strategy.pair;

/**
 * What differs between symbols.
 *
 * @param fundingIntervalHours the configured funding interval (8 by default; Binance also runs 4 h and 1 h), used
 *                             while the symbol's own is neither published nor observed
 *                             ({@link FundingTracker#intervalHours})
 * @param notional             target notional of one pair, quote currency
 */
public record SymbolPolicy(double fundingIntervalHours, double notional) {
}
