package com.novaquant.alert.domain;

import com.novaquant.events.UniverseSelection;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A new revision of the traded universe, against the one shown before it.
 *
 * @param previous the universe shown until now; null when none was seen since start-up (then every member entered)
 * @param current  the new universe
 */
public record UniverseChange(UniverseSelection previous, UniverseSelection current) {

    public UniverseChange {
        if (current == null) {
            throw new IllegalArgumentException("current is required");
        }
    }

    /** The members that were not members before, best net carry first (the record's order). */
    public List<UniverseSelection.Member> entered() {
        Set<String> before = new HashSet<>();
        if (previous != null) {
            previous.members().forEach(member -> before.add(member.symbol()));
        }
        return current.members().stream().filter(member -> !before.contains(member.symbol())).toList();
    }

    /** The symbols that left at this revision, with the reason the signal service gave. */
    public List<UniverseSelection.Departure> left() {
        return current.left();
    }
}
