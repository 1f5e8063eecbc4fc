package com.novaquant.ingestion.application.scan;

import com.novaquant.events.MarketScan;

import java.util.concurrent.CompletionStage;

/** Publishes a complete scan ({@code nova.md.scan}); the stage completes when the broker has it. */
public interface MarketScanPublisher {

    CompletionStage<?> publish(MarketScan scan);
}
