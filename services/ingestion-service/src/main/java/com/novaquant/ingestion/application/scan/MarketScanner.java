package com.novaquant.ingestion.application.scan;

import com.novaquant.events.Severity;
import com.novaquant.ingestion.application.FeedAlerts;
import com.novaquant.ingestion.application.scan.ScanRows.Book;
import com.novaquant.ingestion.application.scan.ScanRows.Funding;
import com.novaquant.ingestion.application.scan.ScanRows.FundingInterval;
import com.novaquant.ingestion.application.scan.ScanRows.Listing;
import com.novaquant.ingestion.application.scan.ScanRows.Volume;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The market scan: every interval, reads every endpoint of {@link ScanEndpoint} in order, joins them
 * ({@link MarketScanJoin}) and publishes the scan. All or nothing: a scan where any read failed publishes nothing,
 * since a partial scan would read downstream as delistings. Failures are counted per endpoint, logged once per
 * streak and alerted (WARNING) after the configured number in a row; a scan is skipped, not failed, when a call
 * would take a venue's used weight over the threshold. Runs on a thread of its own, one scan at a time.
 */
public final class MarketScanner implements AutoCloseable {

    /** The outcome of one scan. */
    public enum Outcome { PUBLISHED, FAILED, SKIPPED }

    static final String FAILING = "MARKET_SCAN_FAILING";
    static final String RECOVERED = "MARKET_SCAN_RECOVERED";

    private static final Logger log = LoggerFactory.getLogger(MarketScanner.class);

    private final MarketScanSource source;
    private final MarketScanPublisher publisher;
    private final FeedAlerts alerts;
    private final MarketScanMetrics metrics;
    private final MarketScanSettings settings;
    private final MarketScanJoin join;
    private final UsedWeightGuard usedWeight;
    private final LongSupplier wallClockMs;
    private final LongSupplier nanoClock;
    private final ScheduledExecutorService executor;

    private int consecutiveFailures;
    private boolean alerted;
    private boolean skipping;

