package com.novaquant.execution.application;

import com.novaquant.events.EpochMicros;
import com.novaquant.events.Signal;
import com.novaquant.events.Venue;
import com.novaquant.execution.domain.ClientOrderIds;
import com.novaquant.execution.domain.HedgeBand;
import com.novaquant.execution.domain.OwnPrices;
import com.novaquant.execution.domain.Refusal;
import com.novaquant.execution.domain.SignalAdmission;
import com.novaquant.execution.domain.SymbolFilters;
import com.novaquant.execution.domain.TradeDecision;
import com.novaquant.execution.domain.TradeFacts;
import com.novaquant.execution.domain.TradeRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The signal pipeline: from a target to a started two-leg trade. Read the position the signal starts from (writing
 * nothing), gather what the decision needs from the network (filters, the account view) before the desk is taken,
 * decide under the desk from memory alone ({@link TradeRule}), then one durable write: a trade claims the signal and
 * writes both orders ahead in one statement and sends them (the trade then settles on a thread of its own,
 * {@link TradeRunner}); a refusal records the signal with its outcome in one insert.
 */
public class ExecutionEngine {

    private static final Logger log = LoggerFactory.getLogger(ExecutionEngine.class);
    /** Re-reads of the book total when trades keep ending meanwhile, before the last one is done under the desk. */
    private static final int TOTAL_REREADS = 3;

    private final Desk desk;
    private final Ledger ledger;
    private final TradingVenue venue;
    private final AccountBook account;
    private final TradeRule rule;
    private final DeskHolds holds;
    private final LegDispatcher dispatcher;
    private final TradeRunner runner;
    private final Marks marks;
    private final VenuePrices prices;
    private final ExecutionMetrics metrics;
    private final UnbookedCommission commission;
    private final BigDecimal leverage;
    private final Duration accountReadDeadline;
    private final Executor reader;
    private final SignalAdmission admission;
    private final UniverseGate universe;
    private final Clock clock;

    ExecutionEngine(Desk desk, Ledger ledger, TradingVenue venue, AccountBook account, TradeRule rule, DeskHolds holds,
                    LegDispatcher dispatcher, TradeRunner runner, Marks marks, VenuePrices prices,
                    ExecutionMetrics metrics, UnbookedCommission commission, BigDecimal leverage,
                    Duration accountReadDeadline, Executor reader, SignalAdmission admission, UniverseGate universe,
                    Clock clock) {
        this.admission = admission;
        this.universe = universe;
        this.desk = desk;
        this.ledger = ledger;
        this.venue = venue;
        this.account = account;
        this.rule = rule;
        this.holds = holds;
        this.dispatcher = dispatcher;
        this.runner = runner;
        this.marks = marks;
        this.prices = prices;
        this.metrics = metrics;
        this.commission = commission;
        this.leverage = leverage;
        this.accountReadDeadline = accountReadDeadline;
        this.reader = reader;
        this.clock = clock;
    }

