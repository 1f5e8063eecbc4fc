package com.novaquant.ingestion.application;

import com.novaquant.events.FeedGate;
import com.novaquant.events.Venue;
import com.novaquant.ingestion.domain.ReconnectBackoff;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The feed watchdog with its real monitor, gates, rules and meters on a controlled clock (no sleeps), the desk's plan
 * of one spot and two USD-M connections carrying BTCUSDT and ETHUSDT, a fake exchange sending one frame per stream
 * every 100 ms, and fake connections ({@link FeedControl}) that behave as the Binance adapter does: a deliberate
 * reconnect of a working connection opens the next session at once, a drop or a failed attempt waits the real
 * {@link ReconnectBackoff}. The watchdog looks every 250 ms, as configured by default.
 */
final class WatchdogHarness {

    static final Duration LAG_WINDOW = Duration.ofSeconds(2);
    static final Duration STALE_AFTER = Duration.ofSeconds(10);
    static final Duration HEAL_AFTER = Duration.ofSeconds(10);
    static final Duration ESCALATE_AFTER = Duration.ofMinutes(15);
    static final Duration LAG_BACKOFF = Duration.ofSeconds(30);
    static final Duration LAG_BACKOFF_MAX = Duration.ofMinutes(5);
    static final int STORM_THRESHOLD = 5;
    static final Duration STEP = Duration.ofMillis(50);
    static final long FRAME_STEPS = 2;
    static final long TICK_STEPS = 5;

    static final String SPOT = "spot-0";
    static final String PUBLIC = "usdm-public-0";
    static final String MARKET = "usdm-market-0";
    static final int SPOT_BTC = 0;
    static final int SPOT_ETH = 1;
    static final int PUBLIC_BTC = 2;
    static final int PUBLIC_ETH = 3;
    static final int MARK_BTC = 4;
    static final int MARK_ETH = 5;

    /** A reconnect the watchdog asked for. */
    record Reconnect(String connection, String reason, long atNanos) {
    }

    final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    final List<FeedConnection> plan = List.of(
            new FeedConnection(SPOT, Venue.SPOT, List.of(
                    new FeedStream(SPOT_BTC, "btcusdt@bookTicker", "BTCUSDT", Venue.SPOT, "book_ticker"),
                    new FeedStream(SPOT_ETH, "ethusdt@bookTicker", "ETHUSDT", Venue.SPOT, "book_ticker"))),
            new FeedConnection(PUBLIC, Venue.USDM, List.of(
                    new FeedStream(PUBLIC_BTC, "btcusdt@bookTicker", "BTCUSDT", Venue.USDM, "book_ticker"),
                    new FeedStream(PUBLIC_ETH, "ethusdt@bookTicker", "ETHUSDT", Venue.USDM, "book_ticker"))),
            new FeedConnection(MARKET, Venue.USDM, List.of(
                    new FeedStream(MARK_BTC, "btcusdt@markPrice@1s", "BTCUSDT", Venue.USDM, "mark_price"),
                    new FeedStream(MARK_ETH, "ethusdt@markPrice@1s", "ETHUSDT", Venue.USDM, "mark_price"))));
    final FeedMonitor monitor = new FeedMonitor(plan, Duration.ofMillis(200), LAG_WINDOW, STALE_AFTER, now::get);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final IngestionMetrics metrics = new IngestionMetrics(registry, monitor, Duration.ofMillis(200));
    /** "SEVERITY CODE dedupKey text", in order. */
    final List<String> alerts = new ArrayList<>();
    /** Every gate published, in order. */
    final List<FeedGate> published = new ArrayList<>();
    /** What a reader of the compacted feed-gates topic sees: the newest gate per key. */
    final Map<String, FeedGate> feedGatesTopic = new LinkedHashMap<>();
    final List<Reconnect> reconnects = new ArrayList<>();
    final Connections connections = new Connections();
    /** While true the broker refuses every gate. */
    boolean brokerDown;
    final FeedWatchdog watchdog = new FeedWatchdog(monitor, connections,
            (severity, code, text, dedupKey) -> alerts.add(severity + " " + code + " " + dedupKey + " " + text),
            gate -> {
                if (brokerDown) {
                    return CompletableFuture.failedFuture(new IllegalStateException("broker down"));
                }
                published.add(gate);
                feedGatesTopic.put(gate.key(), gate);
                return CompletableFuture.completedFuture(null);
            },
            metrics, new WatchdogSettings(Duration.ofMinutes(5), STORM_THRESHOLD, Duration.ofSeconds(60), HEAL_AFTER,
                    ESCALATE_AFTER, LAG_BACKOFF, LAG_BACKOFF_MAX),
            now::get, () -> now.get() / 1_000_000);

