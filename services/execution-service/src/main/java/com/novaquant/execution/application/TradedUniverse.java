package com.novaquant.execution.application;

import com.novaquant.events.UniverseSelection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The traded universe as execution follows it: which symbols may be opened (the members) and which it tracks (the
 * members and the symbols still being closed). Until a universe record is known, the configured {@code nova.symbols}
 * are both, at revision 0. A record older than the one in force is refused: the topic is compacted with one key, so
 * an older revision can only be a replay.
 */
public class TradedUniverse {

    private static final Logger log = LoggerFactory.getLogger(TradedUniverse.class);

    /** The universe in force. */
    public record Snapshot(long revision, Set<String> members, Set<String> tracked) {
        public Snapshot {
            members = Set.copyOf(members);
            tracked = Set.copyOf(tracked);
        }
    }

    private final List<TrackedSymbolsListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Snapshot current;

    /** @param configured {@code nova.symbols}: the universe until a record says otherwise */
    public TradedUniverse(Collection<String> configured) {
        Set<String> symbols = Set.copyOf(configured.stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
        this.current = new Snapshot(0, symbols, symbols);
    }

    public Snapshot current() {
        return current;
    }

    public long revision() {
        return current.revision();
    }

    public boolean member(String symbol) {
        return current.members().contains(symbol);
    }

    /** The tracked symbols, sorted. */
    public List<String> tracked() {
        return List.copyOf(new TreeSet<>(current.tracked()));
    }

    /**
     * Puts a (verified, decoded) universe in force; the listeners are told the tracked symbols.
     *
     * @return false, changing nothing, when the record is older than the universe in force
     */
    public boolean apply(UniverseSelection universe) {
        Snapshot next;
        synchronized (this) {
            Snapshot previous = current;
            if (universe.revision() < previous.revision()) {
                log.warn("Universe revision {} refused: revision {} is in force", universe.revision(),
                        previous.revision());
                return false;
            }
            next = new Snapshot(universe.revision(), Set.copyOf(universe.members().stream()
                    .map(UniverseSelection.Member::symbol).toList()), Set.copyOf(universe.tracked()));
            current = next;
            if (!next.equals(previous)) {
                log.info("Universe revision {} in force: members {}, tracked {}", next.revision(),
                        new TreeSet<>(next.members()), new TreeSet<>(next.tracked()));
            }
        }
        listeners.forEach(listener -> listener.trackedChanged(next.tracked()));
        return true;
    }

    /** Registers a listener and tells it the tracked symbols in force now. */
    public void onTrackedChanged(TrackedSymbolsListener listener) {
        listeners.add(listener);
        listener.trackedChanged(current.tracked());
    }
}
