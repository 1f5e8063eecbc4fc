package com.novaquant.simulator.adapter.ws;

import com.novaquant.simulator.application.Faults;
import com.novaquant.simulator.domain.market.Venue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Fan-out of market frames to subscribed connections. Publishing is cheap when nobody listens (one
 * map lookup), and a frame's combined wrapper is built once per publish, not once per connection.
 * Applies the stream faults (drop, malformed, lag, replayed book tickers) on delivery.
 */
public final class StreamHub {

    private final Map<StreamChannel, Map<String, Set<StreamConnection>>> subscribers = new EnumMap<>(StreamChannel.class);
    private final Map<StreamChannel, Map<String, String>> lastBookTicker = new EnumMap<>(StreamChannel.class);
    private final Map<StreamConnection, Runnable> closers = new ConcurrentHashMap<>();
    private final Map<String, Counter> sent = new ConcurrentHashMap<>();
    private final Map<String, Counter> dropped = new ConcurrentHashMap<>();
    private final Map<String, Counter> disconnects = new ConcurrentHashMap<>();
    private final Map<Venue, AtomicInteger> open = new EnumMap<>(Venue.class);
    private final Faults faults;
    private final MeterRegistry registry;
    private final LongSupplier wallMillis;

    public StreamHub(Faults faults, MeterRegistry registry, LongSupplier wallMillis) {
        this.faults = faults;
        this.registry = registry;
        this.wallMillis = wallMillis;
        for (StreamChannel channel : StreamChannel.values()) {
            subscribers.put(channel, new ConcurrentHashMap<>());
            lastBookTicker.put(channel, new ConcurrentHashMap<>());
        }
        for (Venue venue : Venue.values()) {
            AtomicInteger count = new AtomicInteger();
            open.put(venue, count);
            Gauge.builder("nova.simulator.ws.connections", count, AtomicInteger::get)
                    .description("Open market-stream WebSocket connections").tag("venue", venue.name()).register(registry);
        }
    }

    public boolean hasSubscribers(StreamChannel channel, String stream) {
        Set<StreamConnection> set = subscribers.get(channel).get(stream);
        return set != null && !set.isEmpty();
    }

    /**
     * Delivers {@code payload} (a raw stream payload) to every subscriber of {@code stream}. With the replay fault
     * armed, a book-ticker frame is followed by the stream's previous frame again (its own copy on the stream's
     * first frame): an exact duplicate whose update id is not newer than the one just sent.
     */
    public void publish(StreamChannel channel, String stream, String payload) {
        Set<StreamConnection> set = subscribers.get(channel).get(stream);
        if (set == null || set.isEmpty()) {
            return;
        }
        Venue venue = channel.venue();
        String body = faults.takeMalformed(venue) ? payload.substring(0, payload.length() / 2) : payload;
        long lag = faults.feedLagMillis(venue);
        long due = lag > 0 ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(lag) : 0;
        Counter counter = sentCounter(venue, stream);
        deliver(set, venue, stream, body, due, counter);
        if (stream.endsWith("@bookTicker")) {
            // Remembered on every publish, so an armed replay always has an already-sent frame to repeat.
            String previous = lastBookTicker.get(channel).put(stream, payload);
            if (faults.takeReplay(venue)) {
                deliver(set, venue, stream, previous != null ? previous : payload, due, counter);
            }
        }
    }

    private void deliver(Set<StreamConnection> set, Venue venue, String stream, String body, long due, Counter counter) {
        String wrapped = null;
        for (StreamConnection connection : set) {
            if (faults.dropFrame(venue)) {
                dropCounter(venue, "fault").increment();
                continue;
            }
            String text;
            if (connection.combined()) {
                if (wrapped == null) {
                    wrapped = "{\"stream\":\"" + stream + "\",\"data\":" + body + "}";
                }
                text = wrapped;
            } else {
                text = body;
            }
            if (connection.send(text, due)) {
                counter.increment();
            }
        }
    }

    void register(StreamConnection connection, Runnable closer) {
        closers.put(connection, closer);
        open.get(connection.channel().venue()).incrementAndGet();
    }

    void unregister(StreamConnection connection) {
        if (closers.remove(connection) == null) {
            return;
        }
        open.get(connection.channel().venue()).decrementAndGet();
        for (String stream : List.copyOf(connection.streams())) {
            unsubscribe(connection, stream);
        }
        connection.complete();
    }

    void subscribe(StreamConnection connection, String stream) {
        connection.streams().add(stream);
        subscribers.get(connection.channel()).computeIfAbsent(stream, s -> ConcurrentHashMap.newKeySet()).add(connection);
    }

    void unsubscribe(StreamConnection connection, String stream) {
        connection.streams().remove(stream);
        Set<StreamConnection> set = subscribers.get(connection.channel()).get(stream);
        if (set != null) {
            set.remove(connection);
        }
    }

    /** Closes every market connection of {@code venue} (null: both) at once, without notice. */
    public int disconnect(Venue venue, String reason) {
        int closed = 0;
        for (Map.Entry<StreamConnection, Runnable> entry : List.copyOf(closers.entrySet())) {
            if (venue == null || entry.getKey().channel().venue() == venue) {
                close(entry.getKey(), reason);
                closed++;
            }
        }
        return closed;
    }

    /** Sends {@code serverShutdown} to every connection of {@code venue} (null: both), then closes them. */
    public int shutdownNotice(Venue venue) {
        int closed = 0;
        for (StreamConnection connection : List.copyOf(closers.keySet())) {
            if (venue == null || connection.channel().venue() == venue) {
                sendShutdownAndComplete(connection, "shutdown");
                closed++;
            }
        }
        return closed;
    }

    /** A planned close: {@code serverShutdown}, then the queued frames drain and the connection closes. */
    void sendShutdownAndComplete(StreamConnection connection, String reason) {
        String event = "{\"e\":\"serverShutdown\",\"E\":" + wallMillis.getAsLong() + "}";
        connection.send(connection.combined() ? "{\"stream\":\"!serverShutdown\",\"data\":" + event + "}" : event, 0);
        countDisconnect(connection.channel().venue(), reason);
        connection.complete();
    }

    void close(StreamConnection connection, String reason) {
        countDisconnect(connection.channel().venue(), reason);
        Runnable closer = closers.get(connection);
        connection.complete();
        if (closer != null) {
            closer.run();
        }
    }

    void slowConsumer(StreamConnection connection) {
        dropCounter(connection.channel().venue(), "slow_consumer").increment();
        close(connection, "slow_consumer");
    }

    private void countDisconnect(Venue venue, String reason) {
        disconnects.computeIfAbsent(venue + ":" + reason, k -> Counter.builder("nova.simulator.ws.disconnects")
                .description("Connections closed by the server").tag("venue", venue.name()).tag("reason", reason)
                .register(registry)).increment();
    }

    private Counter sentCounter(Venue venue, String stream) {
        return sent.computeIfAbsent(venue + ":" + stream, k -> Counter.builder("nova.simulator.frames.sent")
                .description("Market frames delivered to connections").tag("venue", venue.name()).tag("stream", stream)
                .register(registry));
    }

    private Counter dropCounter(Venue venue, String reason) {
        return dropped.computeIfAbsent(venue + ":" + reason, k -> Counter.builder("nova.simulator.frames.dropped")
                .description("Market frames not delivered").tag("venue", venue.name()).tag("reason", reason)
                .register(registry));
    }
}
