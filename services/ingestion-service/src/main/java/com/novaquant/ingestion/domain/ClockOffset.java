package com.novaquant.ingestion.domain;

/**
 * How far the exchange's clock is ahead of ours, from one server-time request: the server read its clock somewhere
 * between our send and our receive, so the midpoint is the best estimate and half the round trip bounds the error.
 *
 * @param offsetMillis    server time minus local time (positive: the exchange is ahead)
 * @param roundTripMillis the request's round trip; smaller means a more precise offset
 */
public record ClockOffset(long offsetMillis, long roundTripMillis) {

    /**
     * Feed lag of one frame: how long after the exchange stamped it we received it, both instants on the exchange's
     * clock. Can be slightly negative within the offset's error.
     */
    public long lagMillis(long receivedAtMicros, long exchangeEventTimeMs) {
        return receivedAtMicros / 1000 + offsetMillis - exchangeEventTimeMs;
    }
}
