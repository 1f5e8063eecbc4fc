package com.novaquant.simulator.domain.matching;

/** How long a LIMIT order lives: resting (GTC), fill-what-you-can (IOC), all-or-nothing (FOK). */
public enum TimeInForce {
    GTC,
    IOC,
    FOK
}
