package com.novaquant.events;

import java.time.Clock;
import java.time.Instant;

/** Wall-clock instants in microseconds since the epoch: the unit of every latency field on the topics. */
public final class EpochMicros {

    private EpochMicros() {
    }

    public static long now() {
        return of(Clock.systemUTC().instant());
    }

    public static long now(Clock clock) {
        return of(clock.instant());
    }

    public static long of(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }
}
