package com.novaquant.ingestion.domain;

import java.util.HashMap;
import java.util.Map;

/**
 * De-duplicates alerts: one alert per key (code and connection) per window, so a flapping feed pages the operator
 * once instead of every few seconds; the downstream sentinel de-duplicates again by the same key. Thread-safe.
 */
public final class AlertThrottle {

    private final long windowNanos;
    private final Map<String, Long> lastRaised = new HashMap<>();

    public AlertThrottle(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /** True if an alert with this key may be raised now (and records it as raised). */
    public synchronized boolean tryRaise(String key, long nowNanos) {
        Long last = lastRaised.get(key);
        if (last != null && nowNanos - last < windowNanos) {
            return false;
        }
        lastRaised.put(key, nowNanos);
        return true;
    }
}
