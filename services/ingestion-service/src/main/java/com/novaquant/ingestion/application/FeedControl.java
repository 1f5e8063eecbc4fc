package com.novaquant.ingestion.application;

/** Commands to the market-data connections. */
public interface FeedControl {

    /**
     * Replaces the named connection's session at once (a deliberate reconnect, on lag or silence): the old session
     * worked, so the reconnect back-off neither applies nor grows. Does nothing while the connection is down: its
     * reconnects are already under way.
     */
    void reconnect(String connection, String reason);

    /** The connection has delivered healthy frames for the heal time: its reconnect back-off starts again. */
    default void healthy(String connection) {
    }
}
