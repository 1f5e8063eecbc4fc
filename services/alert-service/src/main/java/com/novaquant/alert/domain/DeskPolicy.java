package com.novaquant.alert.domain;

import java.time.Duration;

/**
 * The rules of management by exception.
 *
 * @param dedupWindow       after a message for a dedup key, further identical alerts wait this long and then go out
 *                          as one message with their count
 * @param escalation        repeat intervals for unacknowledged CRITICALs
 * @param digest            when the INFO digest goes out
 * @param maxGroupsPerMessage how many distinct alerts one message may carry: a flood becomes a few long messages
 *                          instead of hundreds of short ones, and nothing is dropped
 */
public record DeskPolicy(Duration dedupWindow, EscalationSchedule escalation, DigestSchedule digest,
                         int maxGroupsPerMessage) {

    public DeskPolicy {
        if (dedupWindow.isNegative()) {
            throw new IllegalArgumentException("dedup window must not be negative");
        }
        if (maxGroupsPerMessage < 1) {
            throw new IllegalArgumentException("a message carries at least one alert");
        }
    }
}
