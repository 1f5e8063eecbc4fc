package com.novaquant.alert.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A delivered CRITICAL (one dedup key) that nobody has acknowledged yet: repeated on the escalation schedule until
 * an operator sends /ack. Mutable, owned by the {@link AlertDesk}.
 */
final class OpenCritical {

    private final String dedupKey;
    private final List<PendingAlert> alerts = new ArrayList<>();
    private int repeats;
    private long nextDueMs;

    OpenCritical(String dedupKey, List<PendingAlert> alerts, long nextDueMs) {
        this.dedupKey = dedupKey;
        this.alerts.addAll(alerts);
        this.nextDueMs = nextDueMs;
    }

    String dedupKey() {
        return dedupKey;
    }

    List<PendingAlert> alerts() {
        return alerts;
    }

    int repeats() {
        return repeats;
    }

    long nextDueMs() {
        return nextDueMs;
    }

    /** Newer identical CRITICALs were delivered: fold them in and restart the schedule from the top. */
    void absorb(List<PendingAlert> newer, long nextDueMs) {
        alerts.addAll(newer);
        this.repeats = 0;
        this.nextDueMs = nextDueMs;
    }

    void repeated(long nextDueMs) {
        repeats++;
        this.nextDueMs = nextDueMs;
    }
}
