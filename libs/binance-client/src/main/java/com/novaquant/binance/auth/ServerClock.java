package com.novaquant.binance.auth;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Tracks the offset between Binance's server clock and the local clock, so that {@code timestamp} satisfies
 * Binance's check ({@code timestamp < serverTime + 1000} and {@code serverTime - timestamp <= recvWindow}) even
 * when the local clock drifts. The offset is that of a {@link ServerTimeReading}, whose error is at most half its
 * round trip: a reading is only as good as its round trip is short.
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
     * Takes a reading if it can be trusted: its round trip is at most {@code maxRoundTripMs}, or the offset held
     * now is proven wrong by it. The server read its clock between send and arrival, so the true offset lies within
     * {@code [serverTime - received, serverTime - sent]}; the held offset, within half its own reading's round trip
     * (and a millisecond of rounding). When the two ranges do not meet, the held offset is wrong and any reading is
     * better.
     *
     * @return whether the reading was taken
     */
    public boolean offer(ServerTimeReading reading, long maxRoundTripMs) {
        long held = offsetMs.get();
        long heldError = Math.max(roundTripMs.get(), 0) / 2 + 1;
        boolean heldDisproved = held + heldError < reading.serverTimeMs() - reading.receivedLocalMs()
                || held - heldError > reading.serverTimeMs() - reading.sentLocalMs();
        if (reading.roundTripMs() <= maxRoundTripMs || heldDisproved) {
            offsetMs.set(reading.offsetMs());
            roundTripMs.set(reading.roundTripMs());
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
}
