package com.novaquant.ingestion.application.scan;

import com.novaquant.events.MarketScan;
import com.novaquant.events.Severity;
import com.novaquant.events.Venue;
import com.novaquant.ingestion.application.FeedAlerts;
import com.novaquant.ingestion.application.scan.MarketScanner.Outcome;
import com.novaquant.ingestion.application.scan.ScanRows.Book;
import com.novaquant.ingestion.application.scan.ScanRows.Funding;
import com.novaquant.ingestion.application.scan.ScanRows.FundingInterval;
import com.novaquant.ingestion.application.scan.ScanRows.Listing;
import com.novaquant.ingestion.application.scan.ScanRows.Volume;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarketScannerTest {

    record Raised(Severity severity, String code, String text, String dedupKey) {
    }

    /** An in-memory exchange: the fixture's rows, endpoints failing on demand, a used weight per venue. */
    final class FakeExchange implements MarketScanSource {
        final ScanFixtures market = new ScanFixtures().pair("BTCUSDT").pair("ETHUSDT");
        final Set<ScanEndpoint> failing = EnumSet.noneOf(ScanEndpoint.class);
        final Map<Venue, Integer> usedWeight = new EnumMap<>(Map.of(Venue.SPOT, 10, Venue.USDM, 10));
        final List<ScanEndpoint> calls = new ArrayList<>();
        long retryAfterSeconds;

        private <T> EndpointReply<T> answer(ScanEndpoint endpoint, List<T> rows) {
            calls.add(endpoint);
            if (failing.contains(endpoint)) {
                throw new ScanEndpointException(endpoint, "HTTP 503", retryAfterSeconds, null);
            }
            return new EndpointReply<>(rows, 0, usedWeight.get(endpoint.venue()));
        }

        @Override
        public EndpointReply<Listing> listings(ScanEndpoint endpoint) {
            return answer(endpoint, endpoint.venue() == Venue.SPOT ? market.spotListings : market.perpListings);
        }

        @Override
        public EndpointReply<Book> books(ScanEndpoint endpoint) {
            return answer(endpoint, endpoint.venue() == Venue.SPOT ? market.spotBooks : market.perpBooks);
        }

        @Override
        public EndpointReply<Volume> volumes(ScanEndpoint endpoint) {
            return answer(endpoint, endpoint.venue() == Venue.SPOT ? market.spotVolumes : market.perpVolumes);
        }

        @Override
        public EndpointReply<Funding> fundings() {
            return answer(ScanEndpoint.USDM_PREMIUM_INDEX, market.fundings);
        }

        @Override
        public EndpointReply<FundingInterval> fundingIntervals() {
            return answer(ScanEndpoint.USDM_FUNDING_INFO, market.intervals);
        }
    }

    final FakeExchange exchange = new FakeExchange();
    final List<MarketScan> published = new ArrayList<>();
    final List<Raised> alerts = new ArrayList<>();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final AtomicLong wallMs = new AtomicLong(1_772_000_000_000L);
    boolean brokerDown;

    final MarketScanPublisher publisher = new MarketScanPublisher() {
        @Override
        public CompletionStage<?> publish(MarketScan scan) {
            if (brokerDown) {
                return CompletableFuture.failedFuture(new IllegalStateException("broker down"));
            }
            published.add(scan);
            return CompletableFuture.completedFuture(null);
        }
    };
    final FeedAlerts alertSink = (severity, code, text, key) -> alerts.add(new Raised(severity, code, text, key));

    MarketScanSettings settings(Duration interval) {
        return new MarketScanSettings(interval, "USDT", 3, 6000, 2400, 0.1, 0.6, Duration.ofSeconds(1));
    }

    MarketScanner scanner() {
        return new MarketScanner(exchange, publisher, alertSink, new MarketScanMetrics(registry),
                settings(Duration.ofSeconds(60)), wallMs::get, System::nanoTime);
    }

    double failures(String endpoint) {
        return registry.get("nova.market.scan.failures").tag("endpoint", endpoint).counter().count();
    }

    @Test
    void aCompleteScanIsPublishedAndMeasured() {
        MarketScanner scanner = scanner();

        assertThat(scanner.scanOnce()).isEqualTo(Outcome.PUBLISHED);

        assertThat(published).singleElement().satisfies(scan -> {
            assertThat(scan.scannedAtMs()).isEqualTo(wallMs.get());
            assertThat(scan.symbols()).extracting(MarketScan.ScannedSymbol::symbol).containsExactly("BTCUSDT", "ETHUSDT");
        });
        assertThat(exchange.calls).containsExactly(ScanEndpoint.values());
        assertThat(registry.get("nova.market.scan.symbols").gauge().value()).isEqualTo(2.0);
        assertThat(registry.get("nova.market.scan.last.success.timestamp").gauge().value()).isEqualTo(1_772_000_000.0);
        assertThat(registry.get("nova.market.scan.duration").timer().count()).isEqualTo(1);
    }

    @Test
    void excludedSymbolsAreCountedPerReasonOnEachPublishedScan() {
        exchange.market.perpBooks.removeIf(book -> book.symbol().equals("ETHUSDT"));
        MarketScanner scanner = scanner();

        scanner.scanOnce();
        scanner.scanOnce();

        assertThat(registry.get("nova.market.scan.excluded").tag("reason", "MISSING_BOOK").counter().count()).isEqualTo(2.0);
        assertThat(registry.get("nova.market.scan.excluded").tag("reason", "CROSSED_BOOK").counter().count()).isZero();
        assertThat(registry.get("nova.market.scan.symbols").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void aScanWithAFailedEndpointPublishesNothingAndCountsThatEndpoint() {
        exchange.failing.add(ScanEndpoint.USDM_PREMIUM_INDEX);
        MarketScanner scanner = scanner();

        assertThat(scanner.scanOnce()).isEqualTo(Outcome.FAILED);

        assertThat(published).isEmpty();
        assertThat(failures("usdm_premium_index")).isEqualTo(1.0);
        assertThat(failures("spot_exchange_info")).isZero();
        assertThat(exchange.calls).doesNotContain(ScanEndpoint.USDM_TICKER_24HR);
        assertThat(registry.get("nova.market.scan.last.success.timestamp").gauge().value()).isZero();
    }

    @Test
    void theThirdFailureInARowAlertsOnceAndTheRecoveryIsReported() {
        exchange.failing.add(ScanEndpoint.SPOT_TICKER_24HR);
        MarketScanner scanner = scanner();

        scanner.scanOnce();
        scanner.scanOnce();
        assertThat(alerts).isEmpty();
        scanner.scanOnce();
        scanner.scanOnce();
        scanner.scanOnce();

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(Severity.WARNING);
            assertThat(alert.code()).isEqualTo("MARKET_SCAN_FAILING");
            assertThat(alert.dedupKey()).isEqualTo("MARKET_SCAN_FAILING:market-scan");
            assertThat(alert.text()).startsWith("Market scan failed 3 times in a row, last on spot_ticker_24hr: HTTP 503.")
                    .contains("traded universe is not refreshed");
        });
        assertThat(failures("spot_ticker_24hr")).isEqualTo(5.0);

        exchange.failing.clear();
        assertThat(scanner.scanOnce()).isEqualTo(Outcome.PUBLISHED);
        assertThat(alerts).hasSize(2).last().satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(Severity.INFO);
            assertThat(alert.code()).isEqualTo("MARKET_SCAN_RECOVERED");
        });

        // A new streak counts from zero again: two failures raise nothing.
        exchange.failing.add(ScanEndpoint.USDM_EXCHANGE_INFO);
        scanner.scanOnce();
        scanner.scanOnce();
        assertThat(alerts).hasSize(2);
    }

    @Test
    void failuresThatDoNotFollowEachOtherNeverAlert() {
        MarketScanner scanner = scanner();
        for (int i = 0; i < 4; i++) {
            exchange.failing.add(ScanEndpoint.USDM_BOOK_TICKER);
            scanner.scanOnce();
            scanner.scanOnce();
            exchange.failing.clear();
            scanner.scanOnce();
        }
        assertThat(alerts).isEmpty();
        assertThat(published).hasSize(4);
    }

    @Test
    void aScanTheBrokerDidNotTakeCountsAsAFailure() {
        brokerDown = true;
        MarketScanner scanner = scanner();

        assertThat(scanner.scanOnce()).isEqualTo(Outcome.FAILED);

        assertThat(failures("publish")).isEqualTo(1.0);
        assertThat(registry.get("nova.market.scan.last.success.timestamp").gauge().value()).isZero();
    }

    @Test
    void aUsedWeightNearTheLimitSkipsTheScanBeforeTheExpensiveCallsAndForThatMinuteOnly() {
        MarketScanner scanner = scanner();
        // Threshold 0.6 x 6000 = 3600 on spot: once bookTicker reports 3550, the remaining 20 + 80 no longer fit.
        exchange.usedWeight.put(Venue.SPOT, 3550);

        assertThat(scanner.scanOnce()).isEqualTo(Outcome.SKIPPED);

        assertThat(exchange.calls).containsExactly(ScanEndpoint.SPOT_BOOK_TICKER);
        assertThat(published).isEmpty();
        assertThat(registry.get("nova.market.scan.skipped").tag("reason", "used_weight").counter().count()).isEqualTo(1.0);
        assertThat(failures("spot_ticker_24hr")).isZero();

        // Still this minute: nothing is sent at all.
        exchange.calls.clear();
        assertThat(scanner.scanOnce()).isEqualTo(Outcome.SKIPPED);
        assertThat(exchange.calls).isEmpty();

        // The next minute the old reading no longer holds.
        wallMs.addAndGet(60_000);
        exchange.usedWeight.put(Venue.SPOT, 100);
        assertThat(scanner.scanOnce()).isEqualTo(Outcome.PUBLISHED);
    }

    @Test
    void aRetryAfterPausesTheVenueUntilItPasses() {
        exchange.failing.add(ScanEndpoint.USDM_EXCHANGE_INFO);
        exchange.retryAfterSeconds = 120;
        MarketScanner scanner = scanner();

        assertThat(scanner.scanOnce()).isEqualTo(Outcome.FAILED);
        exchange.failing.clear();
        wallMs.addAndGet(60_000);
        exchange.calls.clear();
        assertThat(scanner.scanOnce()).isEqualTo(Outcome.SKIPPED);
        assertThat(exchange.calls).doesNotContain(ScanEndpoint.USDM_FUNDING_INFO, ScanEndpoint.USDM_EXCHANGE_INFO);
        assertThat(registry.get("nova.market.scan.skipped").tag("reason", "retry_after").counter().count()).isEqualTo(1.0);

        wallMs.addAndGet(61_000);
        assertThat(scanner.scanOnce()).isEqualTo(Outcome.PUBLISHED);
    }

    @Test
    void anIntervalThatWouldSpendTooMuchWeightIsRefusedAtStartUp() {
        // Spot costs 104 a scan: 6 scans a minute = 624 > 10 % of 6000.
        assertThatThrownBy(() -> new MarketScanner(exchange, publisher, alertSink, new MarketScanMetrics(registry),
                settings(Duration.ofSeconds(10)), wallMs::get, System::nanoTime))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("624 request weight a minute on SPOT")
                .hasMessageContaining("limit of 6000");
        // 12 s: 5 scans can start within a minute, 520 on spot but 280 > 240 on USD-M; 15 s: 416 and 224 fit.
        assertThat(ScanWeightBudget.weightPerMinute(Venue.SPOT, Duration.ofSeconds(12))).isEqualTo(520);
        assertThatThrownBy(() -> ScanWeightBudget.check(settings(Duration.ofSeconds(12))))
                .hasMessageContaining("280 request weight a minute on USDM");
        ScanWeightBudget.check(settings(Duration.ofSeconds(15)));
        assertThat(ScanWeightBudget.weightPerMinute(Venue.USDM, Duration.ofSeconds(60))).isEqualTo(56);
    }

    @Test
    void everyEndpointAndReasonSeriesExistsAtZeroFromStartUp() {
        new MarketScanMetrics(registry);
        for (ScanEndpoint endpoint : ScanEndpoint.values()) {
            assertThat(failures(endpoint.label())).isZero();
        }
        for (ExclusionReason reason : ExclusionReason.values()) {
            assertThat(registry.get("nova.market.scan.excluded").tag("reason", reason.name()).counter().count()).isZero();
        }
    }
}
