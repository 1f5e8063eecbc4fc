package com.novaquant.ingestion.application;

import com.novaquant.events.FundingRate;
import com.novaquant.events.Quote;
import com.novaquant.ingestion.domain.ClockOffset;
import com.novaquant.ingestion.domain.QuoteCheck;

/**
 * The ingestion use case, run on the Netty event loop for every parsed frame: mark the stream alive, measure lag
 * against the exchange's clock, drop what fails the sanity rules (counted, never published) and hand the rest to the
 * sink. Never blocks.
 */
public final class MarketDataIngestion {

    private final FeedMonitor monitor;
    private final IngestionMetrics metrics;
    private final ClockOffsets clockOffsets;
    private final MarketDataSink sink;

    public MarketDataIngestion(FeedMonitor monitor, IngestionMetrics metrics, ClockOffsets clockOffsets, MarketDataSink sink) {
        this.monitor = monitor;
        this.metrics = metrics;
        this.clockOffsets = clockOffsets;
        this.sink = sink;
    }

    public void onQuote(FeedStream stream, Quote quote, long receivedNanos) {
        arrived(stream, quote.exchangeTimeMs(), quote.receivedAtMicros(), receivedNanos);
        QuoteCheck check = QuoteCheck.of(quote);
        if (check != QuoteCheck.OK) {
            metrics.rejected(stream.venue().name(), check.name());
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
        sink.publish(funding, receivedNanos);
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
