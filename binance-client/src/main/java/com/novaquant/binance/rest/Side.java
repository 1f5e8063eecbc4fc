package com.novaquant.binance.rest;

/** Order side, spelled as Binance spells it. */
public enum Side {
    BUY,
    SELL
}
