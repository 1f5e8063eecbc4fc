package com.novaquant.ingestion.application;

import com.novaquant.events.Venue;
import com.novaquant.ingestion.domain.QuoteCheck;
import com.novaquant.ingestion.domain.UpdateIdSequence;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;
import java.util.function.ToIntFunction;

/**
 * The ingestion meters (documented in the module README). Hot-path meters are created once, up front, and looked up
 * by array index, so recording a frame allocates nothing. Counters over a closed set of tag values (every venue and
 * rejection reason, every planned connection and reconnect cause) are registered at zero up front, so a fresh service
 * already exposes every series its dashboards and alert rules query.
 */
public final class IngestionMetrics {

    private final MeterRegistry registry;
    private final AtomicReferenceArray<Counter> messages;
    private final AtomicReferenceArray<Timer> lag;
    private final AtomicReferenceArray<Counter> staleUpdates;
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();
    private final Map<String, Timer> lagByVenueAndKind = new ConcurrentHashMap<>();
    private final Map<Integer, List<io.micrometer.core.instrument.Meter>> streamMeters = new ConcurrentHashMap<>();
    private final FeedMonitor monitor;
    private final Duration lagWarning;
    private final List<String> reconnectCauses;
    private final AtomicInteger subscribedSymbols = new AtomicInteger();

    /** Without the feed adapter's vocabulary: only the service's own rejection reasons are registered up front. */
    public IngestionMetrics(MeterRegistry registry, FeedMonitor monitor, Duration lagWarning) {
        this(registry, monitor, lagWarning, List.of(), List.of());
    }

    /**
     * @param parseRejections the parser's rejection reasons (the feed adapter's closed set), counted beside the
     *                        service's own {@link QuoteCheck} reasons
     * @param reconnectCauses every {@code cause} tag a reconnect can carry
     */
    public IngestionMetrics(MeterRegistry registry, FeedMonitor monitor, Duration lagWarning,
                            Collection<String> parseRejections, Collection<String> reconnectCauses) {
        this.registry = registry;
        this.monitor = monitor;
        this.lagWarning = lagWarning;
        this.reconnectCauses = List.copyOf(reconnectCauses);
        this.messages = new AtomicReferenceArray<>(monitor.streamCapacity());
        this.lag = new AtomicReferenceArray<>(monitor.streamCapacity());
        this.staleUpdates = new AtomicReferenceArray<>(monitor.streamCapacity());
        addStreams(monitor.streams());
        for (FeedConnection connection : monitor.connections()) {
            addConnection(connection);
        }
        Gauge.builder("nova.ingestion.subscribed.symbols", subscribedSymbols, AtomicInteger::get)
                .description("Symbols whose market data is subscribed now")
                .register(registry);
        subscribedSymbols.set((int) monitor.streams().stream().map(FeedStream::symbol).distinct().count());
        for (String change : List.of("subscribe", "unsubscribe")) {
            subscriptionChangeCounter(change);
        }
        subscriptionErrorCounter();
        universeRefusedCounter();
        Set<String> reasons = rejectionReasons(parseRejections);
        for (Venue venue : Venue.values()) {
            for (String reason : reasons) {
                rejectedCounter(venue.name(), reason);
            }
        }
    }

    /**
     * The parser's reasons plus the sanity checks' (a name both share, such as NON_POSITIVE_PRICE, is one series) and
     * the update-id rule's.
     */
    private static Set<String> rejectionReasons(Collection<String> parseRejections) {
        Set<String> reasons = new LinkedHashSet<>(parseRejections);
        Arrays.stream(QuoteCheck.values()).filter(check -> check != QuoteCheck.OK).map(Enum::name).forEach(reasons::add);
        reasons.add(UpdateIdSequence.STALE_UPDATE_ID);
        return reasons;
    }

    /** Registers a connection's meters (at start-up, or when one is opened for more streams). */
    public void addConnection(FeedConnection connection) {
        registry.gauge("nova.ingestion.connected",
                io.micrometer.core.instrument.Tags.of("connection", connection.name(), "venue", connection.venue().name()),
                monitor, m -> m.connected(connection.name()) ? 1 : 0);
        for (String cause : reconnectCauses) {
            reconnectCounter(connection.name(), cause);
        }
    }

