package com.novaquant.ingestion.application;

import com.novaquant.ingestion.domain.FundingIntervals;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The funding intervals kept for the published funding events, against an in-memory exchange. */
class FundingIntervalRefreshTest {

    static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT");

    /** Answers each read with the next scripted answer; once the script is spent, with the last one again. */
    static final class ScriptedSource implements FundingIntervalSource {
        final Deque<CompletableFuture<Map<String, Integer>>> answers = new ArrayDeque<>();
        final List<Collection<String>> asked = new ArrayList<>();
        final CountDownLatch secondRead = new CountDownLatch(2);
        CompletableFuture<Map<String, Integer>> last;

        ScriptedSource answer(Map<String, Integer> intervals) {
            answers.add(CompletableFuture.completedFuture(intervals));
            return this;
        }

        ScriptedSource fail(String why) {
            answers.add(CompletableFuture.failedFuture(new IllegalStateException(why)));
            return this;
        }

        ScriptedSource never() {
            answers.add(new CompletableFuture<>());
            return this;
        }

        @Override
        public synchronized CompletableFuture<Map<String, Integer>> intervals(Collection<String> symbols) {
            asked.add(List.copyOf(symbols));
            if (!answers.isEmpty()) {
                last = answers.poll();
            }
            secondRead.countDown();
            return last;
        }
    }

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ScriptedSource exchange = new ScriptedSource();
    final FundingIntervalRefresh refresh = new FundingIntervalRefresh(exchange, SYMBOLS,
            new IngestionMetrics(registry, new FeedMonitor(List.of(), Duration.ofMillis(200), Duration.ofSeconds(1),
                    Duration.ofSeconds(5), System::nanoTime), Duration.ofMillis(200)), Duration.ofMillis(200));

    @AfterEach
    void close() {
        refresh.close();
    }

    double gauge(String symbol) {
        return registry.get("nova.ingestion.funding.interval.hours").tag("symbol", symbol).gauge().value();
    }

    double failures() {
        return registry.get("nova.ingestion.funding.info.failures").counter().count();
    }

    @Test
    void intervalsAreUnknownUntilTheFirstRead() {
        assertThat(refresh.hoursOf("BTCUSDT")).isEqualTo(FundingIntervals.UNKNOWN);
        assertThat(gauge("BTCUSDT")).isZero();
        assertThat(failures()).isZero();
        assertThat(exchange.asked).isEmpty();
    }

    @Test
    void aReadSetsEverySymbolsIntervalAndTheGauges() {
        exchange.answer(Map.of("BTCUSDT", 8, "ETHUSDT", 4));

        assertThat(refresh.refresh()).isTrue();

        assertThat(exchange.asked).containsExactly(SYMBOLS);
        assertThat(refresh.hoursOf("BTCUSDT")).isEqualTo(8);
        assertThat(refresh.hoursOf("ETHUSDT")).isEqualTo(4);
        assertThat(refresh.hoursOf("SOLUSDT")).isEqualTo(FundingIntervals.UNKNOWN);
        assertThat(gauge("ETHUSDT")).isEqualTo(4);
    }

    @Test
    void aChangeOfIntervalIsTakenAtTheNextRead() {
        exchange.answer(Map.of("BTCUSDT", 8, "ETHUSDT", 8)).answer(Map.of("BTCUSDT", 8, "ETHUSDT", 1));

        refresh.refresh();
        refresh.refresh();

        assertThat(refresh.hoursOf("ETHUSDT")).isEqualTo(1);
        assertThat(gauge("ETHUSDT")).isEqualTo(1);
        assertThat(refresh.hoursOf("BTCUSDT")).isEqualTo(8);
    }

    @Test
    void aFailedReadKeepsTheLastKnownIntervalsAndIsCounted() {
        exchange.answer(Map.of("BTCUSDT", 8, "ETHUSDT", 4)).fail("HTTP 503");

        refresh.refresh();
        boolean second = refresh.refresh();

        assertThat(second).isFalse();
        assertThat(failures()).isEqualTo(1);
        assertThat(refresh.hoursOf("ETHUSDT")).isEqualTo(4);
        assertThat(gauge("ETHUSDT")).isEqualTo(4);
    }

    @Test
    void aReadThatDoesNotAnswerInTimeIsAFailure() {
        exchange.answer(Map.of("BTCUSDT", 8, "ETHUSDT", 4)).never();

        refresh.refresh();
        boolean second = refresh.refresh();

        assertThat(second).isFalse();
        assertThat(failures()).isEqualTo(1);
        assertThat(refresh.hoursOf("BTCUSDT")).isEqualTo(8);
    }

    @Test
    void anAnswerWithANonsenseIntervalIsAFailureAndChangesNothing() {
        exchange.answer(Map.of("BTCUSDT", 8, "ETHUSDT", 4)).answer(Map.of("BTCUSDT", 0, "ETHUSDT", 4))
                .answer(Map.of("BTCUSDT", 8, "ETHUSDT", 25));

        refresh.refresh();

        assertThat(refresh.refresh()).isFalse();
        assertThat(refresh.refresh()).isFalse();
        assertThat(failures()).isEqualTo(2);
        assertThat(refresh.hoursOf("BTCUSDT")).isEqualTo(8);
        assertThat(refresh.hoursOf("ETHUSDT")).isEqualTo(4);
    }

    @Test
    void startReadsBeforeItReturns() {
        exchange.answer(Map.of("BTCUSDT", 8, "ETHUSDT", 4));

        refresh.start(Duration.ofHours(1), Duration.ofHours(1));

        assertThat(refresh.hoursOf("ETHUSDT")).isEqualTo(4);
        assertThat(exchange.asked).hasSize(1);
    }

    @Test
    void aFailedReadAtStartIsRetriedAfterTheRetryDelayNotTheRefreshInterval() throws InterruptedException {
        exchange.fail("connection refused").answer(Map.of("BTCUSDT", 1, "ETHUSDT", 4));

        refresh.start(Duration.ofHours(1), Duration.ofMillis(10));

        assertThat(refresh.hoursOf("BTCUSDT")).isEqualTo(FundingIntervals.UNKNOWN);
        assertThat(exchange.secondRead.await(10, TimeUnit.SECONDS)).as("a second read within the retry delay").isTrue();
        // the second read's answer is applied on the refresh thread once the read returns
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(refresh.hoursOf("BTCUSDT")).isEqualTo(1));
        assertThat(failures()).isEqualTo(1);
    }
}
