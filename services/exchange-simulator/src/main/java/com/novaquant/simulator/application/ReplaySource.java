package com.novaquant.simulator.application;

import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays a recording of raw frames (one JSON object per line:
 * {@code {"t":<receivedAtMicros>,"venue":"SPOT|USDM","stream":"btcusdt@bookTicker","frame":<raw payload>}})
 * to the stream subscribers with the recorded spacing divided by {@code speed}, and keeps the books
 * orders fill against in step with it. Malformed lines are counted and skipped.
 */
public final class ReplaySource implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplaySource.class);

    private final Path file;
    private final double speed;
    private final boolean loop;
    private final Markets markets;
    private final RestingOrderFills restingOrders;
    private final RawFrameRelay relay;
    private final Counter malformed;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long played;

    public ReplaySource(Path file, double speed, boolean loop, Markets markets, RestingOrderFills restingOrders, RawFrameRelay relay,
                        MeterRegistry registry) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("replay speed must be positive");
        }
        this.file = file;
        this.speed = speed;
        this.loop = loop;
        this.markets = markets;
        this.restingOrders = restingOrders;
        this.relay = relay;
        this.malformed = Counter.builder("nova.simulator.replay.malformed")
                .description("Replay lines skipped as malformed").register(registry);
        this.thread = Thread.ofPlatform().name("replay-source").daemon().unstarted(this::run);
    }

    public void start() {
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("replay file is not readable: " + file);
        }
        thread.start();
    }

    /** Frames delivered so far. */
    public long played() {
        return played;
    }

    private void run() {
        do {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                playOnce(reader);
            } catch (IOException e) {
                log.error("replay of {} failed", file, e);
                return;
            }
        } while (loop && running);
        log.info("replay of {} finished after {} frames", file, played);
    }

    private void playOnce(BufferedReader reader) throws IOException {
        long firstMicros = Long.MIN_VALUE;
        long startNanos = System.nanoTime();
        String line;
        while (running && (line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode record;
            try {
                record = json.readTree(line);
            } catch (JacksonException e) {
                malformed.increment();
                continue;
            }
            JsonNode t = record.get("t");
            JsonNode venueNode = record.get("venue");
            JsonNode streamNode = record.get("stream");
            JsonNode frame = record.get("frame");
            Venue venue = venue(venueNode);
            if (t == null || !t.isIntegralNumber() || venue == null || streamNode == null || !streamNode.isString()
                    || frame == null || frame.isNull()) {
                malformed.increment();
                continue;
            }
            if (firstMicros == Long.MIN_VALUE) {
                firstMicros = t.asLong();
            }
            long dueNanos = startNanos + (long) ((t.asLong() - firstMicros) * 1000 / speed);
            long wait = dueNanos - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            deliver(venue, streamNode.asString(), frame);
        }
    }

    private void deliver(Venue venue, String stream, JsonNode recorded) {
        JsonNode frame = recorded;
        if (recorded.isString()) {
            try {
                frame = json.readTree(recorded.asString());
            } catch (JacksonException e) {
                // Delivered as recorded: a malformed frame is part of what a replay may need to show.
                frame = recorded;
            }
        }
        String symbol = stream.substring(0, Math.max(0, stream.indexOf('@'))).toUpperCase(Locale.ROOT);
        SymbolMarket market = markets.find(symbol).orElse(null);
        if (market != null && FrameBookUpdater.apply(market, venue, stream, frame, System.currentTimeMillis())) {
            restingOrders.onBook(symbol, venue);
        }
        relay.relay(venue, stream, recorded.isString() ? recorded.asString() : json.writeValueAsString(recorded));
        played++;
    }

    private static Venue venue(JsonNode node) {
        if (node == null || !node.isString()) {
            return null;
        }
        return switch (node.asString()) {
            case "SPOT" -> Venue.SPOT;
            case "USDM" -> Venue.USDM;
            default -> null;
        };
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
