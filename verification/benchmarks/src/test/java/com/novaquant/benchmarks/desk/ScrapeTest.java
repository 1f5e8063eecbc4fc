package com.novaquant.benchmarks.desk;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The window arithmetic the desk benchmark's figures come from. */
class ScrapeTest {

    private static final String BEFORE = """
            # HELP x_seconds a timer
            x_seconds_bucket{stage="claim",le="0.001"} 10
            x_seconds_bucket{stage="claim",le="0.002"} 10
            x_seconds_bucket{stage="claim",le="0.004"} 10
            x_seconds_bucket{stage="claim",le="+Inf"} 10
            x_seconds_count{stage="claim"} 10
            nova_ingestion_kafka_dropped_total{topic="q",reason="TimeoutException"} 3.0
            """;
    private static final String AFTER = """
            x_seconds_bucket{stage="claim",le="0.001"} 10
            x_seconds_bucket{stage="claim",le="0.002"} 60
            x_seconds_bucket{stage="claim",le="0.004"} 109
            x_seconds_bucket{stage="claim",le="+Inf"} 110
            x_seconds_count{stage="claim"} 110
            x_seconds_bucket{stage="decide",le="0.001"} 500
            nova_ingestion_kafka_dropped_total{topic="q",reason="TimeoutException"} 5.0
            nova_ingestion_kafka_dropped_total{topic="f",reason="TimeoutException"} 1.0
            """;

    private final Scrape window = Scrape.parse(AFTER).minus(Scrape.parse(BEFORE));

    @Test
    void aWindowsQuantileComesFromTheBucketsItFilledInterpolatedInsideOne() {
        // The window added 50 observations in (1 ms, 2 ms], 49 in (2 ms, 4 ms] and one above 4 ms.
        assertThat(window.count("x_seconds", s -> s.contains("claim"))).isEqualTo(100);
        assertThat(window.quantile("x_seconds", s -> s.contains("claim"), 0.5)).isCloseTo(0.002, within(1e-9));
        assertThat(window.quantile("x_seconds", s -> s.contains("claim"), 0.25)).isCloseTo(0.0015, within(1e-9));
        assertThat(window.quantile("x_seconds", s -> s.contains("claim"), 0.99)).isCloseTo(0.004, within(1e-9));
    }

    @Test
    void anObservationAboveTheLastBoundReadsAsThatBoundAtLeast() {
        assertThat(window.quantile("x_seconds", s -> s.contains("claim"), 0.999)).isEqualTo(0.004);
    }

    @Test
    void aHistogramWithoutObservationsInTheWindowReadsAsAbsent() {
        assertThat(window.quantile("y_seconds", s -> true, 0.5)).isEqualTo(-1);
    }

    @Test
    void countersAddUpOverTheirSeriesAndSeriesNewInTheWindowCountFromZero() {
        assertThat(window.sum("nova_ingestion_kafka_dropped_total")).isEqualTo(3.0);
        assertThat(Scrape.label("a{topic=\"q\",le=\"0.5\"}", "le")).isEqualTo("0.5");
    }
}
