package com.novaquant.ingestion.application;

import com.novaquant.events.FundingRate;
import com.novaquant.events.Quote;
import com.novaquant.ingestion.domain.ClockOffset;
import com.novaquant.ingestion.domain.QuoteCheck;
import com.novaquant.ingestion.domain.UpdateIdSequence;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * The ingestion use case, run on the Netty event loop for every parsed frame: mark the stream alive, measure lag
 * against the exchange's clock, drop what fails the sanity rules or is not newer than the stream's last published
 * update id (counted, never published) and hand the rest to the sink, funding with the symbol's funding interval as
 * last read from the exchange. Never blocks.
 */
public final class MarketDataIngestion {

    private final FeedMonitor monitor;
    private final IngestionMetrics metrics;
    private final ClockOffsets clockOffsets;
    private final MarketDataSink sink;
    private final UpdateIdSequence updateIds;
    private final Map<String, int[]> streamIdsByConnection;
    private final ToIntFunction<String> fundingIntervalHours;

    /** Funding is published with an unknown interval. */
    public MarketDataIngestion(FeedMonitor monitor, IngestionMetrics metrics, ClockOffsets clockOffsets, MarketDataSink sink) {
        this(monitor, metrics, clockOffsets, sink, symbol -> FundingRate.UNKNOWN_INTERVAL);
    }

    /** @param fundingIntervalHours a symbol's funding interval in hours, 0 when unknown; called on the event loop */
    public MarketDataIngestion(FeedMonitor monitor, IngestionMetrics metrics, ClockOffsets clockOffsets, MarketDataSink sink,
                               ToIntFunction<String> fundingIntervalHours) {
        this.fundingIntervalHours = fundingIntervalHours;
        this.monitor = monitor;
        this.metrics = metrics;
        this.clockOffsets = clockOffsets;
        this.sink = sink;
        this.updateIds = new UpdateIdSequence(monitor.streamCapacity());
        this.streamIdsByConnection = new ConcurrentHashMap<>();
        monitor.connections().forEach(c -> addStreams(c.name(), c.streams()));
    }

    /**
     * Streams subscribed on the connection while running (before their first frame): each starts with no update id,
     * whatever a removed stream that had the same id published.
     */
    public synchronized void addStreams(String connection, List<FeedStream> streams) {
        int[] before = streamIdsByConnection.getOrDefault(connection, new int[0]);
        int[] now = Arrays.copyOf(before, before.length + streams.size());
        for (int i = 0; i < streams.size(); i++) {
            updateIds.reset(streams.get(i).id());
            now[before.length + i] = streams.get(i).id();
        }
        streamIdsByConnection.put(connection, now);
    }

    /** Streams unsubscribed from the connection: a reconnect of it no longer touches their ids. */
    public synchronized void removeStreams(String connection, List<FeedStream> streams) {
        Set<Integer> removed = new HashSet<>();
        streams.forEach(stream -> removed.add(stream.id()));
        int[] before = streamIdsByConnection.getOrDefault(connection, new int[0]);
        streamIdsByConnection.put(connection, Arrays.stream(before).filter(id -> !removed.contains(id)).toArray());
    }

    /**
     * The connection has a new session (event loop, before its first frame): its streams' update ids start afresh,
     * since the exchange may have restarted and begun its ids again.
     */
    public void onConnected(String connection) {
        int[] streamIds = streamIdsByConnection.get(connection);
        if (streamIds == null) {
            return;
        }
        for (int streamId : streamIds) {
            updateIds.reset(streamId);
        }
    }

    public void onQuote(FeedStream stream, Quote quote, long receivedNanos) {
        arrived(stream, quote.exchangeTimeMs(), quote.receivedAtMicros(), receivedNanos);
        QuoteCheck check = QuoteCheck.of(quote);
        if (check != QuoteCheck.OK) {
            metrics.rejected(stream.venue().name(), check.name());
            return;
        }
        if (!updateIds.advance(stream.id(), quote.updateId())) {
            metrics.rejectedStaleUpdate(stream.id());
            return;
        }
        sink.publish(quote, receivedNanos);
    }

    public void onFunding(FeedStream stream, FundingRate funding, long receivedNanos) {
        arrived(stream, funding.exchangeTimeMs(), funding.receivedAtMicros(), receivedNanos);
        if (!QuoteCheck.positive(funding.markPrice()) || !QuoteCheck.positive(funding.indexPrice())) {
            metrics.rejected(stream.venue().name(), QuoteCheck.NON_POSITIVE_PRICE.name());
            return;
        }
        sink.publish(funding.withFundingIntervalHours(fundingIntervalHours.applyAsInt(funding.symbol())), receivedNanos);
    }

    /** A frame that could not be parsed (or named an unknown symbol or stream). */
    public void onRejected(String venue, String reason) {
        metrics.rejected(venue, reason);
    }

    private void arrived(FeedStream stream, long exchangeTimeMs, long receivedAtMicros, long receivedNanos) {
        monitor.onMessage(stream.id(), receivedNanos);
        metrics.message(stream.id());
        if (exchangeTimeMs > 0) {
            ClockOffset offset = clockOffsets.get(stream.venue());
            long lag = offset.lagMillis(receivedAtMicros, exchangeTimeMs);
            metrics.lag(stream.id(), lag);
            monitor.onLag(stream.id(), lag, receivedNanos);
        }
    }
}
