package com.novaquant.binance.stream;

import java.time.Duration;
import java.util.List;

/** Connection life-cycle events, for health, metrics and reconnect-storm detection. Called from Netty threads. */
public interface ConnectionListener {

    void onConnected(ConnectionSpec connection);

    /** An established session ended; {@code detail} is for humans (close code, error, requested reason). */
    void onDisconnected(ConnectionSpec connection, DisconnectCause cause, String detail);

    /** A new connection attempt is scheduled after {@code delay} (attempt counts from 1 since the last stable session). */
    void onReconnectScheduled(ConnectionSpec connection, Duration delay, int attempt, DisconnectCause cause);

    /** The server confirmed a live subscription change of these streams on the current session. */
    default void onSubscriptionChanged(ConnectionSpec connection, SubscriptionChange change, List<String> streams) {
    }

    /**
     * A live subscription change was refused ({@code code}/{@code msg} answer) or not answered in time; it is sent
     * again, and after {@link SubscriptionSettings#attempts()} failures in a row the session is replaced.
     */
    default void onSubscriptionFailed(ConnectionSpec connection, SubscriptionChange change, String detail) {
    }

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
