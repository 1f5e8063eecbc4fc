package com.novaquant.ingestion.application;

import com.novaquant.events.Venue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IngestionMetricsTest {

    final FeedMonitor monitor = new FeedMonitor(List.of(
            new FeedConnection("spot-0", Venue.SPOT, List.of(new FeedStream(0, "btcusdt@bookTicker", "BTCUSDT", Venue.SPOT, "book_ticker"))),
            new FeedConnection("usdm-public-0", Venue.USDM, List.of(new FeedStream(1, "btcusdt@bookTicker", "BTCUSDT", Venue.USDM, "book_ticker")))),
            Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(5), System::nanoTime);

    @Test
    void aTwoMillisecondLagReadsAsTwoMillisecondsOnTheDashboardsP50() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        IngestionMetrics metrics = new IngestionMetrics(registry, monitor, Duration.ofMillis(200), List.of(), List.of());
        for (int i = 0; i < 100; i++) {
            metrics.lag(0, 2);
        }
        String scrape = registry.scrape();
        // histogram_quantile(0.5, ...) interpolates inside the bucket that holds the median: (1 ms, 2 ms] here.
        assertThat(bucket(scrape, "0.001")).isZero();
        assertThat(bucket(scrape, "0.002")).isEqualTo(100);
        // The warning threshold stays a bucket bound: the lag alert counts the frames above it.
        assertThat(bucket(scrape, "0.2")).isEqualTo(100);
    }

    private static double bucket(String scrape, String le) {
        return scrape.lines()
                .filter(l -> l.startsWith("nova_ingestion_lag_seconds_bucket{") && l.contains("venue=\"SPOT\"")
                        && l.contains("le=\"" + le + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no bucket le=" + le + " in\n" + scrape));
    }

    @Test
    void everyVenueAndRejectionReasonIsCountedAtZeroFromStartUp() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new IngestionMetrics(registry, monitor, Duration.ofMillis(200), List.of("TRUNCATED", "NON_POSITIVE_PRICE"), List.of());

        for (Venue venue : Venue.values()) {
            for (String reason : List.of("TRUNCATED", "NON_POSITIVE_PRICE", "NEGATIVE_QUANTITY", "CROSSED_BOOK", "STALE_UPDATE_ID")) {
                Counter counter = registry.find("nova.ingestion.rejected").tags("venue", venue.name(), "reason", reason).counter();
                assertThat(counter).as(venue + "/" + reason).isNotNull();
                assertThat(counter.count()).isZero();
            }
        }
        assertThat(registry.find("nova.ingestion.rejected").counters()).hasSize(Venue.values().length * 5);
        assertThat(registry.find("nova.ingestion.rejected").tag("reason", "OK").counters()).isEmpty();
    }

    @Test
    void everyPlannedConnectionAndReconnectCauseIsCountedAtZeroFromStartUp() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new IngestionMetrics(registry, monitor, Duration.ofMillis(200), List.of(), List.of("requested", "max_age"));

        for (String connection : List.of("spot-0", "usdm-public-0")) {
            for (String cause : List.of("requested", "max_age")) {
                Counter counter = registry.find("nova.ingestion.reconnects").tags("connection", connection, "cause", cause).counter();
                assertThat(counter).as(connection + "/" + cause).isNotNull();
                assertThat(counter.count()).isZero();
            }
        }
        assertThat(registry.find("nova.ingestion.reconnects").counters()).hasSize(4);
    }

    @Test
    void countingAfterStartUpIncrementsThePreRegisteredSeries() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        IngestionMetrics metrics = new IngestionMetrics(registry, monitor, Duration.ofMillis(200), List.of("TRUNCATED"), List.of("error"));

        metrics.rejected("USDM", "CROSSED_BOOK");
        metrics.reconnect("spot-0", "error");

        assertThat(registry.get("nova.ingestion.rejected").tags("venue", "USDM", "reason", "CROSSED_BOOK").counter().count()).isEqualTo(1);
        assertThat(registry.get("nova.ingestion.rejected").tags("venue", "SPOT", "reason", "CROSSED_BOOK").counter().count()).isZero();
        assertThat(registry.get("nova.ingestion.reconnects").tags("connection", "spot-0", "cause", "error").counter().count()).isEqualTo(1);
    }

    @Test
    void staleUpdateRejectionsCountOnThePreRegisteredSeriesOfTheStreamsVenue() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        IngestionMetrics metrics = new IngestionMetrics(registry, monitor, Duration.ofMillis(200), List.of(), List.of());

        metrics.rejectedStaleUpdate(1);
        metrics.rejectedStaleUpdate(1);

        assertThat(registry.find("nova.ingestion.rejected").tag("reason", "STALE_UPDATE_ID").counters()).hasSize(2);
        assertThat(registry.get("nova.ingestion.rejected").tags("venue", "USDM", "reason", "STALE_UPDATE_ID").counter().count()).isEqualTo(2);
        assertThat(registry.get("nova.ingestion.rejected").tags("venue", "SPOT", "reason", "STALE_UPDATE_ID").counter().count()).isZero();
    }

    /** Pins what the README documents: the SLO buckets, count, sum and max, and no client-side quantile series. */
    @Test
    void lagIsScrapedAsSloBucketsCountSumAndMaxWithoutQuantiles() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        IngestionMetrics metrics = new IngestionMetrics(registry, monitor, Duration.ofMillis(200), List.of(), List.of());
        metrics.lag(1, 30);

        String scrape = registry.scrape();

        String usdm = "stream_type=\"book_ticker\",venue=\"USDM\"";
        assertThat(scrape)
                .contains("nova_ingestion_lag_seconds_bucket{" + usdm + ",le=\"0.05\"} 1")
                .contains("nova_ingestion_lag_seconds_bucket{" + usdm + ",le=\"0.2\"} 1")
                .contains("nova_ingestion_lag_seconds_bucket{" + usdm + ",le=\"1.0\"} 1")
                .contains("nova_ingestion_lag_seconds_count{" + usdm + "} 1")
                .contains("nova_ingestion_lag_seconds_sum{" + usdm + "} 0.03")
                .contains("nova_ingestion_lag_seconds_max{" + usdm + "} 0.03")
                .doesNotContain("quantile=");
    }
}
