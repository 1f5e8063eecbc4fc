package com.novaquant.ingestion.application;

import com.novaquant.ingestion.domain.SustainedCondition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Live state of every connection and stream: connected or not, when each stream last delivered, whether the
 * connection's lag has stayed over the threshold. Frame callbacks write it (event loops, no locks, no allocation);
 * the watchdog and the readiness probe read it.
 *
 * <p>Connections and streams can be added and streams removed while it runs ({@link #addConnection},
 * {@link #addStreams}, {@link #removeStreams}): the traded universe changes the subscriptions. Per-stream state lives
 * in arrays of a fixed capacity indexed by the dense stream id (ids of removed streams are reused), so the frame path
 * never resizes anything; a removed stream is forgotten and never reported as silent.
 */
public final class FeedMonitor {

    private volatile List<FeedConnection> connections;
    private final Map<String, ConnectionState> byName = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<ConnectionState> byStream;
    private final AtomicReferenceArray<FeedStream> streamsById;
    private final AtomicLongArray lastMessageNanos;
    private final long lagThresholdMillis;
    private final long lagWindowNanos;
    private final long staleAfterNanos;
    private final LongSupplier nanoClock;

    public FeedMonitor(List<FeedConnection> connections, Duration lagThreshold, Duration lagWindow, Duration staleAfter,
                       LongSupplier nanoClock) {
        this(connections, connections.stream().mapToInt(c -> c.streams().size()).sum(), lagThreshold, lagWindow,
                staleAfter, nanoClock);
    }

    /** @param streamCapacity how many streams there can be at once (stream ids are below it) */
    public FeedMonitor(List<FeedConnection> connections, int streamCapacity, Duration lagThreshold, Duration lagWindow,
                       Duration staleAfter, LongSupplier nanoClock) {
        this.connections = List.copyOf(connections);
        this.lagThresholdMillis = lagThreshold.toMillis();
        this.lagWindowNanos = lagWindow.toNanos();
        this.staleAfterNanos = staleAfter.toNanos();
        this.nanoClock = nanoClock;
        int planned = connections.stream().mapToInt(c -> c.streams().size()).sum();
        if (streamCapacity < planned) {
            throw new IllegalArgumentException("stream capacity " + streamCapacity + " below the " + planned + " planned streams");
        }
        this.byStream = new AtomicReferenceArray<>(streamCapacity);
        this.streamsById = new AtomicReferenceArray<>(streamCapacity);
        this.lastMessageNanos = new AtomicLongArray(streamCapacity);
        long now = nanoClock.getAsLong();
        for (FeedConnection connection : connections) {
            ConnectionState state = new ConnectionState();
            state.sinceNanos = now;
            byName.put(connection.name(), state);
            for (FeedStream stream : connection.streams()) {
                place(state, stream, now);
            }
        }
    }

    private void place(ConnectionState state, FeedStream stream, long now) {
        if (stream.id() < 0 || stream.id() >= lastMessageNanos.length()) {
            throw new IllegalArgumentException("stream id " + stream.id() + " outside the capacity " + lastMessageNanos.length());
        }
        lastMessageNanos.set(stream.id(), now);
        byStream.set(stream.id(), state);
        streamsById.setRelease(stream.id(), stream);
    }

    /** How many streams there can be at once. */
    public int streamCapacity() {
        return lastMessageNanos.length();
    }

    /** A new connection (with the streams it opens with). */
    public synchronized void addConnection(FeedConnection connection) {
        if (byName.containsKey(connection.name())) {
            throw new IllegalArgumentException("connection " + connection.name() + " is already known");
        }
        ConnectionState state = new ConnectionState();
        state.sinceNanos = nanoClock.getAsLong();
        byName.put(connection.name(), state);
        connection.streams().forEach(stream -> place(state, stream, state.sinceNanos));
        List<FeedConnection> next = new ArrayList<>(connections);
        next.add(connection);
        connections = List.copyOf(next);
    }

    /**
     * Streams newly subscribed on the connection: their silence counts from now, so a new stream gets the full
     * threshold to deliver.
     */
    public synchronized void addStreams(String connection, List<FeedStream> streams) {
        ConnectionState state = byName.get(connection);
        long now = nanoClock.getAsLong();
        streams.forEach(stream -> place(state, stream, now));
        replace(connection, current -> {
            List<FeedStream> next = new ArrayList<>(current.streams());
            next.addAll(streams);
            return next;
        });
    }

    /** Streams unsubscribed from the connection: forgotten, never reported as silent. */
    public synchronized void removeStreams(String connection, List<FeedStream> streams) {
        Set<Integer> ids = new HashSet<>();
        streams.forEach(stream -> ids.add(stream.id()));
        replace(connection, current -> current.streams().stream().filter(stream -> !ids.contains(stream.id())).toList());
        for (FeedStream stream : streams) {
            if (streamsById.get(stream.id()) != null && streamsById.get(stream.id()).name().equals(stream.name())) {
                streamsById.setRelease(stream.id(), null);
                byStream.set(stream.id(), null);
            }
        }
    }

    private void replace(String connection, Function<FeedConnection, List<FeedStream>> change) {
        List<FeedConnection> next = new ArrayList<>(connections.size());
        for (FeedConnection current : connections) {
            next.add(current.name().equals(connection)
                    ? new FeedConnection(current.name(), current.venue(), change.apply(current)) : current);
        }
        connections = List.copyOf(next);
    }

    /** The stream now subscribed under this id, or null (event loop: one acquire read, no allocation). */
    public FeedStream stream(int streamId) {
        return streamId >= 0 && streamId < streamsById.length() ? streamsById.getAcquire(streamId) : null;
    }

    /** Every stream subscribed now. */
    public List<FeedStream> streams() {
        return connections.stream().flatMap(c -> c.streams().stream()).toList();
    }

    /** Starts the staleness clocks: called when the feeds are opened, so start-up time does not count as silence. */
    public void start() {
        long now = nanoClock.getAsLong();
        for (int i = 0; i < lastMessageNanos.length(); i++) {
            // Every slot, used or not: a stream added later overwrites its own.
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
        ConnectionState state = byStream.get(streamId);
        if (state != null) {
            state.lag.observe(lagMillis > lagThresholdMillis, receivedNanos);
        }
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
        List<FeedConnection> connections = this.connections;
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
        for (FeedConnection connection : this.connections) {
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
        final SustainedCondition lag = new SustainedCondition();
        volatile boolean connected;
        /** When it (re)connected while connected, else when it went down (or the feeds started). */
        volatile long sinceNanos;
    }
}
