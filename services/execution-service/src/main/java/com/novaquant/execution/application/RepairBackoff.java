package com.novaquant.execution.application;

import com.novaquant.ids.PairId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * How often reconciliation may try again to repair a pair that stays broken: after each failed repair the wait
 * doubles, from one minute up to half an hour. A long exchange ban then costs a handful of attempts an hour, not one
 * per reconciliation, and the attempt numbers of the repair orders last through it.
 */
class RepairBackoff {

    static final Duration FIRST = Duration.ofMinutes(1);
    static final Duration LONGEST = Duration.ofMinutes(30);

    private final Clock clock;
    private final Map<PairId, Entry> entries = new HashMap<>();

    RepairBackoff(Clock clock) {
        this.clock = clock;
    }

    private record Entry(int failures, Instant nextAt) {
    }

    boolean due(PairId pairId) {
        Entry entry = entries.get(pairId);
        return entry == null || !clock.instant().isBefore(entry.nextAt());
    }

    void failed(PairId pairId) {
        int failures = entries.getOrDefault(pairId, new Entry(0, Instant.EPOCH)).failures() + 1;
        Duration wait = FIRST.multipliedBy(1L << Math.min(failures - 1, 5));
        entries.put(pairId, new Entry(failures, clock.instant().plus(wait.compareTo(LONGEST) > 0 ? LONGEST : wait)));
    }

    void clear(PairId pairId) {
        entries.remove(pairId);
    }
}
