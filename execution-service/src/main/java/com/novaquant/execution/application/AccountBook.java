package com.novaquant.execution.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The exchange account as the pre-trade check reads it, without a round trip to the exchange on the signal path.
 * <p>
 * The view is read at start-up, after every trade and periodically. A decision uses it only while it is younger
 * than {@code maxAge} and no order has gone out since it was read; otherwise the decision waits for the post-trade
 * read already in flight, or reads the account itself. A view that cannot be trusted is never taken as zero or as
 * plenty: when the read fails, {@link #balances} throws {@link VenueUnavailableException} and nothing is traded.
 * <p>
 * Trades bump an epoch when they start and when they finish; a read keeps the epoch it started in and is stored only
 * if the epoch is still the same when it returns. So a read that overlapped a trade (and may show half its fills) is
 * dropped, and the first decision after a trade sees the balances read after its orders were final.
 */
public class AccountBook {

    private static final Logger log = LoggerFactory.getLogger(AccountBook.class);

    /** Why the account was read: a tag of the reads counter. */
    public enum Trigger { STARTUP, PERIODIC, POST_TRADE, ON_DEMAND }

    private final TradingVenue venue;
    private final ExecutionMetrics metrics;
    private final Clock clock;
    private final long maxAgeMs;
    private final Executor reader;

    private long epoch;
    private boolean trading;
    private View view;
    private PendingRead pending;

    /**
     * @param maxAge oldest view a decision may use
     * @param reader runs the read after a trade, so the desk is free while it is in flight
     */
    public AccountBook(TradingVenue venue, ExecutionMetrics metrics, Clock clock, Duration maxAge, Executor reader) {
        this.venue = venue;
        this.metrics = metrics;
        this.clock = clock;
        this.maxAgeMs = maxAge.toMillis();
        this.reader = reader;
    }

    /**
     * The balances one symbol's execution may rely on: from the view when it is current, else from the read after
     * the last trade, else read now.
     *
     * @throws VenueUnavailableException when the account cannot be read (or the symbol is unknown)
     */
    public TradingVenue.Balances balances(String symbol) {
        String baseAsset = venue.baseAsset(symbol);
        View current;
        PendingRead inFlight;
        synchronized (this) {
            current = usableView();
            inFlight = pending != null && pending.epoch == epoch && !trading ? pending : null;
        }
        if (current != null) {
            return current.account.balancesOf(baseAsset);
        }
        if (inFlight != null) {
            try {
                View read = inFlight.result.join();
                if (read != null) {
                    return read.account.balancesOf(baseAsset);
                }
            } catch (CompletionException e) {
                log.debug("Read after the last trade failed ({}): reading again", e.getCause().toString());
            }
        }
        return read(Trigger.ON_DEMAND).account.balancesOf(baseAsset);
    }

    /** Reads the account and keeps the answer as the view (start-up, periodic refresh); a failure keeps the old one. */
    public void refresh(Trigger trigger) {
        try {
            read(trigger);
        } catch (VenueUnavailableException e) {
            log.warn("Account read ({}) failed: {}; the view ages until a read succeeds", trigger, e.getMessage());
        }
    }

    /** Orders are about to go out: no view read before now, or during the trade, may be used after it. */
    public synchronized void tradeStarted() {
        epoch++;
        trading = true;
        view = null;
    }

    /**
     * The trade's orders are final: starts reading the post-trade balances without holding up the caller. The next
     * decision waits for this read if it is still in flight.
     */
    public void tradeFinished() {
        long readEpoch;
        synchronized (this) {
            if (!trading) {
                return;
            }
            epoch++;
            trading = false;
            readEpoch = epoch;
        }
        CompletableFuture<View> result = CompletableFuture.supplyAsync(() -> readAt(readEpoch, Trigger.POST_TRADE), reader);
        synchronized (this) {
            if (epoch == readEpoch) {
                pending = new PendingRead(readEpoch, result);
            }
        }
    }

    /** Age of the view a decision could use now, in seconds; -1 when there is none (a gauge). */
    public synchronized double viewAgeSeconds() {
        View current = usableView();
        return current == null ? -1 : (clock.millis() - current.readAtMs) / 1000.0;
    }

    private View read(Trigger trigger) {
        long readEpoch;
        synchronized (this) {
            readEpoch = epoch;
        }
        return readAt(readEpoch, trigger);
    }

    private View readAt(long readEpoch, Trigger trigger) {
        long startedAtMs = clock.millis();
        TradingVenue.Account account;
        try {
            account = venue.account();
        } catch (VenueUnavailableException e) {
            metrics.accountRead(trigger, false);
            throw e;
        }
        metrics.accountRead(trigger, true);
        // Aged from when the read started: the answer is at least that old.
        View read = new View(account, startedAtMs, readEpoch);
        synchronized (this) {
            if (readEpoch == epoch && !trading && (view == null || view.readAtMs <= startedAtMs)) {
                view = read;
            }
        }
        return read;
    }

    private View usableView() {
        if (view == null || view.epoch != epoch || trading) {
            return null;
        }
        return clock.millis() - view.readAtMs <= maxAgeMs ? view : null;
    }

    private record View(TradingVenue.Account account, long readAtMs, long epoch) {
    }

    private record PendingRead(long epoch, CompletableFuture<View> result) {
    }
}
