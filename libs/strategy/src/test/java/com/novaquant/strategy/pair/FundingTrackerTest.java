package com.novaquant.strategy.pair;

import org.junit.jupiter.api.Test;

import static com.novaquant.strategy.pair.Desk.HOUR_MS;
import static com.novaquant.strategy.pair.Desk.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

/** The funding interval learned from the next funding times a symbol's updates carry. */
class FundingTrackerTest {

    private static final long T0_MS = 1_780_000_000_000L / (8 * HOUR_MS) * (8 * HOUR_MS);
    private static final long NOW = T0_MS * 1_000;

    private final FundingTracker tracker = new FundingTracker();

    @Test
    void theConfiguredIntervalIsUsedUntilAFundingTimeIsSeenToPass() {
        tracker.update(0.0001, T0_MS + 8 * HOUR_MS, NOW);
        tracker.update(0.0001, T0_MS + 8 * HOUR_MS, NOW + SECOND);

        assertThat(tracker.observedIntervalHours()).isNaN();
        assertThat(tracker.intervalHours(8)).isEqualTo(8);
    }

    @Test
    void eachIntervalBinanceRunsIsLearnedFromOneFundingTime() {
        for (int hours : new int[] {1, 2, 4, 8}) {
            FundingTracker fresh = new FundingTracker();
            fresh.update(0.0001, T0_MS, NOW - 3 * SECOND);
            fresh.update(0.0001, T0_MS + hours * HOUR_MS, NOW);

            assertThat(fresh.intervalHours(8)).as(hours + " h").isEqualTo(hours);
        }
    }

    @Test
    void aMoveToAShorterIntervalIsFollowed() {
        tracker.update(0.0001, T0_MS, NOW - SECOND);
        tracker.update(0.0001, T0_MS + 8 * HOUR_MS, NOW);
        long later = NOW + 8 * HOUR_MS * 1_000;
        tracker.update(0.0001, T0_MS + 8 * HOUR_MS, later - SECOND);
        tracker.update(0.0001, T0_MS + 12 * HOUR_MS, later);

        assertThat(tracker.intervalHours(8)).isEqualTo(4);
    }

    @Test
    void aStepAcrossAFeedGapIsNotTrusted() {
        // a 1-hour symbol, silent for 90 minutes: the next funding time moves by two intervals
        tracker.update(0.0001, T0_MS + HOUR_MS, NOW);
        tracker.update(0.0001, T0_MS + 3 * HOUR_MS, NOW + 90 * 60 * SECOND);

        assertThat(tracker.observedIntervalHours()).isNaN();
        assertThat(tracker.intervalHours(8)).isEqualTo(8);
    }

    @Test
    void aStepThatIsNoBinanceIntervalIsIgnoredAndKeepsWhatWasLearned() {
        tracker.update(0.0001, T0_MS, NOW - SECOND);
        tracker.update(0.0001, T0_MS + 4 * HOUR_MS, NOW);
        // an accelerated simulator: 8 h of market time in one wall minute
        tracker.update(0.0001, T0_MS + 4 * HOUR_MS + 60_000, NOW + SECOND);
        tracker.update(0.0001, T0_MS + 7 * HOUR_MS + 60_000, NOW + 2 * SECOND);

        assertThat(tracker.intervalHours(8)).isEqualTo(4);
    }

    @Test
    void aNextFundingTimeWithinTheSameIntervalTeachesNothing() {
        tracker.update(0.0001, T0_MS, NOW);
        tracker.update(-0.0002, T0_MS, NOW + SECOND);

        assertThat(tracker.observedIntervalHours()).isNaN();
        assertThat(tracker.rate()).isEqualTo(-0.0002);
    }

    @Test
    void aPublishedIntervalWinsOverTheObservedAndTheConfiguredOne() {
        tracker.update(0.0001, T0_MS, NOW - SECOND, 0);
        tracker.update(0.0001, T0_MS + 8 * HOUR_MS, NOW, 0);
        assertThat(tracker.intervalHours(4)).isEqualTo(8);
        assertThat(tracker.intervalSource()).isEqualTo(IntervalSource.OBSERVED);

        tracker.update(0.0001, T0_MS + 8 * HOUR_MS, NOW + SECOND, 1);

        assertThat(tracker.intervalHours(4)).isEqualTo(1);
        assertThat(tracker.intervalSource()).isEqualTo(IntervalSource.PUBLISHED);
        assertThat(tracker.publishedIntervalHours()).isEqualTo(1);
        assertThat(tracker.observedIntervalHours()).as("still learned beside it").isEqualTo(8);
    }

    @Test
    void anUpdateWithoutAPublishedIntervalFallsBackToTheObservedThenTheConfiguredOne() {
        tracker.update(0.0001, T0_MS, NOW, 4);
        assertThat(tracker.intervalHours(8)).isEqualTo(4);

        tracker.update(0.0001, T0_MS, NOW + SECOND, 0);
        assertThat(tracker.intervalSource()).isEqualTo(IntervalSource.CONFIGURED);
        assertThat(tracker.intervalHours(8)).isEqualTo(8);

        tracker.update(0.0001, T0_MS + HOUR_MS, NOW + 2 * SECOND, 0);
        assertThat(tracker.intervalSource()).isEqualTo(IntervalSource.OBSERVED);
        assertThat(tracker.intervalHours(8)).isEqualTo(1);
    }
}
