package com.novaquant.ingestion.config;

import com.novaquant.ingestion.adapter.binance.BinanceFeeds;
import com.novaquant.ingestion.adapter.binance.FrameRecording;
import com.novaquant.ingestion.adapter.binance.MarketDataWiring;
import com.novaquant.ingestion.adapter.kafka.KafkaMarketDataPublisher;
import com.novaquant.ingestion.adapter.kafka.KafkaUniverseFollower;
import com.novaquant.ingestion.application.ClockSync;
import com.novaquant.ingestion.application.FeedMonitor;
import com.novaquant.ingestion.application.FeedWatchdog;
import com.novaquant.ingestion.application.FundingIntervalRefresh;
import com.novaquant.ingestion.application.IngestionMetrics;
import com.novaquant.ingestion.application.MarketDataIngestion;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the pipeline once the context is up (producer metadata first, then clock sync, the first read of the funding
 * intervals, the feeds, the watchdog, which first publishes every symbol's starting gate, and, in universe mode, the
 * universe follower, which changes the open connections' subscriptions) and stops the follower, the watchdog and then
 * the feeds first on shutdown, so the producer can flush what they delivered.
 */
public final class IngestionRuntime implements SmartLifecycle {

    private final BinanceFeeds feeds;
    private final KafkaMarketDataPublisher publisher;
    private final MarketDataWiring wiring;
    private final FeedWatchdog watchdog;
    private final ClockSync clockSync;
    private final FundingIntervalRefresh fundingIntervals;
    private final FrameRecording recording;
    private final IngestionProperties properties;
    private final KafkaUniverseFollower universeFollower;
    private volatile boolean running;

    IngestionRuntime(BinanceFeeds feeds, KafkaMarketDataPublisher publisher, MarketDataIngestion ingestion,
                     FeedMonitor monitor, FeedWatchdog watchdog, IngestionMetrics metrics, FrameRecording recording,
                     ClockSync clockSync, FundingIntervalRefresh fundingIntervals, IngestionProperties properties,
                     KafkaUniverseFollower universeFollower) {
        this.universeFollower = universeFollower;
        this.feeds = feeds;
        this.publisher = publisher;
        this.wiring = new MarketDataWiring(ingestion, monitor, watchdog, metrics, recording);
        this.watchdog = watchdog;
        this.clockSync = clockSync;
        this.fundingIntervals = fundingIntervals;
        this.recording = recording;
        this.properties = properties;
    }

    @Override
    public void start() {
        publisher.awaitReady(properties.kafkaReadyTimeout());
        clockSync.start(properties.clockSync().interval());
        // Before the feeds, so that the first funding events already carry the intervals (bounded by its timeout).
        fundingIntervals.start(properties.fundingInfo().refresh(), properties.fundingInfo().retry());
        wiring.monitor().start();
        feeds.start(wiring);
        watchdog.start(properties.watchdogInterval());
        if (universeFollower != null) {
            // After the feeds: its changes go to open connections and to feed state that exists.
            universeFollower.start();
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (universeFollower != null) {
            universeFollower.close();
        }
        // The watchdog first: with the feeds stopped it would see every connection down and gate every symbol on
        // the way out (the next instance publishes "feeds starting" itself).
        watchdog.close();
        feeds.stop();
        if (recording instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(IngestionRuntime.class).warn("closing the frame recording failed", e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