    /** Registers the per-stream meters of streams subscribed now (before their first frame). */
    public void addStreams(List<FeedStream> streams) {
        for (FeedStream stream : streams) {
            Counter counter = Counter.builder("nova.ingestion.messages")
                    .description("Frames received per stream (before sanity checks)")
                    .tags("venue", stream.venue().name(), "stream", stream.name())
                    .register(registry);
            io.micrometer.core.instrument.Meter staleness = TimeGauge.builder("nova.ingestion.staleness", monitor, TimeUnit.SECONDS,
                            m -> m.staleness(stream.id()).toNanos() / 1e9)
                    .description("Time since the stream's last frame")
                    .tags("venue", stream.venue().name(), "stream", stream.name())
                    .register(registry);
            streamMeters.put(stream.id(), List.of(counter, staleness));
            staleUpdates.set(stream.id(), rejectedCounter(stream.venue().name(), UpdateIdSequence.STALE_UPDATE_ID));
            lag.set(stream.id(), lagByVenueAndKind.computeIfAbsent(stream.venue() + "/" + stream.kind(), k ->
                    Timer.builder("nova.ingestion.lag")
                            .description("Receive instant minus exchange event time, corrected by the clock offset")
                            .tags("venue", stream.venue().name(), "stream_type", stream.kind())
                            .publishPercentiles(0.5, 0.99, 0.999)
                            .publishPercentileHistogram(false)
                            .serviceLevelObjectives(lagBuckets(lagWarning))
                            .minimumExpectedValue(Duration.ofMillis(1))
                            .maximumExpectedValue(Duration.ofSeconds(30))
                            .register(registry)));
            messages.setRelease(stream.id(), counter);
        }
    }

    /** Removes the per-stream meters of unsubscribed streams: they are not exported as silent. */
    public void removeStreams(List<FeedStream> streams) {
        for (FeedStream stream : streams) {
            List<io.micrometer.core.instrument.Meter> meters = streamMeters.remove(stream.id());
            if (meters != null) {
                meters.forEach(registry::remove);
            }
        }
    }

    /** The number of symbols subscribed now, and the symbols just subscribed to or unsubscribed from. */
    public void subscriptionsChanged(int symbolsNow, int subscribed, int unsubscribed) {
        subscribedSymbols.set(symbolsNow);
        subscriptionChangeCounter("subscribe").increment(subscribed);
        subscriptionChangeCounter("unsubscribe").increment(unsubscribed);
    }

    /** A universe record that could not be followed (a bad symbol, too many symbols). */
    public void universeRefused() {
        universeRefusedCounter().increment();
    }

    private Counter universeRefusedCounter() {
        return Counter.builder("nova.ingestion.universe.refused")
                .description("Universe records not followed: a name that is not a symbol, or more symbols than room")
                .register(registry);
    }

    /** A live subscription change the exchange refused or did not answer in time (it is retried). */
    public void subscriptionError() {
        subscriptionErrorCounter().increment();
    }

    private Counter subscriptionChangeCounter(String change) {
        return Counter.builder("nova.ingestion.subscription.changes")
                .description("Symbols subscribed to (change=subscribe) or unsubscribed from (change=unsubscribe) while running")
                .tag("change", change)
                .register(registry);
    }

    private Counter subscriptionErrorCounter() {
        return Counter.builder("nova.ingestion.subscription.errors")
                .description("Live subscription changes refused by the exchange or not answered in time (retried)")
                .register(registry);
    }

    /** The stream's frame counter; a frame racing its stream's removal is not counted. */
    public void message(int streamId) {
        Counter counter = messages.getAcquire(streamId);
        if (counter != null) {
            counter.increment();
        }
    }

    /**
     * The lag histogram's bucket bounds: fine where a healthy feed lives (a few ms, so that a 2 ms lag does not read as
     * 25 ms on a dashboard's p50), the warning threshold itself (the alert rule counts frames above it), and coarse
     * up to the seconds of a broken one.
     */
    static Duration[] lagBuckets(Duration lagWarning) {
        return java.util.stream.Stream.concat(
                        java.util.stream.LongStream.of(1, 2, 5, 10, 20, 50, 100, 500, 1000, 2000, 5000)
                                .mapToObj(Duration::ofMillis),
                        java.util.stream.Stream.of(lagWarning))
                .distinct().sorted().toArray(Duration[]::new);
    }

    public void lag(int streamId, long lagMillis) {
        lag.getAcquire(streamId).record(Math.max(0, lagMillis), TimeUnit.MILLISECONDS);
    }

    /** A frame or quote dropped before publication, by reason (parse status or sanity check). */
    public void rejected(String venue, String reason) {
        rejectedCounter(venue, reason).increment();
    }

    /** A book ticker of this stream dropped for an update id not newer than the last published (no allocation). */
    public void rejectedStaleUpdate(int streamId) {
        staleUpdates.getAcquire(streamId).increment();
    }

    public void reconnect(String connection, String cause) {
        reconnectCounter(connection, cause).increment();
    }

    private Counter rejectedCounter(String venue, String reason) {
        return rejected.computeIfAbsent(venue + "/" + reason, k -> Counter.builder("nova.ingestion.rejected")
                .description("Frames dropped before publication, by reason")
                .tags("venue", venue, "reason", reason)
                .register(registry));
    }

