package com.novaquant.ingestion.adapter.kafka;

import com.novaquant.events.MarketScan;
import com.novaquant.events.Topics;
import com.novaquant.ingestion.application.scan.MarketScanPublisher;
import com.novaquant.support.EventPublisher;

import java.util.concurrent.CompletionStage;

/**
 * Market scans on {@code nova.md.scan} (key {@value MarketScan#KEY}) through the shared, durable event publisher,
 * which seals the record when the service holds the signing keys: a scan a minute needs no latency tuning, and its
 * loss would go unnoticed until the next one.
 */
public final class KafkaMarketScanPublisher implements MarketScanPublisher {

    private final EventPublisher publisher;

    public KafkaMarketScanPublisher(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public CompletionStage<?> publish(MarketScan scan) {
        return publisher.publish(Topics.MARKET_SCAN, scan);
    }
}
