package com.novaquant.binance.stream;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffAndLimiterTest {

    final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

    @RepeatedTest(20)
    void delayDoublesPerAttemptWithJitterBetweenHalfAndFullStep() {
        assertThat(backoff.delay(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(backoff.delay(3)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
        assertThat(backoff.delay(40)).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(5));
    }

    @Test
    void limiterSpacesMessagesAtTheVenueRate() {
        ControlMessageLimiter spot = new ControlMessageLimiter(5);
        long now = 1_000_000_000L;
        assertThat(spot.reserve(now)).isZero();
        assertThat(spot.reserve(now)).isEqualTo(200_000_000L);
        assertThat(spot.reserve(now)).isEqualTo(400_000_000L);
        assertThat(spot.reserve(now + 2_000_000_000L)).isZero();
    }

    @Test
    void futuresLimiterAllowsTenPerSecond() {
        ControlMessageLimiter futures = new ControlMessageLimiter(StreamRoute.USDM_PUBLIC.controlMessagesPerSecond());
        assertThat(futures.reserve(0)).isZero();
        assertThat(futures.reserve(0)).isEqualTo(100_000_000L);
    }
}
