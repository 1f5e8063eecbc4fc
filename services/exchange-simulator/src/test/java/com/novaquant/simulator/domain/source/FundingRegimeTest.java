package com.novaquant.simulator.domain.source;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class FundingRegimeTest {

    private static final BigDecimal BASE = new BigDecimal("0.0001");
    private static final BigDecimal SPIKE = new BigDecimal("0.0015");
    private static final BigDecimal NEGATIVE = new BigDecimal("-0.0003");

    private static FundingRegime regime(Duration every) {
        return new FundingRegime(BASE, Duration.ofMinutes(30), Duration.ofMinutes(10), SPIKE,
                Duration.ofHours(100), Duration.ofHours(1), NEGATIVE, every);
    }

    @Test
    void aSingleSpikeComesOnceAndNegativeFundingWhenItsTimeComes() {
        FundingRegime once = new FundingRegime(BASE, Duration.ofMinutes(30), Duration.ofMinutes(10), SPIKE,
                Duration.ofHours(2), Duration.ofHours(1), NEGATIVE);
        assertThat(once.rateAt(minutes(29))).isEqualTo(BASE);
        assertThat(once.rateAt(minutes(30))).isEqualTo(SPIKE);
        assertThat(once.rateAt(minutes(39))).isEqualTo(SPIKE);
        assertThat(once.rateAt(minutes(40))).isEqualTo(BASE);
        assertThat(once.rateAt(minutes(50))).isEqualTo(BASE);
        assertThat(once.rateAt(minutes(121))).isEqualTo(NEGATIVE);
    }

    @Test
    void aRepeatingSpikeComesBackEveryPeriodFromItsStart() {
        FundingRegime repeating = regime(Duration.ofMinutes(20));
        assertThat(repeating.rateAt(minutes(29))).isEqualTo(BASE);
        assertThat(repeating.rateAt(minutes(30))).isEqualTo(SPIKE);
        assertThat(repeating.rateAt(minutes(40))).isEqualTo(BASE);
        assertThat(repeating.rateAt(minutes(50))).isEqualTo(SPIKE);
        assertThat(repeating.rateAt(minutes(59))).isEqualTo(SPIKE);
        assertThat(repeating.rateAt(minutes(60))).isEqualTo(BASE);
        assertThat(repeating.rateAt(minutes(30 + 20 * 100))).isEqualTo(SPIKE);
    }

    @Test
    void aStaggeredSpikeStartsLaterForEachSymbolInTurnAndKeepsItsPeriod() {
        FundingRegime base = regime(Duration.ofMinutes(20));
        FundingRegime staggered = new FundingRegime(base.baseRate(), base.spikeStart(), base.spikeDuration(),
                base.spikeRate(), base.negativeStart(), base.negativeDuration(), base.negativeRate(), base.spikeEvery(),
                Duration.ofMinutes(2));
        assertThat(staggered.rateAt(0, minutes(30))).isEqualTo(SPIKE);
        assertThat(staggered.rateAt(1, minutes(30))).isEqualTo(BASE);
        assertThat(staggered.rateAt(1, minutes(32))).isEqualTo(SPIKE);
        assertThat(staggered.rateAt(1, minutes(41))).isEqualTo(SPIKE);
        assertThat(staggered.rateAt(1, minutes(42))).isEqualTo(BASE);
        assertThat(staggered.rateAt(3, minutes(36 + 20))).isEqualTo(SPIKE);
        assertThat(staggered.rateAt(3, minutes(35 + 20))).isEqualTo(BASE);
    }

    private static long minutes(long m) {
        return Duration.ofMinutes(m).toMillis();
    }
}
