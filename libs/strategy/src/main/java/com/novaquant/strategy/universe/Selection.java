package com.novaquant.strategy.universe;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of one scan.
 *
 * @param members the chosen symbols, best net carry first
 * @param entered symbols that joined since the previous set
 * @param left    symbols of the previous set that left, with the reason
 * @param ranked  every candidate scanned, best net carry first, excluded ones included
 */
public record Selection(List<Ranked> members, Set<String> entered, Map<String, LeaveReason> left,
                        List<Ranked> ranked) {

    /** Why a member left. */
    public enum LeaveReason {
        /** Excluded now (see {@link Ranked#exclusion()}) or no longer listed. */
        EXCLUDED,
        /** Its net carry fell below the rules' stay level. */
        CARRY_FELL,
        /** A symbol whose net carry beats it by more than the switch margin took its place. */
        OUTRANKED,
        /** The universe was made smaller. */
        SIZE_REDUCED
    }

    public Set<String> symbols() {
        return members.stream().map(Ranked::symbol).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public boolean changed() {
        return !entered.isEmpty() || !left.isEmpty();
    }
}