    private Counter reconnectCounter(String connection, String cause) {
        return registry.counter("nova.ingestion.reconnects", "connection", connection, "cause", cause);
    }

    /**
     * Registers the symbol's gate meters: {@code nova.ingestion.symbol.gated} (1 while gated) and the
     * {@code nova.ingestion.gate.changes} counters (closed, lifted) at zero.
     */
    public void gateMeters(String symbol, BooleanSupplier gated) {
        Gauge.builder("nova.ingestion.symbol.gated", gated, g -> g.getAsBoolean() ? 1 : 0)
                .description("1 while the symbol's feed gate is closed (no new decision on it)")
                .tag("symbol", symbol)
                .strongReference(true)
                .register(registry);
        for (String change : List.of("closed", "lifted")) {
            gateChangeCounter(symbol, change);
        }
    }

    /** The symbol's gate closed or lifted. */
    /** Removes the symbol's gate meters: a symbol no longer subscribed is not reported as gated. */
    public void removeGateMeters(String symbol) {
        registry.find("nova.ingestion.symbol.gated").tag("symbol", symbol).meters().forEach(registry::remove);
        registry.find("nova.ingestion.gate.changes").tag("symbol", symbol).meters().forEach(registry::remove);
    }

    public void gateChanged(String symbol, String change) {
        gateChangeCounter(symbol, change).increment();
    }

    private Counter gateChangeCounter(String symbol, String change) {
        return Counter.builder("nova.ingestion.gate.changes")
                .description("Feed gate changes per symbol (closed, lifted)")
                .tags("symbol", symbol, "change", change)
                .register(registry);
    }

    /** Registers {@code nova.ingestion.connection.degraded}: 1 while the connection is kept up although lagging. */
    public void degradedGauge(String connection, BooleanSupplier degraded) {
        Gauge.builder("nova.ingestion.connection.degraded", degraded, d -> d.getAsBoolean() ? 1 : 0)
                .description("1 while the connection is kept up although lagging, because a reconnect did not cure the lag")
                .tag("connection", connection)
                .strongReference(true)
                .register(registry);
    }

    public void alert(String code) {
        registry.counter("nova.ingestion.alerts", "code", code).increment();
    }

    public void clockSyncFailed(String venue) {
        registry.counter("nova.ingestion.clock.sync.failures", "venue", venue).increment();
    }

    /** Registers the venue's clock-sync counters at zero, so that an alert rule's increase() sees the first one. */
    public void clockSyncCounters(String venue) {
        registry.counter("nova.ingestion.clock.sync.failures", "venue", venue);
        registry.counter("nova.ingestion.clock.sync.imprecise", "venue", venue);
    }

    public void clockSyncImprecise(String venue) {
        registry.counter("nova.ingestion.clock.sync.imprecise", "venue", venue).increment();
    }

    /** Registers the gauge of the round trip of the venue's offset in use (half of it bounds the offset's error). */
    public void clockRoundTripGauge(String venue, java.util.function.Supplier<Number> roundTripMillis) {
        TimeGauge.builder("nova.ingestion.clock.round.trip", roundTripMillis, TimeUnit.MILLISECONDS)
                .description("Round trip of the server-time sample the clock offset in use came from")
                .tags("venue", venue)
                .register(registry);
    }

    /** Registers the clock-offset gauge of one venue. */
    public void clockOffsetGauge(String venue, java.util.function.Supplier<Number> offsetMillis) {
        TimeGauge.builder("nova.ingestion.clock.offset", offsetMillis, TimeUnit.MILLISECONDS)
                .description("Exchange server time minus local time (positive: exchange ahead)")
                .tags("venue", venue)
                .register(registry);
    }

    /** A funding-interval read that failed (the last known intervals stay in force). */
    public void fundingInfoFailed() {
        registry.counter("nova.ingestion.funding.info.failures").increment();
    }

    /** The failure counter at zero and each symbol's gauge (symbols added later: their gauges only) of the interval its funding events carry (0: unknown). */
    public void fundingIntervalMeters(List<String> symbols, ToIntFunction<String> hours) {
        Counter.builder("nova.ingestion.funding.info.failures")
                .description("Funding-interval reads that failed; the last known intervals stay in force")
                .register(registry);
        for (String symbol : symbols) {
            Gauge.builder("nova.ingestion.funding.interval.hours", () -> hours.applyAsInt(symbol))
                    .description("Funding interval the symbol's funding events carry, from the exchange; 0 until read")
                    .tag("symbol", symbol)
                    .strongReference(true)
                    .register(registry);
        }
    }
}
