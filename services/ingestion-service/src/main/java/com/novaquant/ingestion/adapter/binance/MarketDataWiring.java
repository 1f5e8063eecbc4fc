package com.novaquant.ingestion.adapter.binance;

import com.novaquant.ingestion.application.FeedMonitor;
import com.novaquant.ingestion.application.FeedWatchdog;
import com.novaquant.ingestion.application.IngestionMetrics;
import com.novaquant.ingestion.application.MarketDataIngestion;

/** What the Binance frame handler feeds: the use case, the feed state, the watchdog, the meters and the recorder. */
public record MarketDataWiring(MarketDataIngestion ingestion, FeedMonitor monitor, FeedWatchdog watchdog,
                               IngestionMetrics metrics, FrameRecording recorder) {
}
