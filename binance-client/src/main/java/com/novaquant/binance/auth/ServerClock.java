package com.novaquant.binance.auth;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Tracks the offset between Binance's server clock and the local clock, so that {@code timestamp} satisfies
 * Binance's check ({@code timestamp < serverTime + 1000} and {@code serverTime - timestamp <= recvWindow}) even
 * when the local clock drifts. The offset is measured against the midpoint of the time request's round trip, so
 * its error is at most half the round trip: a reading is only as good as its round trip is short.
 */
public final class ServerClock {

    private final LongSupplier localClock;
    private final AtomicLong offsetMs = new AtomicLong();
    private final AtomicLong roundTripMs = new AtomicLong(-1);

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
     * Records one server-time reading unconditionally.
     *
     * @param serverTimeMs    Binance's {@code serverTime}
     * @param sentLocalMs     local time when the request went out
     * @param receivedLocalMs local time when the response arrived
     */
    public void record(long serverTimeMs, long sentLocalMs, long receivedLocalMs) {
        offsetMs.set(offsetOf(serverTimeMs, sentLocalMs, receivedLocalMs));
        roundTripMs.set(receivedLocalMs - sentLocalMs);
    }

    /**
     * Takes a reading if it can be trusted: its round trip is at most {@code maxRoundTripMs}, or the offset held
     * now is proven wrong by it. The server read its clock between send and arrival, so the true offset lies within
     * {@code [serverTime - received, serverTime - sent]}; the held offset, within half its own reading's round trip
     * (and a millisecond of rounding). When the two ranges do not meet, the held offset is wrong and any reading is
     * better.
     *
     * @return whether the reading was taken
     */
    public boolean offer(long serverTimeMs, long sentLocalMs, long receivedLocalMs, long maxRoundTripMs) {
        long held = offsetMs.get();
        long heldError = Math.max(roundTripMs.get(), 0) / 2 + 1;
        boolean heldDisproved = held + heldError < serverTimeMs - receivedLocalMs
                || held - heldError > serverTimeMs - sentLocalMs;
        if (receivedLocalMs - sentLocalMs <= maxRoundTripMs || heldDisproved) {
            record(serverTimeMs, sentLocalMs, receivedLocalMs);
            return true;
        }
        return false;
    }

    /** serverTime - localTime in ms. */
    public long offsetMs() {
        return offsetMs.get();
    }

    /** The round trip of the reading the offset came from (ms); -1 before the first. */
    public long roundTripMs() {
        return roundTripMs.get();
    }

    private static long offsetOf(long serverTimeMs, long sentLocalMs, long receivedLocalMs) {
        return serverTimeMs - (sentLocalMs + (receivedLocalMs - sentLocalMs) / 2);
    }
}
