package com.novaquant.simulator.matching;

/** The order types the simulator matches. */
public enum OrderType {
    MARKET,
    LIMIT
}
