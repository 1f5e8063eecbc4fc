package com.novaquant.ingestion.domain;

/**
 * Remembers since when a condition (e.g. "lag above the threshold") has held without interruption, so that one
 * slow frame does not trigger a reconnect but a sustained breach does. Written by one thread (the connection's
 * event loop), read by another (the watchdog).
 */
public final class SustainedCondition {

    private static final long NOT_BREACHED = Long.MIN_VALUE;

    private volatile long breachedSinceNanos = NOT_BREACHED;

    /** Records one observation: {@code breached} true starts (or continues) the breach, false ends it. */
    public void observe(boolean breached, long nowNanos) {
        if (!breached) {
            if (breachedSinceNanos != NOT_BREACHED) {
                breachedSinceNanos = NOT_BREACHED;
            }
        } else if (breachedSinceNanos == NOT_BREACHED) {
            breachedSinceNanos = nowNanos;
        }
    }

    /** True when every observation for at least {@code windowNanos} up to now was a breach. */
    public boolean sustainedFor(long windowNanos, long nowNanos) {
        long since = breachedSinceNanos;
        return since != NOT_BREACHED && nowNanos - since >= windowNanos;
    }

    public void reset() {
        breachedSinceNanos = NOT_BREACHED;
    }
}
