package com.novaquant.binance.stream;

import java.time.Duration;

/** Connection life-cycle events, for health, metrics and reconnect-storm detection. Called from Netty threads. */
public interface ConnectionListener {

    void onConnected(ConnectionSpec connection);

    /** The session ended; {@code reason} says why (server close, error, requested reconnect, max age...). */
    void onDisconnected(ConnectionSpec connection, String reason);

    /** A new connection attempt is scheduled after {@code delay}. */
    void onReconnectScheduled(ConnectionSpec connection, Duration delay, int attempt, String reason);

    ConnectionListener NONE = new ConnectionListener() {
        @Override
        public void onConnected(ConnectionSpec connection) {
        }

        @Override
        public void onDisconnected(ConnectionSpec connection, String reason) {
        }

        @Override
        public void onReconnectScheduled(ConnectionSpec connection, Duration delay, int attempt, String reason) {
        }
    };
}
