package com.novaquant.ingestion.domain;

/**
 * Something the watchdog found wrong with one connection.
 *
 * @param connection the connection's name
 * @param kind       what is wrong
 * @param reconnect  whether reconnecting is the remedy (false when the connection is already down and retrying)
 */
public record FeedProblem(String connection, Kind kind, boolean reconnect) {

    public enum Kind {
        /** Frames arrive, but later than the lag threshold for longer than the window. */
        LAG,
        /** No frame on one of its streams for longer than the staleness threshold. */
        STALE
    }
}
