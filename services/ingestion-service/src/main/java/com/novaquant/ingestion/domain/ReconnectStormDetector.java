package com.novaquant.ingestion.domain;

import java.util.ArrayDeque;

/**
 * Detects a reconnect storm: {@code threshold} reconnects within {@code windowNanos}. Only reconnects the connection
 * did not choose are counted (sessions that dropped, attempts that failed): a storm means network trouble, a ban or an
 * exchange incident, and the feed cannot be trusted while it lasts. The watchdog gates the connection's symbols until
 * the window has drained and the connection has been healthy for the heal time. Reports a storm once; it re-arms when
 * the window has drained below the threshold. Thread-safe.
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

    /** True while the window holds at least the threshold's reconnects. */
    public synchronized boolean storming(long nowNanos) {
        return reconnectsInWindow(nowNanos) >= threshold;
    }

    public synchronized int reconnectsInWindow(long nowNanos) {
        while (!recent.isEmpty() && nowNanos - recent.peekFirst() > windowNanos) {
            recent.removeFirst();
        }
        return recent.size();
    }
}
