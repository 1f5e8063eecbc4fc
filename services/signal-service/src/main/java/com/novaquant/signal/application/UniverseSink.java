package com.novaquant.signal.application;

import java.util.concurrent.CompletableFuture;

import com.novaquant.events.UniverseSelection;

/** Where a new traded universe goes (the compacted {@code nova.universe} topic in production). */
@FunctionalInterface
public interface UniverseSink {

    /** Sends the universe; the answer completes exceptionally when it was not written. */
    CompletableFuture<?> publish(UniverseSelection selection);
}
