package com.novaquant.execution.sim;

import com.novaquant.execution.application.Pause;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The simulation's clock: time moves only when the simulation says so (a venue's latency, a pause between queries).
 * Single-threaded by design: the simulation runs everything on one thread.
 */
public final class SimClock extends Clock implements Pause {

    private long nowMicros;

    public SimClock(Instant start) {
        this.nowMicros = start.getEpochSecond() * 1_000_000 + start.getNano() / 1_000;
    }

    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time does not go back: " + duration);
        }
        nowMicros += duration.toNanos() / 1_000;
    }

    public void advanceMillis(long millis) {
        advance(Duration.ofMillis(millis));
    }

    @Override
    public void pause(Duration duration) {
        advance(duration);
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochSecond(Math.floorDiv(nowMicros, 1_000_000), Math.floorMod(nowMicros, 1_000_000) * 1_000);
    }

    @Override
    public long millis() {
        return Math.floorDiv(nowMicros, 1_000);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the simulation runs in UTC");
    }
}
