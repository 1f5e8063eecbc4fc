package com.novaquant.binance.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ServerTimeSamplerTest {

    /** Readings handed out in order; each is started only when the sampler asks for it. */
    private final List<CompletableFuture<ServerTimeReading>> started = new ArrayList<>();

    private static ServerTimeReading reading(long roundTripMs) {
        return new ServerTimeReading(1_005_000, 1_000_000, 1_000_000 + roundTripMs);
    }

    private Supplier<CompletableFuture<ServerTimeReading>> answering(List<CompletableFuture<ServerTimeReading>> answers) {
        return () -> {
            CompletableFuture<ServerTimeReading> next = answers.get(started.size());
            started.add(next);
            return next;
        };
    }

    private static CompletableFuture<ServerTimeReading> ok(long roundTripMs) {
        return CompletableFuture.completedFuture(reading(roundTripMs));
    }

    private static CompletableFuture<ServerTimeReading> failed(Throwable cause) {
        return CompletableFuture.failedFuture(cause);
    }

    @Test
    void theShortestRoundTripWinsAndEveryAnswerIsListedInOrder() {
        CompletableFuture<BestReading> best = ServerTimeSampler.bestOf(4,
                answering(List.of(ok(600), ok(12), ok(40), ok(12))));

        assertThat(best).isCompleted();
        assertThat(best.join().reading()).isSameAs(started.get(1).join());
        assertThat(best.join().roundTripsMs()).containsExactly(600L, 12L, 40L, 12L);
    }

    /** Whether a slow best is trusted differs by caller (a held offset it disproves, a plain bound),
            so it is theirs. */
    @Test
    void aBestOverAnyBoundIsStillReturnedWithItsRoundTrip() {
        CompletableFuture<BestReading> best = ServerTimeSampler.bestOf(2, answering(List.of(ok(1_500), ok(1_200))));

        assertThat(best.join().reading().roundTripMs()).isEqualTo(1_200);
    }

    @Test
    void failedReadingsArePassedOverWhenAnotherAnswers() {
        CompletableFuture<BestReading> best = ServerTimeSampler.bestOf(3,
                answering(List.of(failed(new IOException("reset")), ok(30), failed(new IOException("503")))));

        assertThat(best.join().reading().roundTripMs()).isEqualTo(30);
        assertThat(best.join().roundTripsMs()).containsExactly(30L);
    }

    @Test
    void whenNoReadingAnswersTheSamplingFailsWithTheLastCause() {
        IOException last = new IOException("503");
        CompletableFuture<BestReading> best = ServerTimeSampler.bestOf(2,
                answering(List.of(failed(new IOException("reset")), failed(last))));

        assertThat(best).failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isSameAs(last);
    }

    @Test
    void aSupplierThatThrowsCountsAsAFailedReading() {
        IllegalStateException closed = new IllegalStateException("client closed");
        CompletableFuture<BestReading> best = ServerTimeSampler.bestOf(2, () -> {
            throw closed;
        });

        assertThat(best).failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isSameAs(closed);
    }

    @Test
    void aReadingIsStartedOnlyOnceThePreviousHasAnswered() {
        CompletableFuture<ServerTimeReading> first = new CompletableFuture<>();
        CompletableFuture<ServerTimeReading> second = new CompletableFuture<>();
        CompletableFuture<BestReading> best = ServerTimeSampler.bestOf(2, answering(List.of(first, second)));

        assertThat(started).hasSize(1);
        first.complete(reading(50));
        assertThat(started).hasSize(2);
        assertThat(best).isNotDone();
        second.complete(reading(20));

        assertThat(best.join().reading().roundTripMs()).isEqualTo(20);
    }

    @Test
    void cancellingTheSamplingStartsNoFurtherReading() {
        CompletableFuture<ServerTimeReading> first = new CompletableFuture<>();
        CompletableFuture<BestReading> best = ServerTimeSampler.bestOf(3, answering(List.of(first, ok(5), ok(5))));

        best.cancel(false);
        first.complete(reading(50));

        assertThat(started).hasSize(1);
        assertThat(best).isCancelled();
    }

    @Test
    void atLeastOneReadingIsAsked() {
        assertThatThrownBy(() -> ServerTimeSampler.bestOf(0, () -> ok(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
