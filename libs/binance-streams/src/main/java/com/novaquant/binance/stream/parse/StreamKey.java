package com.novaquant.binance.stream.parse;

/**
 * One subscribed stream.
 *
 * @param id     a dense index (0..n-1) over every stream of the process, for per-stream state kept in arrays
 * @param name   Binance's stream name, e.g. {@code btcusdt@bookTicker}
 * @param symbol the upper-case symbol, e.g. {@code BTCUSDT}
 * @param type   what the stream carries
 */
public record StreamKey(int id, String name, String symbol, StreamType type) {
}
