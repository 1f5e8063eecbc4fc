package com.novaquant.ingestion.application;

import com.novaquant.events.FundingRate;
import com.novaquant.events.Quote;
import com.novaquant.events.Venue;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The per-frame use case with its real monitor and meters; the sink is the in-memory end of the port. */
class MarketDataIngestionTest {

    static final FeedStream SPOT_BTC = new FeedStream(0, "btcusdt@bookTicker", "BTCUSDT", Venue.SPOT, "book_ticker");
    static final FeedStream SPOT_ETH = new FeedStream(1, "ethusdt@bookTicker", "ETHUSDT", Venue.SPOT, "book_ticker");
    static final FeedStream USDM_BTC = new FeedStream(2, "btcusdt@bookTicker", "BTCUSDT", Venue.USDM, "book_ticker");
    static final FeedStream USDM_MARK = new FeedStream(3, "btcusdt@markPrice@1s", "BTCUSDT", Venue.USDM, "mark_price");

    final FeedMonitor monitor = new FeedMonitor(List.of(
            new FeedConnection("spot-0", Venue.SPOT, List.of(SPOT_BTC, SPOT_ETH)),
            new FeedConnection("usdm-public-0", Venue.USDM, List.of(USDM_BTC)),
            new FeedConnection("usdm-market-0", Venue.USDM, List.of(USDM_MARK))),
            Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(5), System::nanoTime);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final CollectingSink sink = new CollectingSink();
    final MarketDataIngestion ingestion = new MarketDataIngestion(monitor,
            new IngestionMetrics(registry, monitor, Duration.ofMillis(200)), new ClockOffsets(), sink);

    @Test
    void duplicateBookTickerIsCountedAndNotPublished() {
        ingestion.onQuote(SPOT_BTC, quote(SPOT_BTC, 100, "100.1"), 0);
        ingestion.onQuote(SPOT_BTC, quote(SPOT_BTC, 100, "100.1"), 0);

        assertThat(sink.quotes).extracting(Quote::updateId).containsExactly(100L);
        assertThat(stale("SPOT")).isEqualTo(1);
    }

    @Test
    void olderBookTickerIsCountedAndNotPublishedWhileNewerOnesAre() {
        ingestion.onQuote(USDM_BTC, quote(USDM_BTC, 100, "100.1"), 0);
        ingestion.onQuote(USDM_BTC, quote(USDM_BTC, 99, "99.9"), 0);
        ingestion.onQuote(USDM_BTC, quote(USDM_BTC, 101, "100.2"), 0);

        assertThat(sink.quotes).extracting(Quote::updateId).containsExactly(100L, 101L);
        assertThat(stale("USDM")).isEqualTo(1);
        assertThat(stale("SPOT")).isZero();
    }

    @Test
    void eachStreamKeepsItsOwnSequence() {
        ingestion.onQuote(SPOT_BTC, quote(SPOT_BTC, 500, "100.1"), 0);
        ingestion.onQuote(SPOT_ETH, quote(SPOT_ETH, 7, "100.1"), 0);
        ingestion.onQuote(USDM_BTC, quote(USDM_BTC, 8, "100.1"), 0);

        assertThat(sink.quotes).hasSize(3);
        assertThat(stale("SPOT") + stale("USDM")).isZero();
    }

    @Test
    void reconnectLetsTheConnectionsStreamsBeginTheirIdsAgain() {
        ingestion.onQuote(SPOT_BTC, quote(SPOT_BTC, 500, "100.1"), 0);
        ingestion.onQuote(USDM_BTC, quote(USDM_BTC, 500, "100.1"), 0);

        ingestion.onConnected("spot-0");
        ingestion.onQuote(SPOT_BTC, quote(SPOT_BTC, 1, "100.3"), 0);
        ingestion.onQuote(USDM_BTC, quote(USDM_BTC, 1, "100.3"), 0);

        assertThat(sink.quotes).extracting(Quote::venue, Quote::updateId)
                .containsExactly(tuple(Venue.SPOT, 500L),
                        tuple(Venue.USDM, 500L),
                        tuple(Venue.SPOT, 1L));
        assertThat(stale("USDM")).as("the other connection was not reset").isEqualTo(1);
    }

