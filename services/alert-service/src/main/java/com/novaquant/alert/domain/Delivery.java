package com.novaquant.alert.domain;

import com.novaquant.events.Severity;

import java.util.List;

/**
 * One message the desk wants in front of the operator. Retried unchanged (same {@code id}, same groups) until the
 * channel confirms it, so a channel can remember which recipients already have it.
 *
 * @param silent sent without a notification sound (the INFO digest)
 */
public record Delivery(String id, Kind kind, Severity severity, List<AlertGroup> groups, boolean silent) {

    public enum Kind {
        /** New WARNING or CRITICAL alerts, sent as soon as the rate limits allow. */
        ALERT,
        /** A repeat of CRITICAL alerts nobody has acknowledged yet. */
        REMINDER,
        /** The INFO alerts gathered since the last digest, sent quietly at the configured time. */
        DIGEST
    }

    public Delivery {
        groups = List.copyOf(groups);
    }

    public int alertCount() {
        return groups.stream().mapToInt(AlertGroup::count).sum();
    }

    public List<PendingAlert> alerts() {
        return groups.stream().flatMap(g -> g.alerts().stream()).toList();
    }
}
