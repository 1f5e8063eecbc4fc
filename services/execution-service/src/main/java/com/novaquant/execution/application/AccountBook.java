package com.novaquant.execution.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The exchange account as the pre-trade check reads it, without a round trip to the exchange on the signal path,
 * while several symbols trade at once.
 * <p>
 * The view is read at start-up, after every trade and periodically, and used while it is younger than
 * {@code maxAge}. A trade holds a claim on the balances (the quote it may spend, the futures margin it may take)
 * from its decision until a read that started after it finished is stored: until then every decision sees the view
 * minus every such claim, so trades decided one after another never spend the same money twice, and a read that
 * overlapped a trade (and may show part of its fills) only ever counts that trade twice, never not at all.
 * <p>
 * A decision on a symbol whose own trade is not yet in a stored view (its base-asset holding changed) waits for the
 * read started after that trade, or reads the account itself. A view that cannot be trusted is never taken as zero
 * or as plenty: when the read fails, {@link #balances} throws {@link VenueUnavailableException} and nothing is
 * traded.
 */
public class AccountBook {

    private static final Logger log = LoggerFactory.getLogger(AccountBook.class);

    /** Why the account was read: a tag of the reads counter. */
    public enum Trigger { STARTUP, PERIODIC, POST_TRADE, ON_DEMAND }

    /**
     * One trade's claim on the balances, from its decision until the view shows its fills.
     */
    public static final class Trade {
        private final String baseAsset;
        private final BigDecimal quote;
        private final BigDecimal margin;
        /** Position in the book's sequence when the trade finished; {@code Long.MAX_VALUE} while it runs. */
        private long finishedAt = Long.MAX_VALUE;

        private Trade(String baseAsset, BigDecimal quote, BigDecimal margin) {
            this.baseAsset = baseAsset;
            this.quote = quote;
            this.margin = margin;
        }
    }

    private final TradingVenue venue;
    private final ExecutionMetrics metrics;
    private final Clock clock;
    private final long maxAgeMs;
    private final Executor reader;

    /** Orders trade finishes and read starts: a read reflects exactly the trades that finished before it started. */
    private long sequence;
    /** Trades whose fills no stored view shows yet. */
    private final List<Trade> unreflected = new ArrayList<>();
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
     * The balances one symbol's execution may rely on: the view less what trades not yet in it may spend; when the
     * symbol's own last trade is not in the view, the read after that trade; when the view is too old, a read now.
     *
     * @throws VenueUnavailableException when the account cannot be read (or the symbol is unknown)
     */
    public TradingVenue.Balances balances(String symbol) {
        String baseAsset = venue.baseAsset(symbol);
        PendingRead awaited;
        synchronized (this) {
            long ownTrade = lastOwnTrade(baseAsset);
            if (usable(view) && view.startedAt > ownTrade) {
                return available(view, baseAsset);
            }
            awaited = pending != null && pending.startedAt() > ownTrade ? pending : null;
        }
        View read = null;
        if (awaited != null) {
            try {
                read = awaited.result().join();
            } catch (CompletionException e) {
                log.debug("Read after the last trade failed ({}): reading again", e.getCause().toString());
            }
        }
        if (read == null || !usable(read)) {
            // No read after the trade, or one that has aged past maxAge since (a read long finished): read now.
            read = read(Trigger.ON_DEMAND);
        }
        synchronized (this) {
            return available(read, baseAsset);
        }
    }

    /**
     * Makes sure a view the symbol's decision may use is stored, reading the account if needed. Blocks on the
     * network: called before the desk is taken, never under it.
     *
     * @throws VenueUnavailableException when the account cannot be read
     */
    public void ensureCurrent(String symbol) {
        balances(symbol);
    }

    /** Whether a stored view is current for the symbol's decision (memory only). */
    public synchronized boolean current(String symbol) {
        return usable(view) && view.startedAt > lastOwnTrade(venue.baseAsset(symbol));
    }

    /**
     * The balances from memory only, for a decision under the desk: the stored view less what trades not yet in it
     * may spend.
     *
     * @throws VenueUnavailableException when no stored view is current for the symbol (it aged or its own last
     *                                   trade is not in it): the caller reads again outside the desk
     */
    public synchronized TradingVenue.Balances availableNow(String symbol) {
        String baseAsset = venue.baseAsset(symbol);
        if (usable(view) && view.startedAt > lastOwnTrade(baseAsset)) {
            return available(view, baseAsset);
        }
        throw new VenueUnavailableException("the account view of " + symbol + " is not current");
    }

    /** Reads the account and keeps the answer as the view (start-up, periodic refresh); a failure keeps the old one. */
    public void refresh(Trigger trigger) {
        try {
            read(trigger);
        } catch (VenueUnavailableException e) {
            log.warn("Account read ({}) failed: {}; the view ages until a read succeeds", trigger, e.getMessage());
        }
    }

    /**
     * A trade was decided and its orders are about to go out.
     *
     * @param quote  spot quote asset it may spend (zero for a close)
     * @param margin futures margin it may take (zero for a close)
     */
    public synchronized Trade tradeStarted(String symbol, BigDecimal quote, BigDecimal margin) {
        Trade trade = new Trade(venue.baseAsset(symbol), quote, margin);
        unreflected.add(trade);
        return trade;
    }

    /** The trade's orders are final: starts the read that will show its fills, without holding up the caller. */
    public void tradeFinished(Trade trade) {
        CompletableFuture<View> result = new CompletableFuture<>();
        long startedAt;
        synchronized (this) {
            if (trade.finishedAt != Long.MAX_VALUE) {
                return;
            }
            trade.finishedAt = ++sequence;
            startedAt = ++sequence;
            pending = new PendingRead(startedAt, result);
        }
        reader.execute(() -> {
            try {
                result.complete(readAt(startedAt, Trigger.POST_TRADE));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
    }

    /** Age of the stored view in seconds; -1 when there is none a decision could use (a gauge). */
    public synchronized double viewAgeSeconds() {
        return usable(view) ? (clock.millis() - view.readAtMs) / 1000.0 : -1;
    }

    /** Trades not yet shown by a stored view (a gauge's worth; for tests). */
    public synchronized int unreflectedTrades() {
        return unreflected.size();
    }

    private View read(Trigger trigger) {
        long startedAt;
        synchronized (this) {
            startedAt = ++sequence;
        }
        return readAt(startedAt, trigger);
    }

    private View readAt(long startedAt, Trigger trigger) {
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
        View read = new View(account, startedAtMs, startedAt);
        synchronized (this) {
            if (view == null || view.startedAt < startedAt) {
                view = read;
                unreflected.removeIf(t -> t.finishedAt < startedAt);
            }
        }
        return read;
    }

    /** What a decision may spend: the read less every claim it does not show yet. Caller holds the monitor. */
    private TradingVenue.Balances available(View read, String baseAsset) {
        TradingVenue.Balances b = read.account.balancesOf(baseAsset);
        BigDecimal quote = b.spotQuoteFree();
        BigDecimal margin = b.futuresAvailable();
        for (Trade trade : unreflected) {
            if (trade.finishedAt >= read.startedAt) {
                quote = quote.subtract(trade.quote);
                margin = margin.subtract(trade.margin);
            }
        }
        return new TradingVenue.Balances(b.spotBaseFree(), b.spotBaseTotal(), quote, margin, b.futuresWallet());
    }

    /** When the last trade on this base asset finished (or {@code Long.MAX_VALUE} if one runs); -1 if none is pending. */
    private long lastOwnTrade(String baseAsset) {
        long last = -1;
        for (Trade trade : unreflected) {
            if (trade.baseAsset.equals(baseAsset)) {
                last = Math.max(last, trade.finishedAt);
            }
        }
        return last;
    }

    private boolean usable(View v) {
        return v != null && clock.millis() - v.readAtMs <= maxAgeMs;
    }

    private record View(TradingVenue.Account account, long readAtMs, long startedAt) {
    }

    private record PendingRead(long startedAt, CompletableFuture<View> result) {
    }
}