    @Test
    void anInsaneQuoteIsCountedUnderItsSanityReasonAndDoesNotAdvanceTheSequence() {
        ingestion.onQuote(SPOT_BTC, crossed(SPOT_BTC, 100), 0);
        ingestion.onQuote(SPOT_BTC, quote(SPOT_BTC, 100, "100.1"), 0);

        assertThat(registry.get("nova.ingestion.rejected").tags("venue", "SPOT", "reason", "CROSSED_BOOK").counter().count())
                .isEqualTo(1);
        assertThat(sink.quotes).extracting(Quote::updateId).containsExactly(100L);
        assertThat(stale("SPOT")).isZero();
    }

    @Test
    void markPriceFramesHaveNoUpdateIdAndAreNotSubjectToTheRule() {
        FundingRate funding = new FundingRate("BTCUSDT", new BigDecimal("100.15"), new BigDecimal("100.14"),
                new BigDecimal("0.0001"), 1772006400000L, 0, 1);

        ingestion.onFunding(USDM_MARK, funding, 0);
        ingestion.onFunding(USDM_MARK, funding, 0);

        assertThat(sink.funding).hasSize(2);
        assertThat(stale("USDM")).isZero();
    }

    @Test
    void fundingIsPublishedWithTheSymbolsIntervalAsLastRead() {
        Map<String, Integer> intervals = new HashMap<>(Map.of("BTCUSDT", 4));
        MarketDataIngestion withIntervals = new MarketDataIngestion(monitor,
                new IngestionMetrics(new SimpleMeterRegistry(), monitor, Duration.ofMillis(200)), new ClockOffsets(), sink,
                symbol -> intervals.getOrDefault(symbol, FundingRate.UNKNOWN_INTERVAL));
        FundingRate btc = new FundingRate("BTCUSDT", new BigDecimal("100.15"), new BigDecimal("100.14"),
                new BigDecimal("0.0001"), 1772006400000L, 0, 1);

        withIntervals.onFunding(USDM_MARK, btc, 0);
        intervals.put("BTCUSDT", 1);
        withIntervals.onFunding(USDM_MARK, btc, 0);
        intervals.clear();
        withIntervals.onFunding(USDM_MARK, btc, 0);

        assertThat(sink.funding).extracting(FundingRate::fundingIntervalHours).containsExactly(4, 1, 0);
        assertThat(sink.funding).allSatisfy(f -> assertThat(f.withFundingIntervalHours(0)).isEqualTo(btc));
    }

    double stale(String venue) {
        return registry.get("nova.ingestion.rejected").tags("venue", venue, "reason", "STALE_UPDATE_ID").counter().count();
    }

    static Quote quote(FeedStream stream, long updateId, String bid) {
        BigDecimal bidPrice = new BigDecimal(bid);
        return new Quote(stream.symbol(), stream.venue(), bidPrice, BigDecimal.ONE, bidPrice.add(new BigDecimal("0.1")),
                BigDecimal.ONE, updateId, 0, 1);
    }

    static Quote crossed(FeedStream stream, long updateId) {
        return new Quote(stream.symbol(), stream.venue(), new BigDecimal("100.3"), BigDecimal.ONE, new BigDecimal("100.2"),
                BigDecimal.ONE, updateId, 0, 1);
    }

    static final class CollectingSink implements MarketDataSink {
        final List<Quote> quotes = new ArrayList<>();
        final List<FundingRate> funding = new ArrayList<>();

        @Override
        public void publish(Quote quote, long receivedNanos) {
            quotes.add(quote);
        }

        @Override
        public void publish(FundingRate rate, long receivedNanos) {
            funding.add(rate);
        }

        @Override
        public boolean awaitReady(Duration timeout) {
            return true;
        }
    }
}
