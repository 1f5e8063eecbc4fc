package com.novaquant.execution.application;

import java.time.Duration;

/**
 * Waiting between two looks at the exchange (the queries that resolve an ambiguous order). A port, so that the
 * deterministic simulation advances its own clock instead of sleeping.
 */
@FunctionalInterface
public interface Pause {

    /** Waits {@code duration}; an interrupt ends the wait early and leaves the thread's interrupt flag set. */
    void pause(Duration duration);

    /** The real one: the calling thread sleeps. */
    Pause SLEEP = duration -> {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    };
}
