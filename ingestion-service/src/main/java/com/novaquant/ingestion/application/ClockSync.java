package com.novaquant.ingestion.application;

import com.novaquant.events.Venue;
import com.novaquant.ingestion.domain.ClockOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps {@link ClockOffsets} current by asking each venue for its server time periodically. A failed measurement
 * keeps the previous offset and is counted.
 */
public final class ClockSync implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClockSync.class);

    private final ServerClock serverClock;
    private final ClockOffsets offsets;
    private final IngestionMetrics metrics;
    private final Duration timeout;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "clock-sync");
        thread.setDaemon(true);
        return thread;
    });

    public ClockSync(ServerClock serverClock, ClockOffsets offsets, IngestionMetrics metrics, Duration timeout) {
        this.serverClock = serverClock;
        this.offsets = offsets;
        this.metrics = metrics;
        this.timeout = timeout;
        for (Venue venue : Venue.values()) {
            metrics.clockOffsetGauge(venue.name(), () -> offsets.get(venue).offsetMillis());
        }
    }

    public void start(Duration interval) {
        executor.scheduleWithFixedDelay(this::syncAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void syncAll() {
        for (Venue venue : Venue.values()) {
            try {
                ClockOffset offset = serverClock.measure(venue).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                offsets.set(venue, offset);
                log.debug("{} clock offset {} ms (round trip {} ms)", venue, offset.offsetMillis(), offset.roundTripMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                metrics.clockSyncFailed(venue.name());
                log.warn("{} server time unavailable, keeping offset {} ms: {}", venue, offsets.get(venue).offsetMillis(), e.toString());
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
