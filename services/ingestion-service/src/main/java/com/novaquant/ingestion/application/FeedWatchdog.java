package com.novaquant.ingestion.application;

import com.novaquant.events.Severity;
import com.novaquant.ingestion.domain.LagRemedy;
import com.novaquant.ingestion.domain.ReconnectStormDetector;
import com.novaquant.ingestion.domain.SustainedCondition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Watches the feed on its own thread (never the event loop), every pass:
 * <ul>
 *   <li>remedies: sustained lag reconnects the connection ({@link LagRemedy}: once, then degraded with a back-off if
 *   the lag outlives the reconnect), a silent stream reconnects its connection; WARNING {@code FEED_LAG},
 *   {@code FEED_STALE} (throttled per connection);</li>
 *   <li>reconnect storms (reconnects the connection did not choose): WARNING {@code FEED_RECONNECT_STORM};</li>
 *   <li>gates ({@link FeedGates}): lag, silence, a connection down for longer than the lag window, or a storm gates the
 *   symbols concerned; a gate lifts once all of its symbol's feeds have been healthy for the heal time;</li>
 *   <li>a connection healthy for the heal time has its reconnect back-off start again ({@link FeedControl#healthy}).</li>
 * </ul>
 */
public final class FeedWatchdog implements AutoCloseable {

    public static final String FEED_LAG = "FEED_LAG";
    public static final String FEED_STALE = "FEED_STALE";
    public static final String FEED_RECONNECT_STORM = "FEED_RECONNECT_STORM";
    public static final String FEED_GATED = FeedGates.FEED_GATED;
    public static final String FEED_GATE_LIFTED = FeedGates.FEED_GATE_LIFTED;
    public static final String FEED_GATED_LONG = FeedGates.FEED_GATED_LONG;

    private static final Logger log = LoggerFactory.getLogger(FeedWatchdog.class);

    private final FeedMonitor monitor;
    private final FeedControl control;
    private final AlertSender alerts;
    private final FeedGates gates;
    private final WatchdogSettings settings;
    private final LongSupplier nanoClock;
    private final IngestionMetrics metrics;
    private final Map<String, ReconnectStormDetector> storms = new ConcurrentHashMap<>();
    private final Map<String, LagRemedy> lagRemedies = new ConcurrentHashMap<>();
    private final Map<String, SustainedCondition> healthyStreaks = new ConcurrentHashMap<>();
    private final Set<String> storming = ConcurrentHashMap.newKeySet();
    private final Set<String> healed = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "feed-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    /** Without gate publication (gates are kept, alerted and measured) and with the default gate and lag rules. */
    public FeedWatchdog(FeedMonitor monitor, FeedControl control, FeedAlerts alerts, IngestionMetrics metrics,
                        Duration alertDedupWindow, int stormThreshold, Duration stormWindow, LongSupplier nanoClock) {
        this(monitor, control, alerts, FeedGatePublisher.NONE, metrics,
                WatchdogSettings.defaults(alertDedupWindow, stormThreshold, stormWindow), nanoClock, System::currentTimeMillis);
    }

    public FeedWatchdog(FeedMonitor monitor, FeedControl control, FeedAlerts alerts, FeedGatePublisher gatePublisher,
                        IngestionMetrics metrics, WatchdogSettings settings, LongSupplier nanoClock,
                        LongSupplier wallClockMillis) {
        this.monitor = monitor;
        this.control = control;
        this.settings = settings;
        this.nanoClock = nanoClock;
        this.metrics = metrics;
        this.alerts = new AlertSender(alerts, metrics, settings.alertDedupWindow(), nanoClock);
        this.gates = new FeedGates(monitor.connections().stream().flatMap(c -> c.streams().stream())
                .map(FeedStream::symbol).toList(), gatePublisher, this.alerts, metrics, settings.healAfter(),
                settings.escalateAfter(), nanoClock.getAsLong(), wallClockMillis);
        for (FeedConnection connection : monitor.connections()) {
            addConnection(connection.name());
        }
    }

    /** A connection opened while running (for more streams than the others can carry). */
    public void addConnection(String name) {
        if (lagRemedies.containsKey(name)) {
            return;
        }
        storms.put(name, new ReconnectStormDetector(settings.stormThreshold(), settings.stormWindow().toNanos()));
        LagRemedy remedy = new LagRemedy(settings.lagReconnectInitialBackoff().toNanos(),
                settings.lagReconnectMaxBackoff().toNanos(), settings.healAfter().toNanos());
        healthyStreaks.put(name, new SustainedCondition());
        lagRemedies.put(name, remedy);
        metrics.degradedGauge(name, remedy::degraded);
    }

    /** Symbols subscribed while running: gated "feeds starting" until their feeds have delivered and healed. */
    public void symbolsAdded(Collection<String> symbols) {
        List<String> added = List.copyOf(symbols);
        executor.execute(() -> safely(() -> gates.add(added, nanoClock.getAsLong())));
    }

    /** Symbols no longer subscribed: their gates are forgotten. */
    public void symbolsRemoved(Collection<String> symbols) {
        List<String> removed = List.copyOf(symbols);
        executor.execute(() -> safely(() -> gates.remove(removed)));
    }

    /** Publishes every symbol's starting state, then looks every {@code interval}. */
    public void start(Duration interval) {
        executor.execute(() -> safely(this::announce));
        executor.scheduleWithFixedDelay(() -> safely(this::check), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void safely(Runnable pass) {
        try {
            pass.run();
        } catch (RuntimeException e) {
            log.error("feed watchdog pass failed", e);
        }
    }

    /** Start-up: every symbol gated "feeds starting" until its feeds have delivered and healed. */
    void announce() {
        gates.announce();
    }

    /** One pass over the feed state: remedies, alerts, gates. */
    void check() {
        long now = nanoClock.getAsLong();
        Map<String, FeedGates.Look> looks = new LinkedHashMap<>();
        for (ConnectionStatus status : monitor.status()) {
            if (!lagRemedies.containsKey(status.name())) {
                continue;
            }
            remedy(status, now);
            String problem = problem(status, now);
            boolean healthy = problem == null && status.connected() && status.silent().isEmpty() && status.waiting().isEmpty();
            resetBackoffOnceHealed(status.name(), healthy, now);
            List<FeedStream> silent = status.connection().streams().stream().filter(status.silent()::contains).toList();
            String silence = silent.isEmpty() ? null : FeedTexts.silent(silent, monitor.staleAfter(), status.name());
            for (FeedStream stream : status.connection().streams()) {
                FeedGates.Look before = looks.getOrDefault(stream.symbol(), new FeedGates.Look(null, true));
                String streamProblem = problem != null ? problem : status.silent().contains(stream) ? silence : null;
                boolean streamHealthy = problem == null && status.connected() && !status.silent().contains(stream)
                        && !status.waiting().contains(stream);
                looks.put(stream.symbol(), new FeedGates.Look(before.problem() != null ? before.problem() : streamProblem,
                        before.healthy() && streamHealthy));
            }
        }
        gates.observe(looks, now);
    }

    /** Lag first (a lagging connection delivers, so it is not silent), then silence. */
    private void remedy(ConnectionStatus status, long now) {
        String name = status.name();
        LagRemedy lag = lagRemedies.get(name);
        if (!status.connected()) {
            lag.onDown();
        } else if (status.lagging()) {
            switch (lag.onLag(now)) {
                case RECONNECT -> {
                    control.reconnect(name, "lag");
                    alerts.raiseThrottled(Severity.WARNING, FEED_LAG, name, FeedTexts.feedLag(monitor.lagThresholdMillis()));
                }
                case DEGRADE -> log.warn("{}: lag outlived the reconnect; kept up, DEGRADED, next lag reconnect in {} ms", name,
                        Duration.ofNanos(lag.retryAtNanos() - now).toMillis());
                case WAIT -> { }
            }
            return;
        } else if (lag.onLagFree(now)) {
            log.info("{}: lag-free for {}, no longer degraded", name, FeedTexts.human(settings.healAfter()));
        }
        if (!status.silent().isEmpty()) {
            if (status.connected()) {
                control.reconnect(name, "stale");
            }
            alerts.raiseThrottled(Severity.WARNING, FEED_STALE, name,
                    FeedTexts.feedStale(monitor.staleAfter(), name, status.connected()));
        }
    }

    /** What makes the whole connection untrustworthy now, or null (its streams' silence is judged per stream). */
    private String problem(ConnectionStatus status, long now) {
        String name = status.name();
        boolean storm = storms.get(name).storming(now);
        if (!storm) {
            storming.remove(name);
        } else {
            if (storming.add(name)) {
                alerts.raiseThrottled(Severity.WARNING, FEED_RECONNECT_STORM, name, FeedTexts.reconnectStorm(name,
                        settings.stormThreshold(), settings.stormWindow(), settings.healAfter()));
            }
            return FeedTexts.storm(name, settings.stormThreshold(), settings.stormWindow());
        }
        if (!status.connected() && now - status.sinceNanos() > monitor.lagWindow().toNanos()) {
            return FeedTexts.down(status.connection().venue(), name, monitor.lagWindow());
        }
        if (status.lagging()) {
            return FeedTexts.lagging(status.connection().venue(), monitor.lagThresholdMillis(), monitor.lagWindow(), name);
        }
        return null;
    }

    private void resetBackoffOnceHealed(String connection, boolean healthy, long now) {
        SustainedCondition streak = healthyStreaks.get(connection);
        streak.observe(healthy, now);
        if (!streak.sustainedFor(settings.healAfter().toNanos(), now)) {
            healed.remove(connection);
        } else if (healed.add(connection)) {
            control.healthy(connection);
        }
    }

    /**
     * A reconnect was scheduled for the connection (any thread). Only reconnects it did not choose (a drop, a failed
     * attempt) count towards a storm; the storm is reported and gated by the next pass.
     */
    public void onReconnect(String connection, boolean deliberate) {
        ReconnectStormDetector detector = storms.get(connection);
        if (detector != null && !deliberate) {
            detector.onReconnect(nanoClock.getAsLong());
        }
    }

    /** Whether the symbol is gated now (any thread). */
    public boolean gated(String symbol) {
        return gates.gated(symbol);
    }

    /** Whether the connection is kept up although lagging, because a reconnect did not cure the lag (any thread). */
    public boolean degraded(String connection) {
        LagRemedy remedy = lagRemedies.get(connection);
        return remedy != null && remedy.degraded();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
