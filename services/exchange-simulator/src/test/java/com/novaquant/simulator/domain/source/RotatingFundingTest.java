package com.novaquant.simulator.domain.source;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rotating funding over a 26-symbol universe: deterministic, a changing leader, symbols that stay negative. */
class RotatingFundingTest {

    static final Duration PERIOD = Duration.ofMinutes(30);
    static final double ENTRY_APR = 0.15;
    static final List<Duration> INTERVALS = intervals();

    static List<Duration> intervals() {
        List<Duration> out = new ArrayList<>(Collections.nCopies(26, Duration.ofHours(8)));
        for (int i : new int[] {14, 15, 16, 17, 24, 25}) {
            out.set(i, Duration.ofHours(4));
        }
        return out;
    }

    static RotatingFunding rotation(long seed) {
        return new RotatingFunding(INTERVALS, seed, PERIOD, new BigDecimal("0.0006"), new BigDecimal("-0.00005"), 3,
                new BigDecimal("-0.0002"));
    }

    static double apr(RotatingFunding funding, int index, long at) {
        return funding.rate(index, at) * (Duration.ofDays(365).toMillis() / (double) INTERVALS.get(index).toMillis());
    }

    static int leader(RotatingFunding funding, long at) {
        int best = 0;
        for (int i = 1; i < funding.symbolCount(); i++) {
            if (apr(funding, i, at) > apr(funding, best, at)) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void theSameSeedGivesTheSameRatesAndAnotherSeedOtherOnes() {
        RotatingFunding a = rotation(42);
        RotatingFunding b = rotation(42);
        RotatingFunding c = rotation(43);
        boolean differs = false;
        for (long t = 0; t < PERIOD.toMillis(); t += 60_000) {
            for (int i = 0; i < 26; i++) {
                assertThat(a.rateAt(i, t)).isEqualByComparingTo(b.rateAt(i, t));
                differs |= a.rate(i, t) != c.rate(i, t);
            }
        }
        assertThat(differs).isTrue();
    }

    @Test
    void theLeaderChangesManyTimesWithinOnePeriodAndTheRotationRepeats() {
        RotatingFunding funding = rotation(42);
        Set<Integer> leaders = new LinkedHashSet<>();
        for (long t = 0; t < PERIOD.toMillis(); t += 10_000) {
            leaders.add(leader(funding, t));
            assertThat(funding.rate(3, t)).isEqualTo(funding.rate(3, t + PERIOD.toMillis()));
        }

        assertThat(leaders).hasSizeGreaterThanOrEqualTo(10);
        assertThat(leaders).noneMatch(funding::negative);
    }

    @Test
    void everyPositiveSymbolRisesWellAboveAFifteenPercentEntryAndFallsBelowItAgain() {
        RotatingFunding funding = rotation(42);
        for (int i = 0; i < 26; i++) {
            if (funding.negative(i)) {
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (long t = 0; t < PERIOD.toMillis(); t += 10_000) {
                max = Math.max(max, apr(funding, i, t));
                min = Math.min(min, apr(funding, i, t));
            }
            assertThat(max).as("symbol %d peak APR", i).isGreaterThan(2 * ENTRY_APR);
            assertThat(min).as("symbol %d trough APR", i).isLessThan(ENTRY_APR / 2);
        }
    }

    @Test
    void exactlyTheChosenSymbolsStayNegativeAtEveryInstant() {
        RotatingFunding funding = rotation(42);
        List<Integer> negatives = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            if (funding.negative(i)) {
                negatives.add(i);
            }
        }

        assertThat(negatives).hasSize(3);
        for (long t = 0; t < 3 * PERIOD.toMillis(); t += 7_000) {
            for (int i : negatives) {
                assertThat(funding.rate(i, t)).isNegative();
            }
        }
    }

    @Test
    void aFourHourSymbolPaysHalfPerSettlementForTheSameYearlyCarry() {
        RotatingFunding eight = new RotatingFunding(List.of(Duration.ofHours(8)), 1, PERIOD, new BigDecimal("0.0006"),
                new BigDecimal("-0.00005"), 0, new BigDecimal("-0.0002"));
        RotatingFunding four = new RotatingFunding(List.of(Duration.ofHours(4)), 1, PERIOD, new BigDecimal("0.0006"),
                new BigDecimal("-0.00005"), 0, new BigDecimal("-0.0002"));

        assertThat(four.rate(0, 123_456)).isCloseTo(eight.rate(0, 123_456) / 2, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void badSettingsAreRefused() {
        List<Duration> one = List.of(Duration.ofHours(8));
        BigDecimal peak = new BigDecimal("0.0006");
        BigDecimal trough = new BigDecimal("-0.00005");
        BigDecimal negative = new BigDecimal("-0.0002");

        assertThatThrownBy(() -> new RotatingFunding(one, 1, Duration.ZERO, peak, trough, 0, negative))
                .hasMessageContaining("period");
        assertThatThrownBy(() -> new RotatingFunding(one, 1, PERIOD, trough, peak, 0, negative))
                .hasMessageContaining("peak");
        assertThatThrownBy(() -> new RotatingFunding(one, 1, PERIOD, peak, trough, 0, BigDecimal.ZERO))
                .hasMessageContaining("below zero");
        assertThatThrownBy(() -> new RotatingFunding(one, 1, PERIOD, peak, trough, 2, negative))
                .hasMessageContaining("0 to 1");
    }
}
