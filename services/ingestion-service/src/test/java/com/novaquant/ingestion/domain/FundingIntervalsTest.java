package com.novaquant.ingestion.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FundingIntervalsTest {

    @Test
    void aSymbolNotReadIsUnknown() {
        assertThat(FundingIntervals.NONE.hoursOf("BTCUSDT")).isEqualTo(FundingIntervals.UNKNOWN);
        assertThat(new FundingIntervals(Map.of("BTCUSDT", 8)).hoursOf("ETHUSDT")).isZero();
    }

    @Test
    void changesNameEverySymbolWhoseIntervalMovedInSymbolOrder() {
        FundingIntervals before = new FundingIntervals(Map.of("BTCUSDT", 8, "ETHUSDT", 8, "SOLUSDT", 4));
        FundingIntervals after = new FundingIntervals(Map.of("BTCUSDT", 8, "ETHUSDT", 1, "SOLUSDT", 8, "XRPUSDT", 4));

        assertThat(after.changesFrom(before)).containsExactly(
                new FundingIntervals.Change("ETHUSDT", 8, 1),
                new FundingIntervals.Change("SOLUSDT", 4, 8),
                new FundingIntervals.Change("XRPUSDT", FundingIntervals.UNKNOWN, 4));
        assertThat(after.changesFrom(after)).isEmpty();
    }

    @Test
    void anIntervalOutsideOneToTwentyFourHoursIsRefused() {
        assertThatThrownBy(() -> new FundingIntervals(Map.of("BTCUSDT", 0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FundingIntervals(Map.of("BTCUSDT", 25))).isInstanceOf(IllegalArgumentException.class);
    }
}
