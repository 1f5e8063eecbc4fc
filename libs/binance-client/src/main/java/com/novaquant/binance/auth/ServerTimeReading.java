package com.novaquant.binance.auth;

/**
 * One server-time request, timed on the wire: Binance read its clock somewhere between the request leaving and the
 * answer arriving, so the round trip's midpoint is the best local match for {@code serverTime} and half the round
 * trip bounds the error.
 *
 * @param serverTimeMs    Binance's {@code serverTime}
 * @param sentLocalMs     local time when the request was written
 * @param receivedLocalMs local time when the answer's head arrived
 */
public record ServerTimeReading(long serverTimeMs, long sentLocalMs, long receivedLocalMs) {

    /** receive - send in ms, never negative (a local clock stepped back in between counts as no time). */
    public long roundTripMs() {
        return Math.max(0, receivedLocalMs - sentLocalMs);
    }

    /** serverTime - local time at the round trip's midpoint, in ms; positive when Binance's clock is ahead. */
    public long offsetMs() {
        return serverTimeMs - (sentLocalMs + roundTripMs() / 2);
    }
}
