package com.novaquant.execution.application;

import com.novaquant.events.KillSwitchState;

import java.util.Optional;

/**
 * The desk's risk state ({@code nova.control}, written by execution only) and each symbol's feed gate
 * ({@code nova.feed-gates}, written by ingestion only) as every service sees them. A port; the compacted topics in
 * production.
 */
public interface ControlView {

    KillSwitchState current();

    /** Takes a state this service decided, before the topic echoes it back. */
    void apply(KillSwitchState state);

    /** Why the symbol's market data is gated (ingestion's {@code FeedGate}), or empty when it can be traded on. */
    Optional<String> feedGated(String symbol);

    default boolean engaged() {
        return current().engaged();
    }
}
