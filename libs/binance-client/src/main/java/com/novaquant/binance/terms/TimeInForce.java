package com.novaquant.binance.terms;

/** Time in force. {@link #GTX} (post-only) exists on USD-M only. */
public enum TimeInForce {
    GTC,
    IOC,
    FOK,
    GTX
}
