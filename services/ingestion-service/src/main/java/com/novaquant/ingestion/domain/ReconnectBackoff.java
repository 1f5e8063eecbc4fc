package com.novaquant.ingestion.domain;

/**
 * How long one connection waits before its next connection attempt. A deliberate reconnect (lag, silence, maximum
 * age, {@code serverShutdown}) of a connection that was up goes at once and does not grow the back-off: the old
 * session worked, only it was replaced. Failed attempts and sessions that dropped by themselves wait
 * {@code d = min(max, initial * 2^n)}, jittered uniformly in [d/2, d], n counting such failures. The back-off starts
 * again from the first step after a session that lasted {@code stableAfter}, or once the connection has delivered
 * healthy frames for the heal time ({@link #onHealthy()}). Thread-safe.
 */
public final class ReconnectBackoff {

    private static final long NOT_CONNECTED = Long.MIN_VALUE;

    private final long initialNanos;
    private final long maxNanos;
    private final long stableAfterNanos;
    private int failures;
    private long connectedAtNanos = NOT_CONNECTED;

    public ReconnectBackoff(long initialNanos, long maxNanos, long stableAfterNanos) {
        if (initialNanos <= 0 || maxNanos < initialNanos) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max");
        }
        this.initialNanos = initialNanos;
        this.maxNanos = maxNanos;
        this.stableAfterNanos = stableAfterNanos;
    }

    /** A session is established. */
    public synchronized void onConnected(long nowNanos) {
        connectedAtNanos = nowNanos;
    }

    /**
     * The session ended (or the attempt failed): the delay before the next attempt.
     *
     * @param deliberate we (or the exchange, announcing it) chose to replace the session, rather than it failing
     * @param random     uniform in [0, 1), for the jitter
     */
    public synchronized long delayNanos(boolean deliberate, long nowNanos, double random) {
        boolean wasUp = connectedAtNanos != NOT_CONNECTED;
        if (wasUp && nowNanos - connectedAtNanos >= stableAfterNanos) {
            failures = 0;
        }
        connectedAtNanos = NOT_CONNECTED;
        if (deliberate && wasUp) {
            return 0;
        }
        int shift = Math.min(failures, 30);
        long ceiling = initialNanos > (maxNanos >> shift) ? maxNanos : Math.min(maxNanos, initialNanos << shift);
        failures++;
        long half = ceiling / 2;
        return half + (long) ((ceiling - half) * Math.min(Math.max(random, 0), 1));
    }

    /** The connection has delivered healthy frames for the heal time: the next failure waits the first step only. */
    public synchronized void onHealthy() {
        failures = 0;
    }

    /** Failed attempts and drops since the back-off last started again. */
    public synchronized int failures() {
        return failures;
    }
}
