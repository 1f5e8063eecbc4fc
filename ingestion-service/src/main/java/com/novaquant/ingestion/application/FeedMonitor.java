package com.novaquant.ingestion.application;

import com.novaquant.ingestion.domain.SustainedCondition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * Live state of every connection and stream: connected or not, when each stream last delivered, whether the
 * connection's lag has stayed over the threshold. Frame callbacks write it (event loops, no locks, no allocation);
 * the watchdog and the readiness probe read it.
 */
public final class FeedMonitor {

    private final List<FeedConnection> connections;
    private final Map<String, ConnectionState> byName = new HashMap<>();
    private final ConnectionState[] byStream;
    private final AtomicLongArray lastMessageNanos;
    private final long lagThresholdMillis;
    private final long lagWindowNanos;
    private final long staleAfterNanos;
    private final LongSupplier nanoClock;

    public FeedMonitor(List<FeedConnection> connections, Duration lagThreshold, Duration lagWindow, Duration staleAfter,
                       LongSupplier nanoClock) {
        this.connections = List.copyOf(connections);
        this.lagThresholdMillis = lagThreshold.toMillis();
        this.lagWindowNanos = lagWindow.toNanos();
        this.staleAfterNanos = staleAfter.toNanos();
        this.nanoClock = nanoClock;
        int streams = connections.stream().mapToInt(c -> c.streams().size()).sum();
        this.byStream = new ConnectionState[streams];
        this.lastMessageNanos = new AtomicLongArray(streams);
        long now = nanoClock.getAsLong();
        for (FeedConnection connection : connections) {
            ConnectionState state = new ConnectionState(connection);
            state.sinceNanos = now;
            byName.put(connection.name(), state);
            for (FeedStream stream : connection.streams()) {
                byStream[stream.id()] = state;
                lastMessageNanos.set(stream.id(), now);
            }
        }
    }

    /** Starts the staleness clocks: called when the feeds are opened, so start-up time does not count as silence. */
    public void start() {
        long now = nanoClock.getAsLong();
        for (int i = 0; i < lastMessageNanos.length(); i++) {
            lastMessageNanos.set(i, now);
        }
        for (ConnectionState state : byName.values()) {
            if (!state.connected) {
                state.sinceNanos = now;
            }
        }
    }

    public List<FeedConnection> connections() {
        return connections;
    }

    public long lagThresholdMillis() {
        return lagThresholdMillis;
    }

    public Duration staleAfter() {
        return Duration.ofNanos(staleAfterNanos);
    }

    public Duration lagWindow() {
        return Duration.ofNanos(lagWindowNanos);
    }

    public void onConnected(String connection) {
        ConnectionState state = byName.get(connection);
        state.lag.reset();
        state.sinceNanos = nanoClock.getAsLong();
        state.connected = true;
    }

    public void onDisconnected(String connection) {
        ConnectionState state = byName.get(connection);
        if (state.connected) {
            state.sinceNanos = nanoClock.getAsLong();
        }
        state.connected = false;
        state.lag.reset();
    }

    /**
     * A frame of this stream arrived (event loop). Opaque write: atomic, no fence on the hot path; the watchdog
     * tolerates seeing it a little late.
     */
    public void onMessage(int streamId, long receivedNanos) {
        lastMessageNanos.setOpaque(streamId, receivedNanos);
    }

    /** The lag of a frame of this stream (event loop). */
    public void onLag(int streamId, long lagMillis, long receivedNanos) {
        byStream[streamId].lag.observe(lagMillis > lagThresholdMillis, receivedNanos);
    }

    public boolean connected(String connection) {
        return byName.get(connection).connected;
    }

    /** Time since the stream's last frame (since start-up if it never had one). */
    public Duration staleness(int streamId) {
        return Duration.ofNanos(Math.max(0, nanoClock.getAsLong() - lastMessageNanos.getOpaque(streamId)));
    }

    /**
     * Every connection as it is now. Silence counts from the later of the stream's last frame and the connection's
     * last (re)connect while it is up, so a fresh session gets the full threshold to deliver before it is replaced
     * again or gates its symbols; while it is down, from the last frame.
     */
    public List<ConnectionStatus> status() {
        long now = nanoClock.getAsLong();
        List<ConnectionStatus> status = new ArrayList<>(connections.size());
        for (FeedConnection connection : connections) {
            ConnectionState state = byName.get(connection.name());
            boolean connected = state.connected;
            long since = state.sinceNanos;
            Set<FeedStream> silent = new LinkedHashSet<>();
            Set<FeedStream> waiting = new LinkedHashSet<>();
            for (FeedStream stream : connection.streams()) {
                long last = lastMessageNanos.getOpaque(stream.id());
                if (!connected || last - since <= 0) {
                    waiting.add(stream);
                }
                long silentSince = connected ? Math.max(last, since) : last;
                if (now - silentSince > staleAfterNanos) {
                    silent.add(stream);
                }
            }
            status.add(new ConnectionStatus(connection, connected, since,
                    connected && state.lag.sustainedFor(lagWindowNanos, now), silent, waiting));
        }
        return status;
    }

    /** Readiness: every connection up and every stream delivered within the staleness threshold. */
    public FeedHealth health() {
        long now = nanoClock.getAsLong();
        List<String> down = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (FeedConnection connection : connections) {
            if (!byName.get(connection.name()).connected) {
                down.add(connection.name());
            }
            for (FeedStream stream : connection.streams()) {
                if (now - lastMessageNanos.getOpaque(stream.id()) > staleAfterNanos) {
                    stale.add(stream.venue() + ":" + stream.name());
                }
            }
        }
        return new FeedHealth(down, stale);
    }

    /** @param downConnections connections without a session; @param staleStreams streams silent over the threshold */
    public record FeedHealth(List<String> downConnections, List<String> staleStreams) {

        public boolean healthy() {
            return downConnections.isEmpty() && staleStreams.isEmpty();
        }
    }

    private static final class ConnectionState {
        final FeedConnection connection;
        final SustainedCondition lag = new SustainedCondition();
        volatile boolean connected;
        /** When it (re)connected while connected, else when it went down (or the feeds started). */
        volatile long sinceNanos;

        ConnectionState(FeedConnection connection) {
            this.connection = connection;
        }
    }
}
