package com.novaquant.ingestion.application;

import com.novaquant.events.Severity;
import com.novaquant.ingestion.domain.AlertThrottle;
import com.novaquant.ingestion.domain.FeedProblem;
import com.novaquant.ingestion.domain.ReconnectStormDetector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Watches the feed on its own thread (never the event loop): sustained lag or silence on a connection reconnects
 * it and raises a WARNING ({@code FEED_LAG}, {@code FEED_STALE}); too many reconnects of one connection within a
 * window raise a CRITICAL {@code FEED_RECONNECT_STORM}, on which execution engages the kill switch. Alerts are
 * throttled per code and connection; the dedup key is {@code <code>:<connection>}.
 */
public final class FeedWatchdog implements AutoCloseable {

    public static final String FEED_LAG = "FEED_LAG";
    public static final String FEED_STALE = "FEED_STALE";
    public static final String FEED_RECONNECT_STORM = "FEED_RECONNECT_STORM";

    private static final Logger log = LoggerFactory.getLogger(FeedWatchdog.class);

    private final FeedMonitor monitor;
    private final FeedControl control;
    private final FeedAlerts alerts;
    private final IngestionMetrics metrics;
    private final AlertThrottle throttle;
    private final Map<String, ReconnectStormDetector> storms = new HashMap<>();
    private final int stormThreshold;
    private final Duration stormWindow;
    private final LongSupplier nanoClock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "feed-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    public FeedWatchdog(FeedMonitor monitor, FeedControl control, FeedAlerts alerts, IngestionMetrics metrics,
                        Duration alertDedupWindow, int stormThreshold, Duration stormWindow, LongSupplier nanoClock) {
        this.monitor = monitor;
        this.control = control;
        this.alerts = alerts;
        this.metrics = metrics;
        this.throttle = new AlertThrottle(alertDedupWindow.toNanos());
        this.stormThreshold = stormThreshold;
        this.stormWindow = stormWindow;
        this.nanoClock = nanoClock;
        for (FeedConnection connection : monitor.connections()) {
            storms.put(connection.name(), new ReconnectStormDetector(stormThreshold, stormWindow.toNanos()));
        }
    }

    public void start(Duration interval) {
        executor.scheduleWithFixedDelay(this::checkSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            log.error("feed watchdog check failed", e);
        }
    }

    /** One pass over the feed state: reconnect and alert where needed. */
    void check() {
        for (FeedProblem problem : monitor.problems()) {
            String connection = problem.connection();
            if (problem.reconnect()) {
                control.reconnect(connection, problem.kind() == FeedProblem.Kind.LAG ? "lag" : "stale");
            }
            if (problem.kind() == FeedProblem.Kind.LAG) {
                raise(Severity.WARNING, FEED_LAG, connection, "WebSocket lag detected (>" + monitor.lagThresholdMillis()
                        + "ms). Initiating reconnection.");
            } else {
                raise(Severity.WARNING, FEED_STALE, connection, "WebSocket feed stale (no data for >"
                        + monitor.staleAfter().toMillis() + "ms on " + connection + ")."
                        + (problem.reconnect() ? " Initiating reconnection." : " Reconnecting."));
            }
        }
    }

    /** A reconnect was scheduled for the connection (any thread; the alert is raised on the watchdog thread). */
    public void onReconnect(String connection) {
        ReconnectStormDetector detector = storms.get(connection);
        if (detector != null && detector.onReconnect(nanoClock.getAsLong())) {
            executor.execute(() -> raise(Severity.CRITICAL, FEED_RECONNECT_STORM, connection,
                    "Reconnect storm: " + stormThreshold + " reconnects within " + stormWindow.toSeconds() + "s on "
                            + connection + ". Market data unreliable; halt trading."));
        }
    }

    private void raise(Severity severity, String code, String connection, String text) {
        String dedupKey = code + ":" + connection;
        if (!throttle.tryRaise(dedupKey, nanoClock.getAsLong())) {
            return;
        }
        log.warn("{} {} on {}: {}", severity, code, connection, text);
        metrics.alert(code);
        try {
            alerts.raise(severity, code, text, dedupKey);
        } catch (RuntimeException e) {
            log.error("could not raise {} alert for {}", code, connection, e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
