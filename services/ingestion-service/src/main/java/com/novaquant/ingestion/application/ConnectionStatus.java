package com.novaquant.ingestion.application;

import java.util.Set;

/**
 * One connection as the watchdog sees it at one instant.
 *
 * @param connection the connection and the streams it carries
 * @param connected  whether it has a session
 * @param sinceNanos when it (re)connected if connected, else when it went down (or the feeds started)
 * @param lagging    every frame over the lag threshold for the lag window
 * @param silent     streams silent over the staleness threshold; while connected, counted from the later of their last
 *                   frame and the (re)connect, so a fresh session gets the full threshold to deliver
 * @param waiting    streams that have not delivered on the current session (all of them while down)
 */
public record ConnectionStatus(FeedConnection connection, boolean connected, long sinceNanos, boolean lagging,
                               Set<FeedStream> silent, Set<FeedStream> waiting) {

    public ConnectionStatus {
        silent = Set.copyOf(silent);
        waiting = Set.copyOf(waiting);
    }

    public String name() {
        return connection.name();
    }
}
