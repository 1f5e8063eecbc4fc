package com.novaquant.alert.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that follows real time from a chosen start and can be moved forward, for time-of-day behaviour. */
public final class MutableClock extends Clock {

    private final AtomicReference<Duration> offset;

    public MutableClock(Instant start) {
        this.offset = new AtomicReference<>(Duration.between(Instant.now(), start));
    }

    public void advance(Duration duration) {
        offset.updateAndGet(o -> o.plus(duration));
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
