package com.novaquant.execution.application;

import com.novaquant.events.KillSwitchState;

import java.util.Optional;

/**
 * The control topic as every service sees it ({@code nova.control}): the desk's risk state and each symbol's feed
 * gate. A port; the compacted topic in production.
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
