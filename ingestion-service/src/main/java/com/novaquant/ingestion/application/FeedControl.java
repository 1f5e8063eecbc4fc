package com.novaquant.ingestion.application;

/** Commands to the market-data connections. */
public interface FeedControl {

    /** Drops the named connection's session and reconnects it after the backoff delay. */
    void reconnect(String connection, String reason);
}
