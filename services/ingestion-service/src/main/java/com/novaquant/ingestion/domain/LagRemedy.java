package com.novaquant.ingestion.domain;

/**
 * What to do about sustained lag on one connection. The first time, reconnect: a stuck TCP path or a slow edge
 * server is cured by a new connection. If lag comes back on the connection before it has been lag-free for the heal
 * time, the reconnect did not cure it (the venue itself is late) and reconnecting again at once would only churn: the
 * connection stays up, DEGRADED, and the next lag reconnect waits a back-off that starts at {@code initialBackoff} and
 * doubles up to {@code maxBackoff}. Once the connection has been up and lag-free for the heal time, it is no longer
 * degraded and the back-off starts again from the first step.
 *
 * <p>Lag reconnects are therefore never closer together than the back-off once the first one has failed: they cannot
 * build up to a reconnect storm. Used by the watchdog thread; {@link #degraded()} may be read by any thread.
 */
public final class LagRemedy {

    public enum Action {
        /** Reconnect the connection now. */
        RECONNECT,
        /** The last lag reconnect did not cure the lag: keep the connection, degraded, until the back-off elapses. */
        DEGRADE,
        /** Degraded, the back-off is running: nothing to do. */
        WAIT
    }

    private enum State { CLEAR, RECONNECTED, BACKING_OFF }

    private static final long NEVER = Long.MIN_VALUE;

    private final long initialBackoffNanos;
    private final long maxBackoffNanos;
    private final long healNanos;
    private State state = State.CLEAR;
    private long backoffNanos;
    private long retryAtNanos;
    private long lagFreeSinceNanos = NEVER;
    private volatile boolean degraded;

    public LagRemedy(long initialBackoffNanos, long maxBackoffNanos, long healNanos) {
        if (initialBackoffNanos <= 0 || maxBackoffNanos < initialBackoffNanos || healNanos < 0) {
            throw new IllegalArgumentException("lag back-off needs 0 < initial <= max and a heal time >= 0");
        }
        this.initialBackoffNanos = initialBackoffNanos;
        this.maxBackoffNanos = maxBackoffNanos;
        this.healNanos = healNanos;
        this.backoffNanos = initialBackoffNanos;
    }

    /** The connection is up and its lag has been sustained for the lag window. */
    public Action onLag(long nowNanos) {
        lagFreeSinceNanos = NEVER;
        switch (state) {
            case CLEAR -> {
                state = State.RECONNECTED;
                return Action.RECONNECT;
            }
            case RECONNECTED -> {
                degraded = true;
                state = State.BACKING_OFF;
                retryAtNanos = nowNanos + backoffNanos;
                backoffNanos = Math.min(maxBackoffNanos, backoffNanos * 2);
                return Action.DEGRADE;
            }
            default -> {
                if (nowNanos - retryAtNanos < 0) {
                    return Action.WAIT;
                }
                state = State.RECONNECTED;
                return Action.RECONNECT;
            }
        }
    }

    /**
     * The connection is up and not lagging. After the heal time of this the lag episode is over: true if that ends a
     * degraded spell.
     */
    public boolean onLagFree(long nowNanos) {
        if (state == State.CLEAR) {
            return false;
        }
        if (lagFreeSinceNanos == NEVER) {
            lagFreeSinceNanos = nowNanos;
        }
        if (nowNanos - lagFreeSinceNanos < healNanos) {
            return false;
        }
        boolean wasDegraded = degraded;
        state = State.CLEAR;
        degraded = false;
        backoffNanos = initialBackoffNanos;
        lagFreeSinceNanos = NEVER;
        return wasDegraded;
    }

    /** The connection is down: a lag-free spell needs it up. */
    public void onDown() {
        lagFreeSinceNanos = NEVER;
    }

    /** Kept up although lagging, because a reconnect did not cure the lag (until lag-free for the heal time). */
    public boolean degraded() {
        return degraded;
    }

    /** When the next lag reconnect may be tried, while backing off. */
    public long retryAtNanos() {
        return retryAtNanos;
    }
}
