package com.novaquant.simulator.config;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which symbols the history source plays: those {@code nova.simulator.history.symbols} names, each of which must be
 * listed by the simulator and held by the mirror; by default every listed symbol the mirror holds.
 */
final class HistorySymbols {

    /** How many of the mirror's symbols an error message names. */
    private static final int NAMED = 20;

    private HistorySymbols() {
    }

    /**
     * @param requested {@code nova.simulator.history.symbols} (empty: the default)
     * @param listed    the simulator's instruments, in their order
     * @param inMirror  the symbols the mirror holds funding, spot and USD-M files of
     * @throws IllegalStateException naming each symbol that cannot be played
     */
    static List<String> resolve(List<String> requested, List<String> listed, Set<String> inMirror, Path dir) {
        if (requested.isEmpty()) {
            List<String> played = listed.stream().filter(inMirror::contains).toList();
            if (played.isEmpty()) {
                throw new IllegalStateException("none of the listed symbols " + listed + " (nova.simulator.symbols) is in"
                        + " the history mirror " + dir + "; " + holds(inMirror));
            }
            return played;
        }
        List<String> notListed = requested.stream().filter(symbol -> !listed.contains(symbol)).toList();
        if (!notListed.isEmpty()) {
            throw new IllegalStateException("nova.simulator.history.symbols names " + String.join(", ", notListed)
                    + ", which nova.simulator.symbols does not list (it lists " + listed + ")");
        }
        List<String> absent = requested.stream().filter(symbol -> !inMirror.contains(symbol)).toList();
        if (!absent.isEmpty()) {
            throw new IllegalStateException(String.join(", ", absent) + (absent.size() == 1 ? " is" : " are")
                    + " not in the history mirror " + dir + " (nova.simulator.history.symbols); " + holds(inMirror));
        }
        return requested;
    }

    private static String holds(Collection<String> inMirror) {
        if (inMirror.isEmpty()) {
            return "it holds no symbol with funding, spot and USD-M files (is the directory the folder holding data/?)";
        }
        String named = inMirror.stream().sorted().limit(NAMED).collect(Collectors.joining(", "));
        return "it holds funding, spot and USD-M files of " + named
                + (inMirror.size() > NAMED ? " and " + (inMirror.size() - NAMED) + " more" : "");
    }
}
