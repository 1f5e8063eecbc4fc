package com.novaquant.strategy.pair;

/**
 * What differs between symbols.
 *
 * @param fundingIntervalHours the configured funding interval (8 by default; Binance also runs 4 h and 1 h), used
 *                             while the symbol's own is neither published nor observed
 *                             ({@link FundingTracker#intervalHours})
 * @param notional             target notional of one pair, quote currency (the symbol's allocation)
 * @param selected             whether the symbol is in the traded universe: a symbol outside it never opens, and
 *                             an open pair on it closes ({@code LEFT_UNIVERSE})
 */
public record SymbolPolicy(double fundingIntervalHours, double notional, boolean selected) {

    /** A symbol of a fixed list: always in the universe. */
    public SymbolPolicy(double fundingIntervalHours, double notional) {
        this(fundingIntervalHours, notional, true);
    }
}
