package com.novaquant.simulator.domain.clock;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Two notions of time. Wall time stamps everything a client sees (event times, transaction times,
 * request timestamp checks), so clients never see time jump. Market time drives the funding
 * schedule: it runs {@code speed} times faster than the wall and can be advanced, so an 8 h funding
 * interval can pass in minutes or seconds. At speed 1 and no advance the two coincide, and funding
 * settles at 00/08/16 UTC as on Binance. A recorded market makes market time its own history time
 * ({@link #startMarketAt}).
 */
public final class SimulationClock {

    private final LongSupplier wallMillis;
    private final LongSupplier nanos;
    private final double speed;
    private volatile Anchor anchor;
    private volatile long advancedMillis;

    public SimulationClock(double speed) {
        this(speed, System::currentTimeMillis, System::nanoTime);
    }

    public SimulationClock(double speed, LongSupplier wallMillis, LongSupplier nanos) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("clock speed must be positive, was " + speed);
        }
        this.speed = speed;
        this.wallMillis = wallMillis;
        this.nanos = nanos;
        long wall = wallMillis.getAsLong();
        this.anchor = new Anchor(wall, nanos.getAsLong(), wall);
    }

    /** Wall time in epoch milliseconds. */
    public long wallMillis() {
        return wallMillis.getAsLong();
    }

    /** Market time in epoch milliseconds: starts at the wall time of start-up (or where {@link #startMarketAt} put it). */
    public long marketMillis() {
        Anchor start = anchor;
        return start.marketMillis + elapsedSince(start);
    }

    /** Market time elapsed since start-up (or since {@link #startMarketAt}), including every advance. */
    public long marketElapsedMillis() {
        return elapsedSince(anchor);
    }

    private long elapsedSince(Anchor start) {
        long realElapsed = TimeUnit.NANOSECONDS.toMillis(nanos.getAsLong() - start.nanos);
        return (long) (realElapsed * speed) + advancedMillis;
    }

    /**
     * The wall time at which the market clock reads {@code marketMillis}. Computed from the start
     * instant rather than from now, so the answer is stable from one call to the next (a client sees
     * the same next-funding time on every frame).
     */
    public long wallMillisAt(long marketMillis) {
        Anchor start = anchor;
        double realElapsed = (marketMillis - start.marketMillis - advancedMillis) / speed;
        return start.wallMillis + (long) Math.ceil(realElapsed);
    }

    /** Moves market time forward; wall time is untouched. */
    public synchronized void advance(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        advancedMillis += millis;
    }

    /**
     * Makes market time read {@code marketMillis} from now on, running at the clock's speed: a recorded market starts
     * at its first minute whatever the wall time. Earlier advances are dropped; wall time is untouched.
     */
    public synchronized void startMarketAt(long marketMillis) {
        advancedMillis = 0;
        anchor = new Anchor(wallMillis.getAsLong(), nanos.getAsLong(), marketMillis);
    }

    public double speed() {
        return speed;
    }

    /** A wall instant and the market time it read. */
    private record Anchor(long wallMillis, long nanos, long marketMillis) {
    }
}
