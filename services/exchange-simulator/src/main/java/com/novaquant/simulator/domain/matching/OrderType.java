package com.novaquant.simulator.domain.matching;

/** The order types the simulator matches. */
public enum OrderType {
    MARKET,
    LIMIT
}
