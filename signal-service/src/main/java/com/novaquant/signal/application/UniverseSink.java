package com.novaquant.signal.application;

import com.novaquant.events.UniverseSelection;

/** Where a new traded universe goes (the compacted {@code nova.universe} topic in production). */
@FunctionalInterface
public interface UniverseSink {

    void publish(UniverseSelection selection);
}