    /** Handles one signal and waits for its outcome: a short code (also counted and stored with the signal). */
    public String onSignal(Signal signal) {
        try {
            return submit(signal).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Decides on one signal and, when it trades, starts the trade without waiting for it. Returns once the decision
     * is durable, in one commit: a trade's claim with its write-ahead, or a refusal with its outcome (the consumer may
     * commit the signal's offset: a crash from here on is finished by reconciliation); the future completes with the
     * outcome code. A delivery that finds the signal recorded, when it reads or when it writes, is DUPLICATE and
     * writes and sends nothing.
     */
    public CompletableFuture<String> submit(Signal signal) {
        long receivedNanos = System.nanoTime();
        Optional<Refusal> inadmissible = admission.check(signal, clock.millis());
        if (inadmissible.isPresent()) {
            // Refused before it is even recorded: nothing about it can be trusted enough to store.
            if (inadmissible.get() != Refusal.EXPIRED) {
                log.warn("Signal {} on {} refused: {} (target {}, decided at {} us, expires at {} ms)", signal.signalId(),
                        signal.symbol(), inadmissible.get(), signal.targetBaseQty(), signal.decidedAtMicros(),
                        signal.expiresAtMs());
            }
            metrics.signal(inadmissible.get().name());
            return CompletableFuture.completedFuture(inadmissible.get().name());
        }
        long deliveryMicros = EpochMicros.now(clock) - signal.decidedAtMicros();
        metrics.stage("delivery", deliveryMicros * 1000);
        Desk.Claim claim = desk.claim(signal.symbol());
        long stageStart = stage("wait", receivedNanos);
        Decided decided = null;
        boolean runnerOwnsIt = false;
        try {
            // A read: the signal is recorded only by its outcome's one write below.
            Optional<Ledger.Exposure> exposure = ledger.exposureUnlessSeen(signal);
            stageStart = stage("exposure", stageStart);
            if (exposure.isEmpty()) {
                return duplicate();
            }
            decided = decide(signal, claim, exposure.get());
            stageStart = stage("decide", stageStart);
            if (decided.decision() instanceof TradeDecision.Refused refused) {
                return refused(signal, refused, deliveryMicros);
            }
            TradeDecision.Execute go = (TradeDecision.Execute) decided.decision();
            Execution ex = new Execution(go.pairId(), signal.signalId(), signal.symbol(), go.spotQuantity(),
                    go.perpQuantity(), go.growing(), go.closesAll(), signal.tickReceivedAtMicros(),
                    signal.decidedAtMicros());
            Optional<List<OrderRecord>> written = dispatcher.claimAndWriteAhead(signal, ex);
            long writtenAt = stage("write_ahead", stageStart);
            if (written.isEmpty()) {
                // Another delivery of this signal was recorded since the read: it trades (or refused), not this one.
                log.info("Signal {} {}: recorded by another delivery since it was read; nothing written or sent",
                        signal.signalId(), signal.symbol());
                return duplicate();
            }
            List<OrderRecord> rows = written.get();
            LegDispatcher.Legs legs = dispatcher.start(rows, () -> {
                long now = System.nanoTime();
                metrics.stage("dispatch", now - writtenAt);
                metrics.signalReceivedToOrders(now - receivedNanos);
            }, metrics::legsAnswered);
            runnerOwnsIt = true;
            return runner.run(ex, legs, decided.hold(), decided.notional(), deliveryMicros);
        } finally {
            if (!runnerOwnsIt) {
                runner.ended(signal.symbol(), decided == null ? null : decided.hold(),
                        decided == null ? BigDecimal.ZERO : decided.notional());
            }
        }
    }

    /** A decision and, when it trades, the balances and notional it holds back from later decisions. */
    private record Decided(TradeDecision decision, AccountBook.Trade hold, BigDecimal notional) {
        static Decided refused(Refusal reason, String detail) {
            return new Decided(new TradeDecision.Refused(reason, detail), null, BigDecimal.ZERO);
        }
    }

    /**
     * The network reads come first (filters, usually cached; the account view when it is not current), then the
     * decision under the desk from memory. When an opening trade ended since the book total was read, the total is
     * read again outside the desk: the ended trade's notional left the running count and must be in the total.
     */
    private Decided decide(Signal signal, Desk.Claim claim, Ledger.Exposure exposure) {
        String symbol = signal.symbol();
        SymbolFilters spot;
        SymbolFilters perp;
        Optional<PairRecord> pair = exposure.pair();
        // Before any venue call: a symbol outside the universe, or not prepared yet, costs no filter read.
        Optional<Refusal> outside = universe.check(symbol,
                pair.map(p -> p.exposure().perpShort()).orElse(null), signal.targetBaseQty());
        if (outside.isPresent()) {
            return Decided.refused(outside.get(), universe.detail(symbol, outside.get()));
        }
        BigDecimal spotShare = null;
        try {
            spot = venue.filters(Venue.SPOT, symbol);
            perp = venue.filters(Venue.USDM, symbol);
            awaitAccount(symbol);
            if (pair.isPresent() && signal.targetBaseQty().compareTo(pair.get().perp().quantity()) < 0) {
                // Spot is going to be sold: the ledger first books what it could not see of the commission, and
                // the sale is sized on the pair's own share of the account (closed pairs' residue is not its own).
                spotShare = commission.sellable(pair.get(), account.availableNow(symbol).spotBaseFree());
                if (spotShare.compareTo(pair.get().spot().quantity()) < 0) {
                    pair = ledger.pair(pair.get().pairId());
                }
            }
        } catch (VenueUnavailableException e) {
            return Decided.refused(Refusal.VENUE_UNAVAILABLE, e.getMessage());
        }
        Optional<PairRecord> decidedPair = pair;
        BigDecimal ownSpot = spotShare;
        Desk.Claim mark = claim;
        BigDecimal total = exposure.totalNotional();
        for (int reread = 0; ; reread++) {
            boolean last = reread >= TOTAL_REREADS;
            BigDecimal bookTotal = total;
            Decided decided = desk.decide(mark, (running, tradeEnded, holdNotional) -> {
                if (tradeEnded && !last) {
                    return null;
                }
                BigDecimal current = tradeEnded ? ledger.totalActiveNotional() : bookTotal;
                marks.update(signal);
                TradingVenue.Balances balances;
                try {
                    balances = account.availableNow(symbol);
                } catch (VenueUnavailableException e) {
                    return Decided.refused(Refusal.VENUE_UNAVAILABLE, e.getMessage());
                }
                TradeDecision decision = rule.decide(facts(signal, decidedPair, current.add(running), spot, perp,
                        balances, ownSpot), ClientOrderIds.pairId(signal.signalId()));
                if (decision instanceof TradeDecision.Execute go) {
                    holdNotional.accept(go.notionalAdded());
                    return new Decided(go, account.tradeStarted(symbol, go.quoteHeld(), go.marginHeld()),
                            go.notionalAdded());
                }
                return new Decided(decision, null, BigDecimal.ZERO);
            });
            if (decided != null) {
                return decided;
            }
            mark = desk.mark(symbol);
            total = ledger.totalActiveNotional();
        }
    }

    /**
     * A current account view for the symbol, reading the account when there is none, within the decision's own
     * deadline: a read slower than that would decide on quotes older than the limit anyway. A late read is stored
     * when it arrives.
     */
    private void awaitAccount(String symbol) {
        if (account.current(symbol)) {
            return;
        }
        CompletableFuture<Void> read;
        try {
            read = CompletableFuture.runAsync(() -> account.ensureCurrent(symbol), reader);
        } catch (RejectedExecutionException e) {
            throw new VenueUnavailableException("stopping: no account read started");
        }
        try {
            read.get(accountReadDeadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new VenueUnavailableException("account read slower than " + accountReadDeadline.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof VenueUnavailableException unavailable ? unavailable
                    : new VenueUnavailableException("account read failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VenueUnavailableException("interrupted while reading the account");
        }
    }

    /** @param ownSpot the pair's share of the account's spot when it is to sell some, else null (all of it) */
    private TradeFacts facts(Signal s, Optional<PairRecord> pair, BigDecimal totalNotional, SymbolFilters spot,
                             SymbolFilters perp, TradingVenue.Balances b, BigDecimal ownSpot) {
        long quoteAgeMs = clock.millis() - Math.min(s.spot().receivedAtMicros(), s.perp().receivedAtMicros()) / 1000;
        return new TradeFacts(s.symbol(), s.targetBaseQty(), pair.map(PairRecord::pairId).orElse(null),
                pair.map(PairRecord::state).orElse(null), pair.map(PairRecord::exposure).orElse(HedgeBand.PairExposure.FLAT),
                pair.map(PairRecord::notional).orElse(BigDecimal.ZERO), spot, perp, holds.of(s.symbol()),
                s.spot().bidPrice(), s.spot().askPrice(), s.perp().bidPrice(), s.perp().askPrice(), quoteAgeMs,
                totalNotional, b.spotQuoteFree(), ownSpot == null ? b.spotBaseFree() : b.spotBaseFree().min(ownSpot),
                b.futuresAvailable(), b.futuresWallet(), leverage, ownPrices(s.symbol()));
    }

    /**
     * Execution's own view of the symbol on both venues, or null when either is missing: a memory read, taken at the
     * decision. A view that cannot be read counts as missing: growth is refused, a reduction goes on at the signal's
     * prices (a safety control never depends on it).
     */
    private OwnPrices ownPrices(String symbol) {
        try {
            VenuePrices.Top spot = prices.latest(symbol, Venue.SPOT);
            VenuePrices.Top perp = prices.latest(symbol, Venue.USDM);
            if (spot == null || perp == null) {
                return null;
            }
            long ageMs = clock.millis() - Math.min(spot.receivedAtMicros(), perp.receivedAtMicros()) / 1000;
            return new OwnPrices(spot.bid(), spot.ask(), perp.bid(), perp.ask(), ageMs);
        } catch (RuntimeException e) {
            log.warn("Own prices of {} unreadable, taken as missing: {}", symbol, e.toString());
            return null;
        }
    }

    private CompletableFuture<String> duplicate() {
        metrics.signal(Refusal.DUPLICATE.name());
        return CompletableFuture.completedFuture(Refusal.DUPLICATE.name());
    }

    private CompletableFuture<String> refused(Signal signal, TradeDecision.Refused refused, long deliveryMicros) {
        String code = refused.reason().name();
        if (!ledger.recordRefusal(signal, code, refused.detail())) {
            // Another delivery of this signal was recorded since the read: its outcome stands.
            log.info("Signal {} {}: recorded by another delivery since it was read; its {} not recorded",
                    signal.signalId(), signal.symbol(), code);
            return duplicate();
        }
        metrics.signal(code);
        if (ExecutionMetrics.REFUSAL_REASONS.contains(code)) {
            metrics.refusal(code);
        }
        log.info("Signal {} {}: {} {} (taken {} ms after it was decided)", signal.signalId(), signal.symbol(), code,
                refused.detail(), deliveryMicros / 1000);
        return CompletableFuture.completedFuture(code);
    }

    private long stage(String name, long startNanos) {
        long now = System.nanoTime();
        metrics.stage(name, now - startNanos);
        return now;
    }

    /** Waits for the running trades to end (a stop drains them); false if some still run after {@code timeout}. */
    public boolean awaitTrades(Duration timeout) {
        return desk.awaitTrades(timeout);
    }
}
