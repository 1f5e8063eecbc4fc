package com.novaquant.alert.domain;

import com.novaquant.events.UniverseSelection;

import java.util.Optional;

/**
 * The universe the sentinel shows: the highest revision seen on the compacted topic, which is read from its
 * beginning on every start. A revision chosen before this instance started is history (shown, not announced: the
 * topic may still hold several old revisions until compaction runs); a higher revision chosen since is a change to
 * announce. Older or repeated revisions are ignored. Display only: nothing here acts on the universe.
 */
public final class UniverseWatch {

    private final long startedAtMs;
    private UniverseSelection shown;

    /** @param startedAtMs when this instance started, epoch ms: records chosen before it are not announced */
    public UniverseWatch(long startedAtMs) {
        this.startedAtMs = startedAtMs;
    }

    /** Takes a record; returns the change to announce, if it is a new revision chosen since start-up. */
    public synchronized Optional<UniverseChange> observe(UniverseSelection selection) {
        if (shown != null && selection.revision() <= shown.revision()) {
            return Optional.empty();
        }
        UniverseSelection previous = shown;
        shown = selection;
        return selection.atMs() >= startedAtMs
                ? Optional.of(new UniverseChange(previous, selection))
                : Optional.empty();
    }

    /** The universe shown, once a record was seen. */
    public synchronized Optional<UniverseSelection> shown() {
        return Optional.ofNullable(shown);
    }
}
