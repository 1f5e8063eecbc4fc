package com.novaquant.binance.rest;

/** Time in force. {@link #GTX} (post-only) exists on USD-M only. */
public enum TimeInForce {
    GTC,
    IOC,
    FOK,
    GTX
}
