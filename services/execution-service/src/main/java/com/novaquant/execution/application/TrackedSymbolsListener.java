package com.novaquant.execution.application;

import java.util.Set;

/**
 * Told the symbols the desk tracks each time the traded universe changes them (and once when it starts following):
 * what needs market data, filters and account settings. Called on the universe follower's thread; a listener that
 * does slow work hands it off.
 */
@FunctionalInterface
public interface TrackedSymbolsListener {

    void trackedChanged(Set<String> tracked);
}
