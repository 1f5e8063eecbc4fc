package com.novaquant.ingestion.adapter.binance;

import com.novaquant.binance.stream.ConnectionListener;
import com.novaquant.binance.stream.ConnectionSpec;
import com.novaquant.binance.stream.DisconnectCause;
import com.novaquant.binance.stream.FrameListener;
import com.novaquant.binance.stream.ReceivedFrame;
import com.novaquant.binance.stream.parse.BookTicker;
import com.novaquant.binance.stream.parse.MarkPrice;
import com.novaquant.binance.stream.parse.ParseStatus;
import com.novaquant.binance.stream.parse.StreamKey;
import com.novaquant.events.FundingRate;
import com.novaquant.events.Quote;
import com.novaquant.events.Venue;
import com.novaquant.ingestion.application.FeedMonitor;
import com.novaquant.ingestion.application.FeedStream;
import com.novaquant.ingestion.application.FeedWatchdog;
import com.novaquant.ingestion.application.IngestionMetrics;
import com.novaquant.ingestion.application.MarketDataIngestion;

import java.time.Duration;
import java.util.Locale;

/**
 * Translates Binance frames into the events module's {@link Quote} and {@link FundingRate} (the publish boundary,
 * where the exact scaled longs become BigDecimals) and connection events into feed state. Runs on event loops.
 */
final class BinanceFrameHandler implements FrameListener, ConnectionListener {

    private final FeedStream[] streams;
    private final MarketDataIngestion ingestion;
    private final FeedMonitor monitor;
    private final FeedWatchdog watchdog;
    private final IngestionMetrics metrics;
    private final FrameRecording recorder;

    BinanceFrameHandler(FeedStream[] streams, MarketDataIngestion ingestion, FeedMonitor monitor, FeedWatchdog watchdog,
                        IngestionMetrics metrics, FrameRecording recorder) {
        this.streams = streams;
        this.ingestion = ingestion;
        this.monitor = monitor;
        this.watchdog = watchdog;
        this.metrics = metrics;
        this.recorder = recorder;
    }

    /** The {@code cause} tag of {@code nova.ingestion.reconnects}. */
    static String causeTag(DisconnectCause cause) {
        return cause.name().toLowerCase(Locale.ROOT);
    }

    static Venue venue(ConnectionSpec connection) {
        return Venue.valueOf(connection.route().venue());
    }

    @Override
    public void onBookTicker(ConnectionSpec connection, StreamKey key, BookTicker t, ReceivedFrame frame) {
        FeedStream stream = streams[key.id()];
        recorder.record(stream, frame);
        Quote quote = new Quote(t.symbol(), stream.venue(), t.bidPrice(), t.bidQty(), t.askPrice(), t.askQty(),
                t.updateId(), t.eventTimeMs(), frame.receivedAtMicros());
        ingestion.onQuote(stream, quote, frame.receivedNanos());
    }

    @Override
    public void onMarkPrice(ConnectionSpec connection, StreamKey key, MarkPrice m, ReceivedFrame frame) {
        FeedStream stream = streams[key.id()];
        recorder.record(stream, frame);
        FundingRate funding = new FundingRate(m.symbol(), m.markPrice(), m.indexPrice(), m.fundingRate(),
                m.nextFundingTimeMs(), m.eventTimeMs(), frame.receivedAtMicros());
        ingestion.onFunding(stream, funding, frame.receivedNanos());
    }

    @Override
    public void onRejected(ConnectionSpec connection, ParseStatus reason, ReceivedFrame frame) {
        ingestion.onRejected(connection.route().venue(), reason.name());
    }

    @Override
    public void onConnected(ConnectionSpec connection) {
        monitor.onConnected(connection.name());
        ingestion.onConnected(connection.name());
    }

    @Override
    public void onDisconnected(ConnectionSpec connection, DisconnectCause cause, String detail) {
        monitor.onDisconnected(connection.name());
    }

    @Override
    public void onReconnectScheduled(ConnectionSpec connection, Duration delay, int attempt, DisconnectCause cause) {
        metrics.reconnect(connection.name(), causeTag(cause));
        watchdog.onReconnect(connection.name(), ManagedConnection.deliberate(cause));
    }
}
