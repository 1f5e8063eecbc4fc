package com.novaquant.ingestion.application;

import com.novaquant.events.Venue;

/**
 * One subscribed market-data stream.
 *
 * @param id         dense index over all streams, for per-stream state kept in arrays
 * @param name       the venue's stream name, e.g. {@code btcusdt@bookTicker}
 * @param kind       {@code book_ticker} or {@code mark_price} (a metric tag)
 */
public record FeedStream(int id, String name, String symbol, Venue venue, String kind) {
}
