package com.novaquant.ingestion.application;

import com.novaquant.ingestion.domain.FundingIntervals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keeps every symbol's funding interval as the exchange lists it, for the funding events ingestion publishes: read
 * once at start (before the feeds open, so the first events carry it) and again every {@code refreshEvery}. Binance
 * moves symbols between 8 h, 4 h and 1 h; a wrong interval misprices annualised funding 2x to 8x. A read that fails
 * keeps the last known intervals, is logged and counted, and is tried again after {@code retryAfterFailure}; it never
 * touches the feeds. {@link #hoursOf} is read on the event loop: a volatile read of an immutable snapshot.
 */
public final class FundingIntervalRefresh implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FundingIntervalRefresh.class);

    private final FundingIntervalSource source;
    private volatile List<String> symbols;
    private final IngestionMetrics metrics;
    private final Duration timeout;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "funding-intervals");
        thread.setDaemon(true);
        return thread;
    });
    private volatile FundingIntervals current = FundingIntervals.NONE;

    public FundingIntervalRefresh(FundingIntervalSource source, List<String> symbols, IngestionMetrics metrics,
                                  Duration timeout) {
        this.source = source;
        this.symbols = List.copyOf(symbols);
        this.metrics = metrics;
        this.timeout = timeout;
        metrics.fundingIntervalMeters(this.symbols, this::hoursOf);
    }

    /**
     * The symbols subscribed now (they change with the traded universe): the intervals are read again at once, on the
     * refresh thread, so a new symbol's funding events carry its interval within a read.
     */
    public void track(Collection<String> now) {
        List<String> next = now.stream().sorted().distinct().toList();
        List<String> added = next.stream().filter(symbol -> !symbols.contains(symbol)).toList();
        symbols = next;
        if (!added.isEmpty()) {
            metrics.fundingIntervalMeters(added, this::hoursOf);
        }
        try {
            executor.execute(this::refresh);
        } catch (RejectedExecutionException closed) {
            // closing
        }
    }

    /** Reads now (blocking up to the timeout), then keeps reading on its own thread. */
    public void start(Duration refreshEvery, Duration retryAfterFailure) {
        scheduleNext(refresh(), refreshEvery, retryAfterFailure);
    }

    private void scheduleNext(boolean lastSucceeded, Duration refreshEvery, Duration retryAfterFailure) {
        Duration delay = lastSucceeded ? refreshEvery : retryAfterFailure;
        try {
            executor.schedule(() -> scheduleNext(refresh(), refreshEvery, retryAfterFailure), delay.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // closed while a read was under way: nothing more to schedule
        }
    }

    /** One read; true when it succeeded. The intervals in force change only on success. */
    public boolean refresh() {
        FundingIntervals read;
        try {
            read = new FundingIntervals(source.intervals(symbols).get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            metrics.fundingInfoFailed();
            log.warn("funding intervals not read ({}); keeping {}", cause.toString(), describe(current));
            return false;
        }
        FundingIntervals earlier = current;
        current = read;
        for (FundingIntervals.Change change : read.changesFrom(earlier)) {
            if (change.before() == FundingIntervals.UNKNOWN) {
                log.info("{} funding interval {} h", change.symbol(), change.after());
            } else {
                log.info("{} funding interval changed from {} h to {} h", change.symbol(), change.before(),
                        change.after());
            }
        }
        return true;
    }

    /** The symbol's funding interval in hours, or {@link FundingIntervals#UNKNOWN} until one has been read. */
    public int hoursOf(String symbol) {
        return current.hoursOf(symbol);
    }

    private static String describe(FundingIntervals intervals) {
        return intervals.hoursBySymbol().isEmpty() ? "them unknown" : "the last known " + intervals.hoursBySymbol();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
