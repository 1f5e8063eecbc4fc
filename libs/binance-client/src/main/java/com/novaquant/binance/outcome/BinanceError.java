package com.novaquant.binance.outcome;

/** Binance's error body {@code {"code":-2010,"msg":"..."}}. */
public record BinanceError(int code, String msg) {
}
