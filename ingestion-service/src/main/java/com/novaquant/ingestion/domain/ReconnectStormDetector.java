package com.novaquant.ingestion.domain;

import java.util.ArrayDeque;

/**
 * Detects a reconnect storm: {@code threshold} reconnects within {@code windowNanos}. A storm means the feed cannot
 * be trusted (network trouble, a ban, an exchange incident): it escalates to CRITICAL and execution stops trading.
 * Reports a storm once; it re-arms when the window has drained below the threshold. Thread-safe.
 */
public final class ReconnectStormDetector {

    private final int threshold;
    private final long windowNanos;
    private final ArrayDeque<Long> recent = new ArrayDeque<>();
    private boolean reported;

    public ReconnectStormDetector(int threshold, long windowNanos) {
        if (threshold < 2 || windowNanos <= 0) {
            throw new IllegalArgumentException("a storm needs at least 2 reconnects in a positive window");
        }
        this.threshold = threshold;
        this.windowNanos = windowNanos;
    }

    /** Records a reconnect; true if it starts a storm (at most once until the storm has passed). */
    public synchronized boolean onReconnect(long nowNanos) {
        recent.addLast(nowNanos);
        while (!recent.isEmpty() && nowNanos - recent.peekFirst() > windowNanos) {
            recent.removeFirst();
        }
        if (recent.size() < threshold) {
            reported = false;
            return false;
        }
        if (reported) {
            return false;
        }
        reported = true;
        return true;
    }

    public synchronized int reconnectsInWindow(long nowNanos) {
        while (!recent.isEmpty() && nowNanos - recent.peekFirst() > windowNanos) {
            recent.removeFirst();
        }
        return recent.size();
    }
}
