package com.novaquant.benchmarks.desk;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdict on one step of the peak search, from the simulator's and ingestion's counters over its window. */
class PeakSearchTest {

    private static Scrape ingestion(double frames, double published, double dropped, double lagUnder50ms, double lagUnder200ms,
                                    double lagTotal) {
        return Scrape.parse("""
                nova_ingestion_messages_total{stream="btcusdt@bookTicker",venue="SPOT"} %s
                nova_ingestion_messages_total{stream="btcusdt@markPrice@1s",venue="USDM"} 10
                nova_ingestion_publish_latency_seconds_count{topic="nova.md.quotes"} %s
                nova_ingestion_publish_latency_seconds_count{topic="nova.md.funding"} 10
                nova_ingestion_kafka_dropped_total{reason="BufferExhaustedException",topic="nova.md.quotes"} %s
                nova_ingestion_lag_seconds_bucket{stream_type="book_ticker",venue="SPOT",le="0.05"} %s
                nova_ingestion_lag_seconds_bucket{stream_type="book_ticker",venue="SPOT",le="0.2"} %s
                nova_ingestion_lag_seconds_bucket{stream_type="book_ticker",venue="SPOT",le="+Inf"} %s
                """.formatted(frames, published, dropped, lagUnder50ms, lagUnder200ms, lagTotal));
    }

    private static final Scrape SIMULATOR = Scrape.parse("nova_simulator_frames_dropped_total{reason=\"slow\",venue=\"SPOT\"} 0\n");

    @Test
    void aStepThatPublishesItsRateWithoutLossOrLagIsSustained() {
        PeakSearch.Step step = PeakSearch.measure(20_000, SIMULATOR, ingestion(200_000, 199_000, 0, 200_000, 200_000, 200_000), 10);
        assertThat(step.passed()).isTrue();
        assertThat(step.published()).isEqualTo(19_900);
        assertThat(step.lagP99Ms()).isLessThan(50);
    }

    @Test
    void aStepThatLosesOneRecordIsNotSustained() {
        PeakSearch.Step step = PeakSearch.measure(20_000, SIMULATOR, ingestion(200_000, 199_999, 1, 200_000, 200_000, 200_000), 10);
        assertThat(step.verdict()).isEqualTo("not sustained: 1 records lost");
    }

    @Test
    void aStepWhoseLagP99ReachesTheWarningIsNotSustained() {
        // 2 % of the frames lagged more than 200 ms: the p99 is beyond the warning.
        PeakSearch.Step step = PeakSearch.measure(20_000, SIMULATOR, ingestion(200_000, 200_000, 0, 190_000, 196_000, 200_000), 10);
        assertThat(step.passed()).isFalse();
        assertThat(step.verdict()).startsWith("not sustained: lag p99");
    }

    @Test
    void aStepThatFallsShortOfItsRateIsNotSustainedAndThePeakIsTheLastOneThatWas() {
        PeakSearch.Step short_ = PeakSearch.measure(40_000, SIMULATOR, ingestion(300_000, 300_000, 0, 300_000, 300_000, 300_000), 10);
        assertThat(short_.verdict()).isEqualTo("not sustained: 75% of the offered rate published");
        PeakSearch.Step good = PeakSearch.measure(30_000, SIMULATOR, ingestion(300_000, 300_000, 0, 300_000, 300_000, 300_000), 10);
        assertThat(PeakSearch.peak(List.of(good, short_))).isSameAs(good);
    }
}
