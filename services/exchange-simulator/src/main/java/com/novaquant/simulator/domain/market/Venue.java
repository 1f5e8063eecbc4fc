package com.novaquant.simulator.domain.market;

/** The two markets of the simulator: Binance spot and USD-M perpetual futures. */
public enum Venue {
    SPOT,
    USDM
}
