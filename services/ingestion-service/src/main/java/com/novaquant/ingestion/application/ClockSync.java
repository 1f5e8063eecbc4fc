package com.novaquant.ingestion.application;

import com.novaquant.events.Venue;
import com.novaquant.ingestion.domain.ClockOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps {@link ClockOffsets} current by asking each venue for its server time periodically. Each sync takes a few
 * samples and keeps the one with the shortest round trip: half the round trip bounds an offset's error, and one
 * slow sample (a cold client, a GC, a busy host) can be wrong by hundreds of milliseconds, enough to make every frame
 * look late (false FEED_LAG reconnects, then a reconnect-storm halt) or, the other way, a late feed look timely. A
 * sync whose best round trip is still over {@code maxRoundTrip} is not trusted: the previous offset is kept and the
 * sync counted as imprecise, as a failed one keeps it and is counted as failed.
 */
public final class ClockSync implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClockSync.class);

    private final ServerClock serverClock;
    private final ClockOffsets offsets;
    private final IngestionMetrics metrics;
    private final Duration timeout;
    private final int samples;
    private final Duration maxRoundTrip;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "clock-sync");
        thread.setDaemon(true);
        return thread;
    });

    public ClockSync(ServerClock serverClock, ClockOffsets offsets, IngestionMetrics metrics, Duration timeout,
                     int samples, Duration maxRoundTrip) {
        if (samples < 1) {
            throw new IllegalArgumentException("clock-sync samples must be at least 1, was " + samples);
        }
        this.serverClock = serverClock;
        this.offsets = offsets;
        this.metrics = metrics;
        this.timeout = timeout;
        this.samples = samples;
        this.maxRoundTrip = maxRoundTrip;
        for (Venue venue : Venue.values()) {
            metrics.clockOffsetGauge(venue.name(), () -> offsets.get(venue).offsetMillis());
            metrics.clockRoundTripGauge(venue.name(), () -> offsets.get(venue).roundTripMillis());
            metrics.clockSyncCounters(venue.name());
        }
    }

    public void start(Duration interval) {
        executor.scheduleWithFixedDelay(this::syncAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void syncAll() {
        for (Venue venue : Venue.values()) {
            if (!sync(venue)) {
                return;
            }
        }
    }

    /** One sync of one venue; false when interrupted. */
    boolean sync(Venue venue) {
        ClockOffset best = null;
        Exception failure = null;
        CompletableFuture<ClockOffset> measured = null;
        try {
            measured = serverClock.bestOf(venue, samples, timeout);
            best = measured.get();
        } catch (InterruptedException e) {
            measured.cancel(true);
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | RuntimeException e) {
            failure = e;
        }
        ClockOffset kept = offsets.get(venue);
        if (best == null) {
            metrics.clockSyncFailed(venue.name());
            log.warn("{} server time unavailable, keeping offset {} ms: {}", venue, kept.offsetMillis(), String.valueOf(failure));
        } else if (best.roundTripMillis() > maxRoundTrip.toMillis()) {
            metrics.clockSyncImprecise(venue.name());
            log.warn("{} server time too imprecise (best round trip {} ms of {} samples, over {} ms): keeping offset {} ms",
                    venue, best.roundTripMillis(), samples, maxRoundTrip.toMillis(), kept.offsetMillis());
        } else {
            offsets.set(venue, best);
            log.debug("{} clock offset {} ms (round trip {} ms)", venue, best.offsetMillis(), best.roundTripMillis());
        }
        return true;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
