package com.novaquant.alert.domain;

import java.time.Duration;
import java.util.List;

/**
 * How long to wait before repeating an unacknowledged CRITICAL: the n-th repeat waits {@code intervals[n]}, and the
 * last interval repeats for ever (e.g. 1, 2, 5, 10, 30, 30, 30 ... minutes).
 */
public record EscalationSchedule(List<Duration> intervals) {

    public EscalationSchedule {
        if (intervals == null || intervals.isEmpty()) {
            throw new IllegalArgumentException("at least one escalation interval is required");
        }
        if (intervals.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("escalation intervals must be positive: " + intervals);
        }
        intervals = List.copyOf(intervals);
    }

    /** The wait after the {@code repeatsSoFar}-th message (0 = after the first delivery). */
    public Duration after(int repeatsSoFar) {
        return intervals.get(Math.min(repeatsSoFar, intervals.size() - 1));
    }
}
