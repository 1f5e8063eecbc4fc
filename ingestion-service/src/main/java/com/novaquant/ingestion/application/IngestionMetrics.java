package com.novaquant.ingestion.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The ingestion meters (documented in the module README). Hot-path meters are created once, up front, and looked up
 * by array index, so recording a frame allocates nothing.
 */
public final class IngestionMetrics {

    private final MeterRegistry registry;
    private final Counter[] messages;
    private final Timer[] lag;
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();

    public IngestionMetrics(MeterRegistry registry, FeedMonitor monitor, Duration lagWarning) {
        this.registry = registry;
        List<FeedStream> streams = monitor.connections().stream().flatMap(c -> c.streams().stream()).toList();
        this.messages = new Counter[streams.size()];
        this.lag = new Timer[streams.size()];
        Map<String, Timer> lagByVenueAndKind = new HashMap<>();
        for (FeedStream stream : streams) {
            messages[stream.id()] = Counter.builder("nova.ingestion.messages")
                    .description("Frames received per stream (before sanity checks)")
                    .tags("venue", stream.venue().name(), "stream", stream.name())
                    .register(registry);
            lag[stream.id()] = lagByVenueAndKind.computeIfAbsent(stream.venue() + "/" + stream.kind(), k ->
                    Timer.builder("nova.ingestion.lag")
                            .description("Receive instant minus exchange event time, corrected by the clock offset")
                            .tags("venue", stream.venue().name(), "stream_type", stream.kind())
                            .publishPercentiles(0.5, 0.99, 0.999)
                            .publishPercentileHistogram(false)
                            .serviceLevelObjectives(Duration.ofMillis(50), lagWarning, Duration.ofSeconds(1))
                            .minimumExpectedValue(Duration.ofMillis(1))
                            .maximumExpectedValue(Duration.ofSeconds(30))
                            .register(registry));
            TimeGauge.builder("nova.ingestion.staleness", monitor, TimeUnit.SECONDS,
                            m -> m.staleness(stream.id()).toNanos() / 1e9)
                    .description("Time since the stream's last frame")
                    .tags("venue", stream.venue().name(), "stream", stream.name())
                    .register(registry);
        }
        for (FeedConnection connection : monitor.connections()) {
            registry.gauge("nova.ingestion.connected",
                    io.micrometer.core.instrument.Tags.of("connection", connection.name(), "venue", connection.venue().name()),
                    monitor, m -> m.connected(connection.name()) ? 1 : 0);
        }
    }

    public void message(int streamId) {
        messages[streamId].increment();
    }

    public void lag(int streamId, long lagMillis) {
        lag[streamId].record(Math.max(0, lagMillis), TimeUnit.MILLISECONDS);
    }

    /** A frame or quote dropped before publication, by reason (parse status or sanity check). */
    public void rejected(String venue, String reason) {
        rejected.computeIfAbsent(venue + "/" + reason, k -> Counter.builder("nova.ingestion.rejected")
                .description("Frames dropped before publication, by reason")
                .tags("venue", venue, "reason", reason)
                .register(registry)).increment();
    }

    public void reconnect(String connection, String cause) {
        registry.counter("nova.ingestion.reconnects", "connection", connection, "cause", cause).increment();
    }

    public void alert(String code) {
        registry.counter("nova.ingestion.alerts", "code", code).increment();
    }

    public void clockSyncFailed(String venue) {
        registry.counter("nova.ingestion.clock.sync.failures", "venue", venue).increment();
    }

    /** Registers the clock-offset gauge of one venue. */
    public void clockOffsetGauge(String venue, java.util.function.Supplier<Number> offsetMillis) {
        TimeGauge.builder("nova.ingestion.clock.offset", offsetMillis, TimeUnit.MILLISECONDS)
                .description("Exchange server time minus local time (positive: exchange ahead)")
                .tags("venue", venue)
                .register(registry);
    }
}
