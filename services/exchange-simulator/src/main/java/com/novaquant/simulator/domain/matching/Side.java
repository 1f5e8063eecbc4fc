package com.novaquant.simulator.domain.matching;

/** Order side. */
public enum Side {
    BUY,
    SELL;

    /** +1 for BUY, -1 for SELL: the sign a fill gives a position. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }
}
