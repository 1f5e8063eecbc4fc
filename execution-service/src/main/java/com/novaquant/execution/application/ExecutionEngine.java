package com.novaquant.execution.application;

import com.novaquant.events.EpochMicros;
import com.novaquant.events.EventCodec;
import com.novaquant.events.FundingRate;
import com.novaquant.events.LegRiskEvent;
import com.novaquant.events.PairEvent;
import com.novaquant.events.Quote;
import com.novaquant.events.Severity;
import com.novaquant.events.Side;
import com.novaquant.events.Signal;
import com.novaquant.events.Topics;
import com.novaquant.events.Venue;
import com.novaquant.execution.domain.ClientOrderIds;
import com.novaquant.execution.domain.LegFailure;
import com.novaquant.execution.domain.LegOrder;
import com.novaquant.execution.domain.LegRiskDecision;
import com.novaquant.execution.domain.LegRiskPolicy;
import com.novaquant.execution.domain.LegState;
import com.novaquant.execution.domain.OrderPurpose;
import com.novaquant.execution.domain.OrderStatus;
import com.novaquant.execution.domain.PairSizing;
import com.novaquant.execution.domain.PairState;
import com.novaquant.execution.domain.PreTradeCheck;
import com.novaquant.execution.domain.PreTradeRequest;
import com.novaquant.execution.domain.SymbolFilters;
import com.novaquant.support.AlertPublisher;
import com.novaquant.support.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Turns targets into two-leg executions. Decisions are taken one at a time (the desk lock): claim, pre-trade check
 * and the write-ahead of both orders, so every decision starts from the ledger plus what the trades before it hold
 * back. The trades themselves run at once for different symbols, one at a time per symbol: a burst of signals over
 * many symbols is not queued behind each other's exchange round trips. Flatten, margin reductions, restart repairs
 * and reconciliation take the desk to themselves: no decision and no trade runs meanwhile.
 * <p>
 * An execution writes both orders to the ledger, sends both legs at once, then hands the fills to the
 * {@link LegRiskPolicy} until the legs are equal again (re-hedge, or unwind and halt). The state of an execution is
 * always re-read from the ledger, so a restarted instance continues an interrupted one with the same code
 * ({@link #repair}).
 */
public class ExecutionEngine {

    private static final Logger log = LoggerFactory.getLogger(ExecutionEngine.class);

    private final TradingVenue venue;
    private final AccountBook account;
    private final Ledger ledger;
    private final OrderSender sender;
    private final LegRiskPolicy policy;
    private final PreTradeCheck preTrade;
    private final KillSwitch killSwitch;
    private final TradingGate gate;
    private final Marks marks;
    private final EventPublisher events;
    private final AlertPublisher alerts;
    private final ExecutionMetrics metrics;
    private final ExecutionProperties properties;
    private final ExecutorService legExecutor;
    private final Clock clock;
    private final ReentrantLock desk = new ReentrantLock();
    /** Signalled when a trade ends or exclusive work is done. */
    private final Condition deskChanged = desk.newCondition();
    /** Symbols with an execution under way, from the claim to the trade's end (guarded by the desk lock). */
    private final Set<String> running = new HashSet<>();
    /** Notional the running opening trades may add to the book (guarded by the desk lock). */
    private BigDecimal runningNotional = BigDecimal.ZERO;
    /** Callers waiting for the desk to themselves: new decisions wait behind them (guarded by the desk lock). */
    private int exclusiveWaiters;
    /** Opening trades ended so far: a claim that saw this change under it reads the total notional again (desk lock). */
    private long tradesEnded;

    public ExecutionEngine(TradingVenue venue, AccountBook account, Ledger ledger, OrderSender sender, LegRiskPolicy policy,
                           PreTradeCheck preTrade, KillSwitch killSwitch, TradingGate gate, Marks marks,
                           EventPublisher events, AlertPublisher alerts, ExecutionMetrics metrics,
                           ExecutionProperties properties, ExecutorService legExecutor, Clock clock) {
        this.venue = venue;
        this.account = account;
        this.ledger = ledger;
        this.sender = sender;
        this.policy = policy;
        this.preTrade = preTrade;
        this.killSwitch = killSwitch;
        this.gate = gate;
        this.marks = marks;
        this.events = events;
        this.alerts = alerts;
        this.metrics = metrics;
        this.properties = properties;
        this.legExecutor = legExecutor;
        this.clock = clock;
    }

    /** Largest target quantity stored at all: the ledger keeps 20 integer and 18 fractional digits. */
    private static final BigDecimal MAX_TARGET = new BigDecimal("1E+15");

    private static boolean plausible(BigDecimal target) {
        return target != null && target.abs().compareTo(MAX_TARGET) < 0 && target.scale() <= 18;
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
     * Decides on one signal and, when it trades, starts the trade without waiting for it. Returns once the
     * decision and the write-ahead are durable (so the consumer may commit the signal's offset: a crash from here
     * on is finished by reconciliation); the future completes with the outcome code.
     * <p>
     * Signals of different symbols may be submitted from different threads at once: their claims and write-aheads
     * (the database round trips) overlap, and only the decision itself, in memory, is taken under the desk lock. A
     * burst of signals over many symbols (a funding update moves them all) then costs about one decision's round
     * trips instead of one per signal. A symbol is taken from its claim to the end of its trade, so its own
     * signals are decided one at a time, in order.
     */
    public CompletableFuture<String> submit(Signal signal) {
        long receivedNanos = System.nanoTime();
        if (signal.expiredAt(clock.millis())) {
            metrics.signal("EXPIRED");
            return CompletableFuture.completedFuture("EXPIRED");
        }
        if (!plausible(signal.targetBaseQty())) {
            // Beyond any exchange's quantity limits (and the ledger's columns): refused before it is even recorded.
            metrics.signal("BAD_TARGET");
            log.warn("Signal {} refused: implausible target {}", signal.signalId(), signal.targetBaseQty());
            return CompletableFuture.completedFuture("BAD_TARGET");
        }
        long deliveryMicros = EpochMicros.now(clock) - signal.decidedAtMicros();
        metrics.stage("delivery", deliveryMicros * 1000);
        String symbol = signal.symbol();
        long endedBeforeClaim;
        desk.lock();
        try {
            // One execution per symbol at a time, and none while the desk is wanted exclusively.
            while (exclusiveWaiters > 0 || running.contains(symbol)) {
                deskChanged.awaitUninterruptibly();
            }
            running.add(symbol);
            endedBeforeClaim = tradesEnded;
        } finally {
            desk.unlock();
        }
        long stageStart = System.nanoTime();
        metrics.stage("wait", stageStart - receivedNanos);
        AccountBook.Trade hold = null;
        BigDecimal notional = BigDecimal.ZERO;
        boolean trading = false;
        try {
            Optional<Ledger.Exposure> claimed = ledger.claimSignal(signal);
            stageStart = stage("claim", stageStart);
            if (claimed.isEmpty()) {
                metrics.signal("DUPLICATE");
                return CompletableFuture.completedFuture("DUPLICATE");
            }
            Decision decision;
            desk.lock();
            try {
                Ledger.Exposure exposure = claimed.get();
                if (tradesEnded != endedBeforeClaim) {
                    // A trade ended while the claim read the book: its notional may have left the running count
                    // after the claim's read, so read the total again (the desk lock keeps the next end out).
                    exposure = new Ledger.Exposure(exposure.pair(), ledger.totalActiveNotional());
                }
                marks.update(signal);
                try {
                    decision = decide(signal, exposure);
                } catch (VenueUnavailableException e) {
                    log.warn("Signal {} not executed: venue unavailable: {}", signal.signalId(), e.getMessage());
                    decision = Decision.refused("VENUE_UNAVAILABLE", e.getMessage());
                }
                if (decision.execution() != null) {
                    // Held back from every later decision from here on, before the lock is let go.
                    hold = account.tradeStarted(symbol, decision.quoteHeld(), decision.marginHeld());
                    notional = decision.notionalAdded();
                    runningNotional = runningNotional.add(notional);
                }
            } finally {
                desk.unlock();
            }
            stageStart = stage("decide", stageStart);
            if (decision.execution() == null) {
                ledger.completeSignal(signal.signalId(), decision.code(), decision.detail());
                metrics.signal(decision.code());
                log.info("Signal {} {}: {} (taken {} ms after it was decided, done {} ms after)", signal.signalId(),
                        symbol, decision.code(), deliveryMicros / 1000, (EpochMicros.now(clock) - signal.decidedAtMicros()) / 1000);
                return CompletableFuture.completedFuture(decision.code());
            }
            Execution ex = decision.execution();
            List<OrderRecord> rows = writeAhead(ex);
            long written = stage("write_ahead", stageStart);
            // The legs leave from this thread: nothing but the two sends stands between the write-ahead and the
            // venue; the settling of the answers runs on a thread of its own.
            Legs legs = startLegs(rows, () -> {
                long now = System.nanoTime();
                metrics.stage("dispatch", now - written);
                metrics.signalReceivedToOrders(now - receivedNanos);
            });
            CompletableFuture<String> outcome = new CompletableFuture<>();
            AccountBook.Trade tradeHold = hold;
            BigDecimal tradeNotional = notional;
            trading = true;
            try {
                legExecutor.execute(() -> runTrade(ex, legs, tradeHold, tradeNotional, deliveryMicros, outcome));
            } catch (RejectedExecutionException e) {
                // Shutting down with both legs out: settle them here rather than leave them unanswered.
                runTrade(ex, legs, tradeHold, tradeNotional, deliveryMicros, outcome);
            }
            return outcome;
        } finally {
            if (!trading) {
                tradeEnded(symbol, hold, notional);
            }
        }
    }

    private long stage(String name, long startNanos) {
        long now = System.nanoTime();
        metrics.stage(name, now - startNanos);
        return now;
    }

    /** Runs a started trade to its end, off the desk lock: answers, leg risk, the signal's outcome. */
    private void runTrade(Execution ex, Legs legs, AccountBook.Trade hold, BigDecimal notional, long deliveryMicros,
                          CompletableFuture<String> outcome) {
        String code = null;
        RuntimeException failure = null;
        try {
            try {
                code = settleLegs(ex, legs);
                ledger.completeSignal(ex.signalId(), code, null);
                log.info("Signal {} {}: {} (taken {} ms after it was decided, orders sent {} ms after)", ex.signalId(),
                        ex.symbol(), code, deliveryMicros / 1000, (EpochMicros.of(legs.startedAt()) - ex.signalDecidedAtMicros()) / 1000);
            } catch (VenueUnavailableException e) {
                code = "VENUE_UNAVAILABLE";
                log.warn("Signal {} not executed: venue unavailable: {}", ex.signalId(), e.getMessage());
                ledger.completeSignal(ex.signalId(), code, e.getMessage());
            }
            metrics.signal(code);
        } catch (RuntimeException e) {
            // The pair stays OPENING/CLOSING and its signal in progress: reconciliation finishes it.
            failure = e;
        } finally {
            tradeEnded(ex.symbol(), hold, notional);
        }
        if (failure != null) {
            outcome.completeExceptionally(failure);
        } else {
            outcome.complete(code);
        }
    }

    /**
     * An execution is over (or never traded): its symbol is free, its notional no longer counted, its hold (if it
     * took one) released.
     */
    private void tradeEnded(String symbol, AccountBook.Trade hold, BigDecimal notional) {
        if (hold != null) {
            account.tradeFinished(hold);
        }
        desk.lock();
        try {
            running.remove(symbol);
            if (notional.signum() != 0) {
                runningNotional = runningNotional.subtract(notional);
                tradesEnded++;
            }
            deskChanged.signalAll();
        } finally {
            desk.unlock();
        }
    }

    /**
     * Waits for the running trades to end (a stop drains them rather than leaving a leg out); returns false if some
     * still run after {@code timeout}.
     */
    public boolean awaitTrades(Duration timeout) {
        long left = timeout.toNanos();
        desk.lock();
        try {
            while (!running.isEmpty() && left > 0) {
                try {
                    left = deskChanged.awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return running.isEmpty();
        } finally {
            desk.unlock();
        }
    }

    /** Takes the desk to itself: waits for the running trades and holds new decisions back until released. */
    private void lockExclusively() {
        desk.lock();
        exclusiveWaiters++;
        try {
            while (!running.isEmpty()) {
                deskChanged.awaitUninterruptibly();
            }
        } finally {
            exclusiveWaiters--;
        }
    }

    private void unlockExclusively() {
        deskChanged.signalAll();
        desk.unlock();
    }

    /**
     * Everything here is read from memory or from the claim's round trip, except the balances when the account view
     * is not current ({@link AccountBook}): nothing else stands between a signal and its orders.
     */
    private Decision decide(Signal signal, Ledger.Exposure exposure) {
        if (gate.held()) {
            return Decision.refused("TRADING_HELD", gate.reason());
        }
        Optional<PairRecord> pair = exposure.pair();
        if (pair.isPresent() && (pair.get().state() == PairState.BROKEN || !pair.get().balanced())) {
            return Decision.refused("PAIR_BROKEN", "pair " + pair.get().pairId() + " is not balanced");
        }
        BigDecimal current = pair.map(p -> p.perp().quantity()).orElse(BigDecimal.ZERO);
        BigDecimal delta = signal.targetBaseQty().subtract(current);
        if (signal.targetBaseQty().signum() < 0) {
            return Decision.refused("BAD_TARGET", "negative target " + signal.targetBaseQty());
        }
        SymbolFilters spotFilters = venue.filters(Venue.SPOT, signal.symbol());
        SymbolFilters perpFilters = venue.filters(Venue.USDM, signal.symbol());
        BigDecimal quantity = PairSizing.common(delta, spotFilters, perpFilters);
        if (quantity.signum() == 0) {
            return Decision.refused("NO_CHANGE", "target " + signal.targetBaseQty() + " vs position " + current);
        }
        boolean growing = delta.signum() > 0;
        if (growing && killSwitch.engaged()) {
            metrics.refusal("KILL_SWITCH");
            return Decision.refused("KILL_SWITCH", killSwitch.current().reason());
        }
        BigDecimal spotPrice = growing ? signal.spot().askPrice() : signal.spot().bidPrice();
        BigDecimal perpPrice = growing ? signal.perp().bidPrice() : signal.perp().askPrice();
        long quoteAgeMs = clock.millis() - Math.min(signal.spot().receivedAtMicros(), signal.perp().receivedAtMicros()) / 1000;
        TradingVenue.Balances balances = account.balances(signal.symbol());
        PreTradeRequest request = new PreTradeRequest(growing, quantity, spotPrice, perpPrice, quoteAgeMs,
                pair.map(PairRecord::notional).orElse(BigDecimal.ZERO), exposure.totalNotional().add(runningNotional),
                balances.spotQuoteFree(),
                balances.spotBaseFree(), balances.futuresAvailable(), balances.futuresWallet(), properties.perpLeverage());
        Optional<PreTradeCheck.Refusal> refusal = preTrade.check(request, spotFilters, perpFilters);
        if (refusal.isPresent()) {
            metrics.refusal(refusal.get().code());
            log.info("Signal {} refused: {}", signal.signalId(), refusal.get().text());
            return Decision.refused(refusal.get().code(), refusal.get().text());
        }
        String pairId = pair.map(PairRecord::pairId).orElse(ClientOrderIds.pairId(signal.signalId()));
        BigDecimal spotQuantity = !growing && pair.isPresent() && quantity.compareTo(current) == 0
                ? spotFilters.roundDown(pair.get().spot().quantity().min(balances.spotBaseFree())) : quantity;
        Execution execution = new Execution(pairId, signal.signalId(), signal.symbol(), spotQuantity, quantity, growing,
                signal.tickReceivedAtMicros(), signal.decidedAtMicros());
        if (!growing) {
            // A close spends nothing the other trades could want; what it frees is counted once a read shows it.
            return Decision.execute(execution, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        }
        BigDecimal notional = quantity.multiply(perpPrice);
        return Decision.execute(execution, PreTradeCheck.spotCost(quantity, spotPrice),
                PreTradeCheck.margin(notional, properties.perpLeverage()), notional);
    }

    /**
     * Closes every active pair, both legs together, after engaging the kill switch. A broken pair is first repaired
     * (legs made equal), then closed.
     */
    public int flatten(String reason, String by) {
        killSwitch.engage("flatten: " + reason, by);
        lockExclusively();
        try {
            int closed = 0;
            for (PairRecord pair : ledger.activePairs()) {
                if (!pair.balanced()) {
                    repairLocked(pair);
                }
                PairRecord current = ledger.pair(pair.pairId()).orElseThrow();
                if (current.perp().quantity().signum() > 0 && current.balanced()) {
                    reduceLocked(current, current.perp().quantity(), "flatten");
                    closed++;
                }
            }
            return closed;
        } finally {
            unlockExclusively();
        }
    }

    /** Closes {@code quantity} of a pair on both legs at once (margin watch, flatten). */
    public void reduce(PairRecord pair, BigDecimal quantity, String why) {
        lockExclusively();
        try {
            reduceLocked(pair, quantity, why);
        } finally {
            unlockExclusively();
        }
    }

    private void reduceLocked(PairRecord pair, BigDecimal quantity, String why) {
        SymbolFilters spotFilters = venue.filters(Venue.SPOT, pair.symbol());
        SymbolFilters perpFilters = venue.filters(Venue.USDM, pair.symbol());
        BigDecimal rounded = PairSizing.common(quantity.min(pair.perp().quantity()), spotFilters, perpFilters);
        if (rounded.signum() == 0) {
            return;
        }
        long now = EpochMicros.now(clock);
        String signalId = why + "-" + pair.pairId() + "-" + now;
        BigDecimal spotQuantity = rounded.compareTo(pair.perp().quantity()) == 0
                ? spotFilters.roundDown(pair.spot().quantity().min(venue.balances(pair.symbol()).spotBaseFree())) : rounded;
        AccountBook.Trade hold = account.tradeStarted(pair.symbol(), BigDecimal.ZERO, BigDecimal.ZERO);
        try {
            Execution ex = new Execution(pair.pairId(), signalId, pair.symbol(), spotQuantity, rounded, false, now, now);
            trade(ex, writeAhead(ex), () -> { });
        } finally {
            account.tradeFinished(hold);
        }
    }

    /**
     * Continues an execution interrupted by a restart: its orders were resolved by reconciliation; if its legs
     * are unequal the leg-risk policy takes over exactly as if the execution had never stopped.
     */
    public void repair(PairRecord pair) {
        lockExclusively();
        try {
            repairLocked(pair);
        } finally {
            unlockExclusively();
        }
    }

    private void repairLocked(PairRecord pair) {
        List<OrderRecord> orders = ledger.ordersOfSignal(pair.lastSignalId());
        Optional<OrderRecord> main = orders.stream()
                .filter(o -> o.purpose() == OrderPurpose.OPEN || o.purpose() == OrderPurpose.CLOSE).findFirst();
        if (main.isEmpty()) {
            return;
        }
        boolean growing = main.get().purpose() == OrderPurpose.OPEN;
        OrderRecord first = main.get();
        BigDecimal spotQuantity = plannedQuantity(orders, Venue.SPOT, first.quantity());
        BigDecimal perpQuantity = plannedQuantity(orders, Venue.USDM, first.quantity());
        Execution execution = new Execution(pair.pairId(), pair.lastSignalId(), pair.symbol(), spotQuantity,
                perpQuantity, growing, first.tickReceivedAtMicros(), first.signalDecidedAtMicros());
        log.warn("Repairing pair {} after restart (signal {})", pair.pairId(), pair.lastSignalId());
        // A pair still OPENING or CLOSING is an execution a crash interrupted: its signal is finished here too.
        boolean interrupted = pair.state() == PairState.OPENING || pair.state() == PairState.CLOSING;
        AccountBook.Trade hold = account.tradeStarted(pair.symbol(), BigDecimal.ZERO, BigDecimal.ZERO);
        try {
            String outcome = settle(execution, first.createdAt(), System.nanoTime());
            if (interrupted) {
                ledger.completeSignal(pair.lastSignalId(), outcome, "completed after a restart");
                metrics.signal(outcome);
            }
        } finally {
            account.tradeFinished(hold);
        }
    }

    private static BigDecimal plannedQuantity(List<OrderRecord> orders, Venue venue, BigDecimal fallback) {
        return orders.stream().filter(o -> o.venue() == venue
                        && (o.purpose() == OrderPurpose.OPEN || o.purpose() == OrderPurpose.CLOSE))
                .map(OrderRecord::quantity).findFirst().orElse(fallback);
    }

    /** Writes the pair and both orders in one atomic step; returns the rows [spot, perp] to send. */
    private List<OrderRecord> writeAhead(Execution ex) {
        List<OrderRecord> rows = legRows(ex);
        // Both written before either is sent: a crash between the two sends leaves a NEW row to resolve, not a hole.
        PairRecord pair = ledger.beginExecution(ex.pairId(), ex.symbol(), ex.signalId(), ex.growing(), rows);
        publishPair(pair, ex.signalId());
        return rows;
    }

    /** The two orders [spot, perp] of an execution, as the ledger will hold them (state NEW). */
    private List<OrderRecord> legRows(Execution ex) {
        Side spotSide = ex.growing() ? Side.BUY : Side.SELL;
        OrderPurpose purpose = ex.growing() ? OrderPurpose.OPEN : OrderPurpose.CLOSE;
        LegOrder spot = new LegOrder(ClientOrderIds.of(ex.signalId(), Venue.SPOT, purpose, 0), ex.symbol(), Venue.SPOT,
                spotSide, ex.spotQuantity(), false, purpose);
        LegOrder perp = new LegOrder(ClientOrderIds.of(ex.signalId(), Venue.USDM, purpose, 0), ex.symbol(), Venue.USDM,
                spotSide.opposite(), ex.perpQuantity(), !ex.growing(), purpose);
        return List.of(record(spot, ex), record(perp, ex));
    }

    /**
     * Sends both written legs at once and settles the execution.
     *
     * @param bothHandedOver run once both orders are handed to the venue
     */
    private String trade(Execution ex, List<OrderRecord> rows, Runnable bothHandedOver) {
        return settleLegs(ex, startLegs(rows, bothHandedOver));
    }

    /** Both legs of an execution on their way: when they were started, and their answers to come. */
    private record Legs(Instant startedAt, long startNanos, CompletableFuture<LegResult> spot,
                        CompletableFuture<LegResult> perp) {
    }

    /** Hands both written legs [spot, perp] to their own threads at once. */
    private Legs startLegs(List<OrderRecord> rows, Runnable bothHandedOver) {
        Instant startedAt = clock.instant();
        AtomicInteger notYetHandedOver = new AtomicInteger(2);
        Runnable handedOver = () -> {
            if (notYetHandedOver.decrementAndGet() == 0) {
                bothHandedOver.run();
            }
        };
        long start = System.nanoTime();
        return new Legs(startedAt, start, startLeg(rows.get(0), handedOver), startLeg(rows.get(1), handedOver));
    }

    private CompletableFuture<LegResult> startLeg(OrderRecord row, Runnable handedOver) {
        try {
            return CompletableFuture.supplyAsync(() -> sender.send(row, handedOver), legExecutor);
        } catch (RejectedExecutionException e) {
            // Shutting down after the write-ahead: send from here rather than leave one leg out.
            return CompletableFuture.completedFuture(sender.send(row, handedOver));
        }
    }

    /** Waits for both legs' answers, then settles the execution. */
    private String settleLegs(Execution ex, Legs legs) {
        CompletableFuture.allOf(legs.spot(), legs.perp()).exceptionally(e -> null).join();
        return settle(ex, legs.startedAt(), legs.startNanos());
    }

    /**
     * Runs the leg-risk policy until the legs are equal or the episode halts. If the exchange stops answering in
     * the middle, the pair is marked BROKEN and trading held: reconciliation continues the episode when it answers.
     */
    private String settle(Execution ex, Instant startedAt, long startNanos) {
        try {
            return settleLoop(ex, startedAt, startNanos);
        } catch (VenueUnavailableException e) {
            killSwitch.engage("LEG_RISK " + ex.symbol() + ": exchange unavailable during execution", "execution-service");
            return unresolved(ex, null, null, BigDecimal.ZERO, "exchange unavailable: " + e.getMessage(), startedAt);
        }
    }

    private String settleLoop(Execution ex, Instant startedAt, long startNanos) {
        boolean episode = false;
        boolean unwinding = false;
        boolean forceUnwind = false;
        String description = null;
        List<OrderRecord> orders = ordersOf(ex.signalId());
        LegState[] legs = legStates(ex, orders);
        Venue firstFilled = null;
        Venue firstFailed = null;
        BigDecimal nakedQty = BigDecimal.ZERO;
        int unwinds = 0;
        while (true) {
            int rehedges = unwinding || forceUnwind ? Integer.MAX_VALUE
                    : (int) orders.stream().filter(o -> o.purpose() == OrderPurpose.REHEDGE).count();
            Duration nakedFor = Duration.between(startedAt, clock.instant());
            LegRiskDecision decision = policy.decide(legs[0], legs[1], rehedges, nakedFor, dust(ex));
            switch (decision) {
                case LegRiskDecision.Balanced ignored -> {
                    return finish(ex, episode, unwinding, description, firstFilled, firstFailed, nakedQty, startedAt, startNanos);
                }
                case LegRiskDecision.Rehedge rehedge -> {
                    if (!episode) {
                        episode = true;
                        description = rehedge.description();
                        firstFilled = rehedge.venue() == Venue.SPOT ? Venue.USDM : Venue.SPOT;
                        firstFailed = rehedge.venue();
                        nakedQty = rehedge.quantity();
                        log.warn("{} (pair {})", rehedge.description(), ex.pairId());
                    }
                    if (!sendRepair(ex, rehedge.venue(), rehedge.side(), rehedge.quantity(), OrderPurpose.REHEDGE)) {
                        unwinding = false;
                        forceUnwind = true;
                    }
                }
                case LegRiskDecision.Unwind unwind -> {
                    if (!unwinding) {
                        unwinding = true;
                        if (!episode) {
                            firstFilled = unwind.venue();
                            firstFailed = unwind.venue() == Venue.SPOT ? Venue.USDM : Venue.SPOT;
                            nakedQty = unwind.quantity();
                        }
                        episode = true;
                        description = unwind.description();
                        log.error("{} (pair {})", description, ex.pairId());
                        killSwitch.engage("LEG_RISK " + ex.symbol() + ": " + description, "execution-service");
                        alerts.raise(Severity.CRITICAL, "LEG_RISK", description + " [" + ex.symbol() + " pair " + ex.pairId()
                                + ", naked " + unwind.quantity().toPlainString() + "]", "leg-risk-" + ex.pairId());
                    }
                    if (++unwinds > properties.unwindAttempts()) {
                        return unresolved(ex, firstFilled, firstFailed, nakedQty,
                                "unwind failed " + properties.unwindAttempts() + " times", startedAt);
                    }
                    sendRepair(ex, unwind.venue(), unwind.side(), unwind.quantity(), OrderPurpose.UNWIND);
                }
                case LegRiskDecision.Halt halt -> {
                    killSwitch.engage("LEG_RISK " + ex.symbol() + ": " + halt.description(), "execution-service");
                    alerts.raise(Severity.CRITICAL, "LEG_RISK", halt.description() + " [" + ex.symbol() + " pair "
                            + ex.pairId() + "]", "leg-risk-" + ex.pairId());
                    return unresolved(ex, firstFilled, firstFailed, nakedQty, halt.description(), startedAt);
                }
            }
            orders = ordersOf(ex.signalId());
            legs = legStates(ex, orders);
        }
    }

    /**
     * The imbalance that is no exposure: spot commission taken in the base asset (up to {@link PairRecord#FEE_DUST})
     * and, where spot trades finer than the perp, less than one spot step. Always below half a perp step, so a
     * real one-step imbalance is never ignored.
     */
    private BigDecimal dust(Execution ex) {
        BigDecimal spotStep = venue.filters(Venue.SPOT, ex.symbol()).stepSize();
        BigDecimal perpStep = venue.filters(Venue.USDM, ex.symbol()).stepSize();
        BigDecimal dust = ex.perpQuantity().multiply(PairRecord.FEE_DUST);
        if (spotStep.compareTo(perpStep) < 0) {
            dust = dust.max(spotStep);
        }
        return dust.min(perpStep.divide(BigDecimal.TWO));
    }

    /** Sends a re-hedge or unwind order; false when there is nothing that can be sent. */
    private boolean sendRepair(Execution ex, Venue legVenue, Side side, BigDecimal quantity, OrderPurpose purpose) {
        if (legVenue == Venue.SPOT && side == Side.SELL) {
            // Never sell more than the pair holds on spot (commission in the base asset left it a little short).
            BigDecimal held = venue.filters(Venue.SPOT, ex.symbol()).roundDown(ledger.pair(ex.pairId()).orElseThrow()
                    .spot().quantity().min(venue.balances(ex.symbol()).spotBaseFree()));
            quantity = quantity.min(held);
            if (quantity.signum() <= 0) {
                log.error("Pair {} holds no spot to sell for {}", ex.pairId(), purpose);
                return false;
            }
        } else {
            quantity = venue.filters(legVenue, ex.symbol()).roundDown(quantity);
            if (quantity.signum() <= 0) {
                log.error("Pair {}: {} of {} rounds to zero on {}", ex.pairId(), purpose, quantity, legVenue);
                return false;
            }
        }
        int attempt = count(ex.signalId(), purpose, legVenue) + 1;
        boolean reduceOnly = legVenue == Venue.USDM && side == Side.BUY;
        LegOrder order = new LegOrder(ClientOrderIds.of(ex.signalId(), legVenue, purpose, attempt), ex.symbol(),
                legVenue, side, quantity, reduceOnly, purpose);
        OrderRecord written = record(order, ex);
        ledger.recordNew(written);
        sender.send(written);
        return true;
    }

    private String finish(Execution ex, boolean episode, boolean unwound, String description, Venue filled,
                          Venue failed, BigDecimal nakedQty, Instant startedAt, long startNanos) {
        PairRecord pair = ledger.pair(ex.pairId()).orElseThrow();
        // What a close leaves on spot is commission residue, not a position: below one step it cannot be sold, and
        // up to the base-asset commission of the pair it is what the ledger could not know when the buy was resolved
        // by a query (an order query reports no commission), so the sell was capped at what the exchange held.
        BigDecimal spotLeft = pair.spot().quantity();
        boolean residue = spotLeft.compareTo(venue.filters(Venue.SPOT, ex.symbol()).stepSize()) < 0
                || spotLeft.compareTo(ex.perpQuantity().multiply(PairRecord.FEE_DUST)) <= 0;
        boolean flat = pair.perp().quantity().signum() == 0 && residue;
        PairState state = !flat ? PairState.OPEN : unwound ? PairState.UNWOUND : PairState.CLOSED;
        ledger.setPairState(ex.pairId(), state, ex.signalId());
        publishPair(ex.pairId(), ex.signalId());
        // Legs are equal again: a hold placed when this pair broke no longer applies.
        gate.lift("pair:" + ex.pairId());
        long nakedMs = Duration.between(startedAt, clock.instant()).toMillis();
        if (episode) {
            String resolution = unwound ? "UNWOUND" : "REHEDGED";
            metrics.legRisk(resolution, nakedMs);
            events.publish(Topics.EXEC_EVENTS, new LegRiskEvent(ex.pairId(), ex.symbol(), filled, failed, nakedQty,
                    resolution, description, nakedMs, EpochMicros.now(clock)));
            return unwound ? "UNWOUND" : "REHEDGED";
        }
        metrics.hedgeCompletion(System.nanoTime() - startNanos);
        boolean nothingFilled = ordersOf(ex.signalId()).stream().allMatch(o -> o.executedQty().signum() == 0);
        return nothingFilled ? "NOT_FILLED" : "FILLED";
    }

    private String unresolved(Execution ex, Venue filled, Venue failed, BigDecimal nakedQty, String why, Instant startedAt) {
        ledger.setPairState(ex.pairId(), PairState.BROKEN, ex.signalId());
        publishPair(ex.pairId(), ex.signalId());
        gate.hold("pair:" + ex.pairId(), "pair " + ex.pairId() + " unresolved: " + why);
        long nakedMs = Duration.between(startedAt, clock.instant()).toMillis();
        metrics.legRisk("UNRESOLVED", nakedMs);
        events.publish(Topics.EXEC_EVENTS, new LegRiskEvent(ex.pairId(), ex.symbol(), filled, failed, nakedQty,
                "UNRESOLVED", why, nakedMs, EpochMicros.now(clock)));
        alerts.raise(Severity.CRITICAL, "LEG_RISK", "LEG RISK UNRESOLVED on " + ex.symbol() + " pair " + ex.pairId()
                + ": " + why + ". System Halted.", "leg-risk-unresolved-" + ex.pairId());
        return "UNRESOLVED";
    }

    /**
     * [spot, perp] filled quantities of the execution in its own direction, and how the latest order of each ended.
     * The spot fill is counted on the perp's basis: a close that sells a holding smaller than the short by the
     * commission dust counts as complete when it sold all of it.
     */
    private LegState[] legStates(Execution ex, List<OrderRecord> orders) {
        Side spotSide = ex.growing() ? Side.BUY : Side.SELL;
        LegState spot = legState(orders, Venue.SPOT, spotSide);
        BigDecimal dust = ex.perpQuantity().subtract(ex.spotQuantity());
        if (dust.signum() > 0 && spot.filledQty().signum() > 0) {
            spot = new LegState(Venue.SPOT, spotSide, spot.filledQty().add(dust), spot.failure());
        }
        return new LegState[]{spot, legState(orders, Venue.USDM, spotSide.opposite())};
    }

    private static LegState legState(List<OrderRecord> orders, Venue venue, Side side) {
        BigDecimal filled = BigDecimal.ZERO;
        OrderRecord latest = null;
        for (OrderRecord o : orders) {
            if (o.venue() != venue) {
                continue;
            }
            filled = o.side() == side ? filled.add(o.executedQty()) : filled.subtract(o.executedQty());
            if (o.side() == side) {
                latest = o;
            }
        }
        return new LegState(venue, side, filled, latest == null ? LegFailure.NOT_SENT : failureOf(latest));
    }

    private static LegFailure failureOf(OrderRecord o) {
        return switch (o.status()) {
            case FILLED -> o.executedQty().compareTo(o.quantity()) >= 0 ? LegFailure.NONE : LegFailure.PARTIAL;
            case REJECTED -> o.retryable() ? LegFailure.REJECTED_RETRYABLE : LegFailure.REJECTED;
            case NOT_SENT -> LegFailure.NOT_SENT;
            case CANCELED, EXPIRED -> o.executedQty().signum() > 0 ? LegFailure.PARTIAL : LegFailure.TIMED_OUT;
            case NEW, SENT, UNKNOWN, ACCEPTED, PARTIALLY_FILLED -> LegFailure.UNRESOLVED;
        };
    }

    private List<OrderRecord> ordersOf(String signalId) {
        return ledger.ordersOfSignal(signalId).stream().sorted(Comparator.comparing(OrderRecord::createdAt)).toList();
    }

    private int count(String signalId, OrderPurpose purpose, Venue legVenue) {
        return (int) ledger.ordersOfSignal(signalId).stream()
                .filter(o -> o.purpose() == purpose && o.venue() == legVenue).count();
    }

    private OrderRecord record(LegOrder order, Execution ex) {
        return new OrderRecord(order.clientOrderId(), ex.pairId(), ex.signalId(), ex.symbol(), order.venue(),
                order.side(), order.quantity().stripTrailingZeros(), order.reduceOnly(), order.purpose(), OrderStatus.NEW, 0,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, "", 0, null, false, ex.tickReceivedAtMicros(),
                ex.signalDecidedAtMicros(), clock.instant());
    }

    private void publishPair(String pairId, String signalId) {
        ledger.pair(pairId).ifPresent(p -> publishPair(p, signalId));
    }

    private void publishPair(PairRecord p, String signalId) {
        events.publish(Topics.EXEC_EVENTS, pairEvent(p, signalId));
    }

    private PairEvent pairEvent(PairRecord p, String signalId) {
        return new PairEvent(p.pairId(), p.symbol(), p.state().name(), p.spot().quantity(), p.perp().quantity(),
                signalId, EpochMicros.now(clock));
    }

    /** Runs work with the desk to itself: no execution runs meanwhile (reconciliation). */
    public <T> T exclusively(java.util.function.Supplier<T> work) {
        lockExclusively();
        try {
            return work.get();
        } finally {
            unlockExclusively();
        }
    }

    /** The made-up symbol of the start-up rehearsal: no exchange lists it, no pair of the ledger has it. */
    public static final String REHEARSAL_SYMBOL = "NOVAREHEARSALUSDT";

    /**
     * Rehearses the decision path on made-up data, leaving nothing behind: the signal's decoding, sizing and the
     * pre-trade check, the order and pair events' encoding, and the claim, write-ahead and completion statements in a
     * ledger transaction that is rolled back. Execution sees a signal or two a second, far too few for the JIT to
     * compile that code before the first burst: measured in the desk benchmark, the first decisions of a cold
     * instance took several times longer (claim, decide and write-ahead stages). Nothing is sent, published or
     * counted.
     *
     * @return how long the rehearsal took
     */
    public Duration rehearse(int rounds) {
        long start = System.nanoTime();
        SymbolFilters filters = new SymbolFilters(new BigDecimal("0.001"), new BigDecimal("0.001"),
                new BigDecimal("1000"), new BigDecimal("5"));
        BigDecimal ask = new BigDecimal("100000.10");
        BigDecimal bid = new BigDecimal("100000.00");
        BigDecimal plenty = new BigDecimal("1000000");
        for (int round = 0; round < rounds; round++) {
            long now = EpochMicros.now(clock);
            Quote spot = new Quote(REHEARSAL_SYMBOL, Venue.SPOT, bid,
                    BigDecimal.ONE, ask, BigDecimal.ONE, round, 0, now);
            Quote perp = new Quote(REHEARSAL_SYMBOL, Venue.USDM, bid,
                    BigDecimal.ONE, ask, BigDecimal.ONE, round, now / 1000, now);
            FundingRate funding = new FundingRate(REHEARSAL_SYMBOL, bid, bid,
                    new BigDecimal("0.0003"), now / 1000 + 3_600_000, now / 1000, now);
            Signal made = new Signal("rehearsal-" + Long.toString(now, 36) + "-" + round, REHEARSAL_SYMBOL,
                    new BigDecimal("0.01000000"), new BigDecimal("1000.00"), Signal.Reason.CARRY_ABOVE_ENTRY, 0.2,
                    spot, perp, funding, now, now / 1000 + 5_000);
            Signal signal = EventCodec.decode(EventCodec.encode(made), Signal.class);
            BigDecimal quantity = PairSizing.common(signal.targetBaseQty(), filters, filters);
            preTrade.check(new PreTradeRequest(true, quantity, signal.spot().askPrice(), signal.perp().bidPrice(), 0,
                    BigDecimal.ZERO, BigDecimal.ZERO, plenty, BigDecimal.ZERO, plenty, plenty, properties.perpLeverage()),
                    filters, filters);
            Execution ex = new Execution(ClientOrderIds.pairId(signal.signalId()), signal.signalId(), signal.symbol(),
                    quantity, quantity, true, signal.tickReceivedAtMicros(), signal.decidedAtMicros());
            List<OrderRecord> rows = legRows(ex);
            for (OrderRecord row : rows) {
                EventCodec.encode(OrderSender.orderEvent(row, OrderStatus.SENT.name(), now));
            }
            ledger.rehearse(() -> {
                ledger.claimSignal(signal);
                PairRecord pair = ledger.beginExecution(ex.pairId(), ex.symbol(), ex.signalId(), true, rows);
                EventCodec.encode(pairEvent(pair, ex.signalId()));
                ledger.completeSignal(ex.signalId(), "FILLED", null);
            });
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Hedged notional of active pairs at entry, USDT (a gauge). */
    public double openNotional() {
        return ledger.activePairs().stream().map(PairRecord::notional).reduce(BigDecimal.ZERO, BigDecimal::add)
                .round(MathContext.DECIMAL64).doubleValue();
    }

    /** Pairs in state OPEN in the ledger (a gauge). */
    public long openPairs() {
        return ledger.activePairs().stream().filter(p -> p.state() == PairState.OPEN).count();
    }

    /** One two-leg execution: the same base quantity on both legs, opening (growing) or closing. */
    /**
     * @param spotQuantity the spot leg's quantity: equal to the perp's, except when a close sells the whole spot
     *                     holding, which commission paid in the base asset left slightly smaller
     */
    record Execution(String pairId, String signalId, String symbol, BigDecimal spotQuantity, BigDecimal perpQuantity,
                     boolean growing, long tickReceivedAtMicros, long signalDecidedAtMicros) {
    }

    /**
     * @param quoteHeld     spot quote the trade may spend, held back from later decisions until a read shows it
     * @param marginHeld    futures margin it may take, likewise
     * @param notionalAdded notional it may add to the book, counted by later decisions while it runs
     */
    private record Decision(String code, String detail, Execution execution, BigDecimal quoteHeld,
                            BigDecimal marginHeld, BigDecimal notionalAdded) {
        static Decision refused(String code, String detail) {
            return new Decision(code, detail, null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        }

        static Decision execute(Execution execution, BigDecimal quoteHeld, BigDecimal marginHeld, BigDecimal notionalAdded) {
            return new Decision("EXECUTE", null, execution, quoteHeld, marginHeld, notionalAdded);
        }
    }
}
