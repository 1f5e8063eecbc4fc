package com.novaquant.simulator.domain.orders;

/** Why the exchange refused a request: Binance's error code and message. */
public record Rejection(int code, String msg) {
}