    /** The exchange: lag per stream (USD-M frames carry an event time), silent streams. */
    final Map<Integer, Long> lagMillis = new HashMap<>();
    final Set<Integer> silent = new HashSet<>();
    private long step;

    /** The service starts: every symbol announced gated, every connection opened. */
    void startUp() {
        monitor.start();
        watchdog.announce();
        plan.forEach(connection -> connections.open(connection.name()));
    }

    /** Started, and the start-up gates have lifted; what was recorded so far is forgotten. */
    void startedAndHealthy() {
        startUp();
        run(HEAL_AFTER.plusSeconds(1));
        forget();
    }

    void forget() {
        alerts.clear();
        published.clear();
        reconnects.clear();
    }

    void lag(int streamId, long millis) {
        lagMillis.put(streamId, millis);
    }

    /** Lets time pass: frames every 100 ms, a watchdog pass every 250 ms, sessions opening when due. */
    void run(Duration duration) {
        long steps = duration.toNanos() / STEP.toNanos();
        for (long i = 0; i < steps; i++) {
            now.addAndGet(STEP.toNanos());
            step++;
            connections.due();
            if (step % FRAME_STEPS == 0) {
                frames();
            }
            if (step % TICK_STEPS == 0) {
                watchdog.check();
            }
        }
    }

    private void frames() {
        for (FeedConnection connection : plan) {
            if (!monitor.connected(connection.name())) {
                continue;
            }
            for (FeedStream stream : connection.streams()) {
                if (silent.contains(stream.id())) {
                    continue;
                }
                monitor.onMessage(stream.id(), now.get());
                if (stream.venue() == Venue.USDM) {
                    monitor.onLag(stream.id(), lagMillis.getOrDefault(stream.id(), 20L), now.get());
                }
            }
        }
    }

    long nowMillis() {
        return now.get() / 1_000_000;
    }

    List<String> alerts(String code) {
        return alerts.stream().filter(alert -> alert.split(" ")[1].equals(code)).toList();
    }

    List<String> reconnectsOf(String connection) {
        return reconnects.stream().filter(r -> r.connection().equals(connection)).map(Reconnect::reason).toList();
    }

    double gauge(String name, String tag, String value) {
        return registry.get(name).tag(tag, value).gauge().value();
    }

    double gateChanges(String symbol, String change) {
        return registry.get("nova.ingestion.gate.changes").tags("symbol", symbol, "change", change).counter().count();
    }

    /** The connections, run as the Binance adapter runs them. */
    final class Connections implements FeedControl {

        final Map<String, ReconnectBackoff> backoffs = new HashMap<>();
        final Map<String, Long> dueAt = new HashMap<>();
        final Map<String, Long> lastDelayNanos = new HashMap<>();
        final Set<String> refusing = new HashSet<>();
        /** Attempts that hang (as a slow TCP connect does) until released: no failure counted meanwhile. */
        final Set<String> holding = new HashSet<>();
        final List<String> healthy = new ArrayList<>();
        /** Where in [d/2, d] each back-off delay falls. */
        double jitter = 0.5;

        Connections() {
            for (String name : List.of(SPOT, PUBLIC, MARKET)) {
                backoffs.put(name, new ReconnectBackoff(Duration.ofMillis(250).toNanos(), Duration.ofSeconds(30).toNanos(),
                        Duration.ofSeconds(60).toNanos()));
            }
        }

        @Override
        public void reconnect(String connection, String reason) {
            if (!monitor.connected(connection)) {
                return;
            }
            reconnects.add(new Reconnect(connection, reason, now.get()));
            ended(connection, true);
        }

        @Override
        public void healthy(String connection) {
            backoffs.get(connection).onHealthy();
            healthy.add(connection);
        }

        /** The exchange closes the session. */
        void drop(String connection) {
            if (monitor.connected(connection)) {
                ended(connection, false);
            }
        }

        private void ended(String connection, boolean deliberate) {
            monitor.onDisconnected(connection);
            attemptLater(connection, deliberate);
        }

        private void attemptLater(String connection, boolean deliberate) {
            long delay = backoffs.get(connection).delayNanos(deliberate, now.get(), jitter);
            lastDelayNanos.put(connection, delay);
            watchdog.onReconnect(connection, deliberate);
            dueAt.put(connection, now.get() + delay);
        }

        void due() {
            for (String connection : List.copyOf(dueAt.keySet())) {
                if (dueAt.get(connection) <= now.get() && !holding.contains(connection)) {
                    dueAt.remove(connection);
                    open(connection);
                }
            }
        }

        /** A connection attempt: refused (a failure, retried after the back-off) or a new session. */
        void open(String connection) {
            if (refusing.contains(connection)) {
                attemptLater(connection, false);
            } else {
                connect(connection);
            }
        }

        private void connect(String connection) {
            backoffs.get(connection).onConnected(now.get());
            monitor.onConnected(connection);
        }
    }
}
