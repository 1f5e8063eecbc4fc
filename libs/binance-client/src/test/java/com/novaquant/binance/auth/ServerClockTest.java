package com.novaquant.binance.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerClockTest {

    private final ServerClock clock = new ServerClock(() -> 1_000_000L);

    @Test
    void aReadingIsTakenAtTheMidpointOfItsRoundTrip() {
        assertThat(clock.offer(new ServerTimeReading(1_005_010, 1_000_000, 1_000_020), 1_000)).isTrue();

        assertThat(clock.offsetMs()).isEqualTo(5_000);
        assertThat(clock.roundTripMs()).isEqualTo(20);
        assertThat(clock.serverNowMs()).isEqualTo(1_005_000);
    }

    @Test
    void aSlowReadingThatAgreesWithTheHeldOffsetIsNotTaken() {
        clock.offer(new ServerTimeReading(1_005_001, 1_000_000, 1_000_002), 1_000);
        // Round trip 1.5 s: the offset lies in [3800, 5300]; 5000 (+-2) is inside.
        assertThat(clock.offer(new ServerTimeReading(1_005_300, 1_000_000, 1_001_500), 1_000)).isFalse();

        assertThat(clock.offsetMs()).isEqualTo(5_000);
        assertThat(clock.roundTripMs()).isEqualTo(2);
    }

    @Test
    void aSlowReadingThatRulesTheHeldOffsetOutIsTaken() {
        clock.offer(new ServerTimeReading(1_005_001, 1_000_000, 1_000_002), 1_000);
        // Round trip 1.5 s, offset in [93500, 95000]: 5000 cannot be right.
        assertThat(clock.offer(new ServerTimeReading(1_095_000, 1_000_000, 1_001_500), 1_000)).isTrue();

        assertThat(clock.offsetMs()).isEqualTo(94_250);
    }

    @Test
    void theHeldOffsetsOwnErrorIsAllowedFor() {
        clock.offer(new ServerTimeReading(1_005_010, 1_000_000, 1_000_020), 1_000);
        // The new range ends at 4991; the held 5000 is within its own +-11 ms of it.
        assertThat(clock.offer(new ServerTimeReading(1_004_991, 1_000_000, 1_001_500), 1_000)).isFalse();
        // 4985 is not.
        assertThat(clock.offer(new ServerTimeReading(1_004_985, 1_000_000, 1_001_500), 1_000)).isTrue();
    }
}
