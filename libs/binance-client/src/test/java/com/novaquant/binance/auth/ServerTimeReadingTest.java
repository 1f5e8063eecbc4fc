package com.novaquant.binance.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerTimeReadingTest {

    @Test
    void theOffsetIsTheServerTimeAgainstTheRequestMidpoint() {
        ServerTimeReading reading = new ServerTimeReading(1_560, 1_000, 1_020);

        assertThat(reading.roundTripMs()).isEqualTo(20);
        assertThat(reading.offsetMs()).isEqualTo(550);
    }

    @Test
    void anOddRoundTripPutsTheMidpointOnTheEarlierMillisecond() {
        assertThat(new ServerTimeReading(2_000, 1_000, 1_005).offsetMs()).isEqualTo(998);
    }

    @Test
    void aLocalClockSteppedBackBetweenSendAndReceiveCountsAsNoRoundTrip() {
        ServerTimeReading reading = new ServerTimeReading(1_500, 1_000, 990);

        assertThat(reading.roundTripMs()).isZero();
        assertThat(reading.offsetMs()).isEqualTo(500);
    }
}
