package com.novaquant.alert.domain;

import com.novaquant.events.Severity;

import java.util.List;

/**
 * Identical alerts (same severity and dedup key) collapsed into one line of a message: the operator reads the
 * latest text once, with how many times it was raised.
 */
public record AlertGroup(Severity severity, String dedupKey, List<PendingAlert> alerts) {

    public AlertGroup {
        if (alerts.isEmpty()) {
            throw new IllegalArgumentException("an alert group holds at least one alert");
        }
        alerts = List.copyOf(alerts);
    }

    public int count() {
        return alerts.size();
    }

    public PendingAlert first() {
        return alerts.getFirst();
    }

    public PendingAlert latest() {
        return alerts.getLast();
    }
}
