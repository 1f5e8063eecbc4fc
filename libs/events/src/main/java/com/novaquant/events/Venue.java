package com.novaquant.events;

/** The two legs of the carry trade. */
public enum Venue {
    /** Binance spot: the long leg. */
    SPOT,
    /** Binance USD-M perpetual futures: the short leg. */
    USDM
}
