package com.novaquant.strategy.pair;

/** What the service last decided for a symbol. */
public enum Position {
    /** Nothing decided since start-up: the service does not assume flat, so it does not close a pair by default. */
    UNKNOWN,
    FLAT,
    OPEN
}
