package com.novaquant.binance.stream.parse;

/** The market-data streams the desk consumes, with the stream-name suffix Binance uses for each. */
public enum StreamType {
    /** {@code <symbol>@bookTicker}: best bid/ask, real time (spot and USD-M). */
    BOOK_TICKER("@bookTicker"),
    /** {@code <symbol>@markPrice@1s}: mark price, index price and funding rate every second (USD-M). */
    MARK_PRICE("@markPrice@1s");

    private final String suffix;

    StreamType(String suffix) {
        this.suffix = suffix;
    }

    public String streamName(String symbol) {
        return symbol.toLowerCase(java.util.Locale.ROOT) + suffix;
    }
}
