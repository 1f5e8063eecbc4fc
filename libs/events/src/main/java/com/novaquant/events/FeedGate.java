package com.novaquant.events;

/**
 * Whether a symbol's market data can be decided on, published by ingestion on the compacted {@code nova.feed-gates}
 * topic ({@link Topics#FEED_GATES}, key {@code feed-gate:<SYMBOL>}) each time it changes. While gated (a lagging,
 * silent or storming feed touching the symbol), signal-service makes no decision on it and execution adds no exposure
 * on it. Ingestion lifts the gate by itself once the symbol's feeds have been healthy for its stated time; no human
 * is needed.
 *
 * @param symbol the symbol, e.g. {@code BTCUSDT}
 * @param gated  true while its data cannot be trusted
 * @param reason why (or, when lifted, what it was lifted after)
 * @param atMs   when this state was decided, epoch ms; the newest wins
 */
public record FeedGate(String symbol, boolean gated, String reason, long atMs) implements NovaEvent {

    public static final String KEY_PREFIX = "feed-gate:";

    public FeedGate {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("symbol is required");
        }
    }

    @Override
    public String key() {
        return KEY_PREFIX + symbol;
    }
}
