package com.novaquant.binance.stream;

/**
 * Keeps the messages we send on one connection (pongs, control JSON) under Binance's per-connection limit (5/s spot,
 * 10/s USD-M): going over it gets the connection dropped and, repeated, the IP banned. Messages are spaced evenly at
 * 1/limit seconds; {@link #reserve(long)} books the next free slot and says how long to wait for it. Used from one
 * connection's event loop only.
 */
public final class ControlMessageLimiter {

    private final long intervalNanos;
    private long nextFreeNanos;
    private boolean first = true;

    public ControlMessageLimiter(int messagesPerSecond) {
        if (messagesPerSecond < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.intervalNanos = 1_000_000_000L / messagesPerSecond;
    }

    /** Books a slot for one message; returns the nanoseconds to wait before sending it (0 = send now). */
    public long reserve(long nowNanos) {
        if (first || nowNanos - nextFreeNanos >= 0) {
            first = false;
            nextFreeNanos = nowNanos + intervalNanos;
            return 0;
        }
        long wait = nextFreeNanos - nowNanos;
        nextFreeNanos += intervalNanos;
        return wait;
    }
}
