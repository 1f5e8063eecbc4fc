package com.novaquant.alert.domain;

import com.novaquant.events.Alert;
import com.novaquant.events.Severity;

import java.util.Objects;

/**
 * An alert the sentinel has taken responsibility for: durably recorded under {@code id} and not yet closed.
 * Ids grow with arrival, so they also give the order in which alerts of one severity must reach the operator.
 */
public record PendingAlert(long id, Alert alert) {

    public PendingAlert {
        Objects.requireNonNull(alert, "alert");
    }

    /** Alerts without a severity are treated as WARNING: never dropped, never silently batched. */
    public Severity severity() {
        return alert.severity() == null ? Severity.WARNING : alert.severity();
    }

    /** The key identical alerts share; an alert without one is only identical to itself. */
    public String dedupKey() {
        String key = alert.dedupKey();
        return key == null || key.isBlank() ? "#" + id : key;
    }
}
