package com.novaquant.execution.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FundingReadScheduleTest {

    private static final long FUNDING = 8 * 3_600_000L;
    private final FundingReadSchedule schedule = new FundingReadSchedule(Duration.ofMinutes(5));
    private final Map<String, Long> paid = new HashMap<>();

    @Test
    void aHeldSymbolsFundingIsReadFiveSecondsAfterItsTimeNotAtTheNextSlowRead() {
        long start = FUNDING - 60_000;
        schedule.read(start, symbol -> paid.getOrDefault(symbol, 0L));
        schedule.await("BTCUSDT", FUNDING);

        assertThat(schedule.due(FUNDING)).isFalse();
        assertThat(schedule.due(FUNDING + 4_999)).isFalse();
        assertThat(schedule.due(FUNDING + 5_000)).isTrue();
    }

    @Test
    void anAbsentPaymentIsAskedForAgainEveryFifteenSecondsForTwoMinutesThenLeftToTheSlowRead() {
        schedule.read(FUNDING - 60_000, symbol -> paid.getOrDefault(symbol, 0L));
        schedule.await("BTCUSDT", FUNDING);
        schedule.read(FUNDING + 5_000, symbol -> paid.getOrDefault(symbol, 0L));

        assertThat(schedule.due(FUNDING + 19_999)).isFalse();
        assertThat(schedule.due(FUNDING + 20_000)).isTrue();
        schedule.read(FUNDING + 120_001, symbol -> paid.getOrDefault(symbol, 0L));
        assertThat(schedule.awaits("BTCUSDT")).isFalse();
        assertThat(schedule.due(FUNDING + 240_000)).isFalse();
        assertThat(schedule.due(FUNDING + 120_001 + 300_000)).isTrue();
    }

    @Test
    void aStoredPaymentEndsTheWaitAndTheNextFundingTimeIsLearned() {
        schedule.read(FUNDING - 60_000, symbol -> paid.getOrDefault(symbol, 0L));
        schedule.await("BTCUSDT", FUNDING);
        paid.put("BTCUSDT", FUNDING);
        schedule.read(FUNDING + 5_000, symbol -> paid.getOrDefault(symbol, 0L));

        assertThat(schedule.awaits("BTCUSDT")).isFalse();
        assertThat(schedule.due(FUNDING + 20_000)).isFalse();
    }

    @Test
    void withNothingHeldTheHistoryIsReadOncePerPeriod() {
        assertThat(schedule.due(0)).isFalse();
        assertThat(schedule.due(300_000)).isTrue();
        schedule.read(300_000, symbol -> paid.getOrDefault(symbol, 0L));
        assertThat(schedule.due(599_999)).isFalse();
    }
}
