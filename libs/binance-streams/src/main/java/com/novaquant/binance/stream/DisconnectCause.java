package com.novaquant.binance.stream;

/** Why a session ended (a metric tag: keep it a small closed set). */
public enum DisconnectCause {
    /** {@link StreamConnection#reconnect(String)} was called (the watchdog saw lag or silence). */
    REQUESTED,
    /** Binance announced maintenance with {@code serverShutdown}. */
    SERVER_SHUTDOWN,
    /** The connection reached the configured maximum age (Binance cuts at 24 h). */
    MAX_AGE,
    /** The server closed the WebSocket or the TCP connection. */
    SERVER_CLOSED,
    /** An I/O or protocol error. */
    ERROR,
    /** The connection or the WebSocket handshake failed. */
    CONNECT_FAILED
}
