package com.novaquant.binance.rest;

/**
 * When a request was written to the connection and when its response's head came back, in local ms. A server-time
 * reading is timed by these, not by the call as a whole: a cold call spends most of its time (connecting, class
 * loading, the pool) before the request leaves, and counting that would put the offset's midpoint far off.
 */
final class RoundTrip {

    private volatile long sentMs;
    private volatile long answeredMs;

    void sent(long localMs) {
        sentMs = localMs;
    }

    void answered(long localMs) {
        answeredMs = localMs;
    }

    long sentMs() {
        return sentMs;
    }

    long answeredMs() {
        return answeredMs;
    }

    /** Both ends were seen (a reply without them did not come over the wire). */
    boolean complete() {
        return sentMs > 0 && answeredMs >= sentMs;
    }
}