    public MarketScanner(MarketScanSource source, MarketScanPublisher publisher, FeedAlerts alerts,
                         MarketScanMetrics metrics, MarketScanSettings settings, LongSupplier wallClockMs,
                         LongSupplier nanoClock) {
        ScanWeightBudget.check(settings);
        this.source = source;
        this.publisher = publisher;
        this.alerts = alerts;
        this.metrics = metrics;
        this.settings = settings;
        this.join = new MarketScanJoin(settings.quoteAsset());
        this.usedWeight = new UsedWeightGuard(settings);
        this.wallClockMs = wallClockMs;
        this.nanoClock = nanoClock;
        this.executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("market-scan").daemon().factory());
    }

    /** Starts scanning now and then every interval (a scan that overruns delays the next; they never overlap). */
    public void start() {
        executor.scheduleAtFixedRate(this::scanQuietly, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void scanQuietly() {
        try {
            scanOnce();
        } catch (RuntimeException e) {
            // Never let a surprise end the schedule: the next interval tries again.
            log.error("market scan broke", e);
        }
    }

    /** One scan, on the caller's thread. */
    public Outcome scanOnce() {
        long startedNanos = nanoClock.getAsLong();
        long scannedAtMs = wallClockMs.getAsLong();
        ScanInputs inputs;
        try {
            inputs = readAll();
        } catch (ScanEndpointException e) {
            metrics.took(nanoClock.getAsLong() - startedNanos);
            return failed(e.endpoint().label(), e.getMessage());
        } catch (SkipScan e) {
            metrics.skipped(e.reason);
            if (!skipping) {
                log.warn("market scan skipped: {}; retrying every {}", e.getMessage(), settings.interval());
                skipping = true;
            }
            return Outcome.SKIPPED;
        }
        skipping = false;
        JoinedScan joined;
        try {
            joined = join.join(inputs, scannedAtMs);
        } catch (RuntimeException e) {
            log.error("market scan could not be joined", e);
            return failed(MarketScanMetrics.INTERNAL, "joining the reads failed: " + e);
        }
        metrics.took(nanoClock.getAsLong() - startedNanos);
        try {
            publisher.publish(joined.scan()).toCompletableFuture()
                    .get(settings.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return failed(MarketScanMetrics.PUBLISH, "the broker did not take the scan: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(MarketScanMetrics.PUBLISH, "interrupted while publishing");
        }
        metrics.published(joined, wallClockMs.getAsLong());
        succeeded(joined);
        return Outcome.PUBLISHED;
    }

    private ScanInputs readAll() {
        EndpointReply<Book> spotBooks = read(ScanEndpoint.SPOT_BOOK_TICKER, () -> source.books(ScanEndpoint.SPOT_BOOK_TICKER));
        EndpointReply<Listing> spotListings = read(ScanEndpoint.SPOT_EXCHANGE_INFO, () -> source.listings(ScanEndpoint.SPOT_EXCHANGE_INFO));
        EndpointReply<Volume> spotVolumes = read(ScanEndpoint.SPOT_TICKER_24HR, () -> source.volumes(ScanEndpoint.SPOT_TICKER_24HR));
        EndpointReply<FundingInterval> intervals = read(ScanEndpoint.USDM_FUNDING_INFO, source::fundingIntervals);
        EndpointReply<Listing> perpListings = read(ScanEndpoint.USDM_EXCHANGE_INFO, () -> source.listings(ScanEndpoint.USDM_EXCHANGE_INFO));
        EndpointReply<Book> perpBooks = read(ScanEndpoint.USDM_BOOK_TICKER, () -> source.books(ScanEndpoint.USDM_BOOK_TICKER));
        EndpointReply<Funding> fundings = read(ScanEndpoint.USDM_PREMIUM_INDEX, source::fundings);
        EndpointReply<Volume> perpVolumes = read(ScanEndpoint.USDM_TICKER_24HR, () -> source.volumes(ScanEndpoint.USDM_TICKER_24HR));
        int unreadable = spotBooks.unreadableRows() + spotListings.unreadableRows() + spotVolumes.unreadableRows()
                + intervals.unreadableRows() + perpListings.unreadableRows() + perpBooks.unreadableRows()
                + fundings.unreadableRows() + perpVolumes.unreadableRows();
        return new ScanInputs(spotListings.rows(), perpListings.rows(), spotBooks.rows(), perpBooks.rows(),
                spotVolumes.rows(), perpVolumes.rows(), fundings.rows(), intervals.rows(), unreadable);
    }

    private <T> EndpointReply<T> read(ScanEndpoint endpoint, Supplier<EndpointReply<T>> call) {
        long nowMs = wallClockMs.getAsLong();
        if (usedWeight.paused(endpoint.venue(), nowMs)) {
            throw new SkipScan(MarketScanMetrics.RETRY_AFTER,
                    endpoint.venue() + " answered 429 or 418 and its Retry-After has not passed");
        }
        if (!usedWeight.allows(endpoint, nowMs)) {
            throw new SkipScan(MarketScanMetrics.USED_WEIGHT, endpoint.venue() + " used weight " + usedWeight.usedWeight(endpoint.venue())
                    + " this minute, and the scan's remaining " + endpoint.remainingWeight() + " from "
                    + endpoint.label() + " on would pass the threshold of " + usedWeight.threshold(endpoint.venue()));
        }
        EndpointReply<T> reply;
        try {
            reply = call.get();
        } catch (ScanEndpointException e) {
            if (e.retryAfterSeconds() > 0) {
                usedWeight.pause(endpoint.venue(), wallClockMs.getAsLong() + e.retryAfterSeconds() * 1000);
            }
            throw e;
        } catch (RuntimeException e) {
            throw new ScanEndpointException(endpoint, e.toString(), e);
        }
        usedWeight.record(endpoint.venue(), reply.usedWeight(), wallClockMs.getAsLong());
        return reply;
    }

    private Outcome failed(String endpoint, String reason) {
        metrics.failed(endpoint);
        consecutiveFailures++;
        if (consecutiveFailures == 1) {
            log.warn("market scan failed, nothing published: {} (logged once until a scan succeeds)", reason);
        } else {
            log.debug("market scan failed again ({} in a row): {}", consecutiveFailures, reason);
        }
        if (consecutiveFailures == settings.failuresBeforeAlert()) {
            raise(Severity.WARNING, FAILING, "Market scan failed " + consecutiveFailures
                    + " times in a row, last on " + reason + ". No scan is published, so the traded universe is "
                    + "not refreshed; check that Binance's public REST API is reachable from ingestion-service.");
            alerted = true;
        }
        return Outcome.FAILED;
    }

    private void succeeded(JoinedScan joined) {
        if (consecutiveFailures > 0) {
            log.info("market scan published again after {} failed scans: {} symbols", consecutiveFailures,
                    joined.scan().symbols().size());
        }
        if (alerted) {
            raise(Severity.INFO, RECOVERED, "Market scan published again after " + consecutiveFailures
                    + " failed scans: " + joined.scan().symbols().size() + " symbols.");
        }
        consecutiveFailures = 0;
        alerted = false;
    }

    private void raise(Severity severity, String code, String text) {
        try {
            alerts.raise(severity, code, text, code + ":market-scan");
        } catch (RuntimeException e) {
            log.error("could not raise {} alert", code, e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** A call that would take a venue's used weight over the threshold: the scan stops, unfailed. */
    private static final class SkipScan extends RuntimeException {
        final String reason;

        SkipScan(String reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }
}
