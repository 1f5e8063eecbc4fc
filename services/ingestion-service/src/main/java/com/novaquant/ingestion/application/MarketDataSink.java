package com.novaquant.ingestion.application;

import com.novaquant.events.FundingRate;
import com.novaquant.events.Quote;

import java.time.Duration;

/**
 * Where normalised market data goes (Kafka). Called on the Netty event loop: implementations never block; when they
 * cannot take a record (broker down, buffer full) they drop it and count the drop.
 */
public interface MarketDataSink {

    /** @param receivedNanos {@code System.nanoTime()} when the frame arrived, for the publish-latency metric */
    void publish(Quote quote, long receivedNanos);

    void publish(FundingRate funding, long receivedNanos);

    /** Blocks the caller (start-up, never the event loop) until the sink can accept records or the timeout passes. */
    boolean awaitReady(Duration timeout);
}
