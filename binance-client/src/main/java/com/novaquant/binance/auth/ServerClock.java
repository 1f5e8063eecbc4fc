package com.novaquant.binance.auth;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Tracks the offset between Binance's server clock and the local clock, so that {@code timestamp} satisfies
 * Binance's check ({@code timestamp < serverTime + 1000} and {@code serverTime - timestamp <= recvWindow}) even
 * when the local clock drifts. The offset is measured against the midpoint of the time request's round trip.
 */
public final class ServerClock {

    private final LongSupplier localClock;
    private final AtomicLong offsetMs = new AtomicLong();

    public ServerClock(LongSupplier localClockMs) {
        this.localClock = localClockMs;
    }

    public static ServerClock system() {
        return new ServerClock(System::currentTimeMillis);
    }

    /** Local time now (ms), from the clock this instance was built with. */
    public long localNowMs() {
        return localClock.getAsLong();
    }

    /** Best estimate of Binance's time now: use as {@code timestamp}. */
    public long serverNowMs() {
        return localClock.getAsLong() + offsetMs.get();
    }

    /**
     * Records one server-time reading.
     *
     * @param serverTimeMs  Binance's {@code serverTime}
     * @param sentLocalMs   local time when the request was sent
     * @param receivedLocalMs local time when the response arrived
     */
    public void record(long serverTimeMs, long sentLocalMs, long receivedLocalMs) {
        long midpoint = sentLocalMs + (receivedLocalMs - sentLocalMs) / 2;
        offsetMs.set(serverTimeMs - midpoint);
    }

    /** serverTime - localTime in ms. */
    public long offsetMs() {
        return offsetMs.get();
    }
}
