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
import com.novaquant.binance.stream.SubscriptionChange;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Translates Binance frames into the events module's {@link Quote} and {@link FundingRate} (the publish boundary,
 * where the exact scaled longs become BigDecimals) and connection events into feed state. Runs on event loops.
 */
final class BinanceFrameHandler implements FrameListener, ConnectionListener {

    private final MarketDataIngestion ingestion;
    private final FeedMonitor monitor;
    private final FeedWatchdog watchdog;
    private final IngestionMetrics metrics;
    private final FrameRecording recorder;

    BinanceFrameHandler(MarketDataIngestion ingestion, FeedMonitor monitor, FeedWatchdog watchdog,
                        IngestionMetrics metrics, FrameRecording recorder) {
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

    /**
     * The stream the frame was parsed for, or null when it was unsubscribed (and its id perhaps given to another
     * stream) between parsing and now: identity of the interned name, no allocation.
     */
    private FeedStream stream(StreamKey key) {
        FeedStream stream = monitor.stream(key.id());
        return stream != null && stream.name().equals(key.name()) ? stream : null;
    }

    @Override
    public void onBookTicker(ConnectionSpec connection, StreamKey key, BookTicker t, ReceivedFrame frame) {
        FeedStream stream = stream(key);
        if (stream == null) {
            ingestion.onRejected(connection.route().venue(), ParseStatus.UNKNOWN_STREAM.name());
            return;
        }
        recorder.record(stream, frame);
        Quote quote = new Quote(t.symbol(), stream.venue(), t.bidPrice(), t.bidQty(), t.askPrice(), t.askQty(),
                t.updateId(), t.eventTimeMs(), frame.receivedAtMicros());
        ingestion.onQuote(stream, quote, frame.receivedNanos());
    }

    @Override
    public void onMarkPrice(ConnectionSpec connection, StreamKey key, MarkPrice m, ReceivedFrame frame) {
        FeedStream stream = stream(key);
        if (stream == null) {
            ingestion.onRejected(connection.route().venue(), ParseStatus.UNKNOWN_STREAM.name());
            return;
        }
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
    public void onSubscriptionFailed(ConnectionSpec connection, SubscriptionChange change, String detail) {
        metrics.subscriptionError();
    }

    @Override
    public void onSubscriptionChanged(ConnectionSpec connection, SubscriptionChange change, List<String> streams) {
    }

    @Override
    public void onReconnectScheduled(ConnectionSpec connection, Duration delay, int attempt, DisconnectCause cause) {
        metrics.reconnect(connection.name(), causeTag(cause));
        watchdog.onReconnect(connection.name(), ManagedConnection.deliberate(cause));
    }
}
