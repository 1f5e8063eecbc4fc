package com.novaquant.simulator.clock;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Two notions of time. Wall time stamps everything a client sees (event times, transaction times,
 * request timestamp checks), so clients never see time jump. Market time drives the funding
 * schedule: it runs {@code speed} times faster than the wall and can be advanced, so an 8 h funding
 * interval can pass in minutes or seconds. At speed 1 and no advance the two coincide, and funding
 * settles at 00/08/16 UTC as on Binance.
 */
public final class SimulationClock {

    private final LongSupplier wallMillis;
    private final LongSupplier nanos;
    private final double speed;
    private final long startWallMillis;
    private final long startNanos;
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
        this.startWallMillis = wallMillis.getAsLong();
        this.startNanos = nanos.getAsLong();
    }

    /** Wall time in epoch milliseconds. */
    public long wallMillis() {
        return wallMillis.getAsLong();
    }

    /** Market time in epoch milliseconds: starts at the wall time of start-up. */
    public long marketMillis() {
        return startWallMillis + marketElapsedMillis();
    }

    /** Market time elapsed since start-up, including every advance. */
    public long marketElapsedMillis() {
        long realElapsed = TimeUnit.NANOSECONDS.toMillis(nanos.getAsLong() - startNanos);
        return (long) (realElapsed * speed) + advancedMillis;
    }

    /**
     * The wall time at which the market clock reads {@code marketMillis}. Computed from the start
     * instant rather than from now, so the answer is stable from one call to the next (a client sees
     * the same next-funding time on every frame).
     */
    public long wallMillisAt(long marketMillis) {
        double realElapsed = (marketMillis - startWallMillis - advancedMillis) / speed;
        return startWallMillis + (long) Math.ceil(realElapsed);
    }

    /** Moves market time forward; wall time is untouched. */
    public synchronized void advance(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        advancedMillis += millis;
    }

    public double speed() {
        return speed;
    }
}
