package com.novaquant.binance.stream;

import java.time.Duration;

/** Connection life-cycle events, for health, metrics and reconnect-storm detection. Called from Netty threads. */
public interface ConnectionListener {

    void onConnected(ConnectionSpec connection);

    /** An established session ended; {@code detail} is for humans (close code, error, requested reason). */
    void onDisconnected(ConnectionSpec connection, DisconnectCause cause, String detail);

    /** A new connection attempt is scheduled after {@code delay} (attempt counts from 1 since the last stable session). */
    void onReconnectScheduled(ConnectionSpec connection, Duration delay, int attempt, DisconnectCause cause);

    ConnectionListener NONE = new ConnectionListener() {
        @Override
        public void onConnected(ConnectionSpec connection) {
        }

        @Override
        public void onDisconnected(ConnectionSpec connection, DisconnectCause cause, String detail) {
        }

        @Override
        public void onReconnectScheduled(ConnectionSpec connection, Duration delay, int attempt, DisconnectCause cause) {
        }
    };
}
