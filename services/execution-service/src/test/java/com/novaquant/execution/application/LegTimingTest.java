package com.novaquant.execution.application;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The timing that proves a two-leg execution's legs run side by side: both answered, against the slower leg alone. */
class LegTimingTest {

    private final List<long[]> told = new ArrayList<>();
    private final AtomicInteger bothHandedOver = new AtomicInteger();
    private final LegDispatcher.PairProgress progress = new LegDispatcher.PairProgress(bothHandedOver::incrementAndGet,
            (sinceFirst, slower) -> told.add(new long[]{sinceFirst, slower}));

    @Test
    void legsSentSideBySideAreAnsweredInTheSlowerLegsRoundTrip() {
        progress.answered(1_200, 4_800); // perp: 3.6 us
        assertThat(told).isEmpty();
        progress.answered(1_000, 5_000); // spot: 4.0 us, the slower
        assertThat(told).hasSize(1);
        assertThat(told.get(0)).containsExactly(4_000, 4_000);
    }

    @Test
    void legsSentOneAfterTheOtherAreAnsweredInTheSumOfTheirRoundTrips() {
        progress.answered(0, 4_000);
        progress.answered(4_000, 7_000);
        assertThat(told.get(0)).containsExactly(7_000, 4_000);
    }

    @Test
    void bothHandedOverIsToldOnceWhenTheSecondLegIsHandedOver() {
        progress.handedOver();
        assertThat(bothHandedOver).hasValue(0);
        progress.handedOver();
        assertThat(bothHandedOver).hasValue(1);
    }

    @Test
    void theMetricsReadTheRatioOfBothAnsweredToTheSlowerLeg() {
        io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        ExecutionMetrics metrics = new ExecutionMetrics(registry);
        metrics.legsAnswered(7_000_000, 4_000_000);
        assertThat(registry.get("nova.execution.legs.answered").timer().totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
                .isEqualTo(7.0);
        assertThat(registry.get("nova.execution.legs.slower.round.trip").timer().totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
                .isEqualTo(4.0);
        assertThat(registry.get("nova.execution.legs.concurrency").summary().totalAmount()).isEqualTo(1.75);
    }
}
