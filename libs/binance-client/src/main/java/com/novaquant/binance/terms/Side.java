package com.novaquant.binance.terms;

/** Order side, spelled as Binance spells it. */
public enum Side {
    BUY,
    SELL
}
