package com.novaquant.execution.application;

import com.novaquant.events.EpochMicros;
import com.novaquant.events.Venue;
import com.novaquant.execution.domain.HedgeBand;
import com.novaquant.execution.domain.OrderPurpose;
import com.novaquant.execution.domain.PairSizing;
import com.novaquant.execution.domain.PairState;
import com.novaquant.execution.domain.SymbolFilters;
import com.novaquant.ids.PairId;
import com.novaquant.ids.SignalId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What acts on the book outside the signal flow, each with the desk to itself: flatten (kill switch, then every pair
 * closed on both legs together), reduce (margin watch), repair (an execution a restart or an outage interrupted, or a
 * short the exchange closed). Every decision is taken on the pair as the ledger holds it under the desk, never on a
 * snapshot read before.
 */
public class OperatorActions {

    private static final Logger log = LoggerFactory.getLogger(OperatorActions.class);

    private final Desk desk;
    private final Ledger ledger;
    private final TradingVenue venue;
    private final AccountBook account;
    private final LegDispatcher dispatcher;
    private final LegRiskSettlement settlement;
    private final KillSwitch killSwitch;
    private final CutShortTrades cutShort;
    private final UnbookedCommission commission;
    private final ExecutionMetrics metrics;
    private final Clock clock;
    /** Tells apart the executions this class starts within one microsecond (their ids derive from the name). */
    private final AtomicLong sequence = new AtomicLong();

    OperatorActions(Desk desk, Ledger ledger, TradingVenue venue, AccountBook account, LegDispatcher dispatcher,
                    LegRiskSettlement settlement, KillSwitch killSwitch, CutShortTrades cutShort,
                    UnbookedCommission commission, ExecutionMetrics metrics, Clock clock) {
        this.desk = desk;
        this.ledger = ledger;
        this.venue = venue;
        this.account = account;
        this.dispatcher = dispatcher;
        this.settlement = settlement;
        this.killSwitch = killSwitch;
        this.cutShort = cutShort;
        this.commission = commission;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Engages the kill switch, then closes every active pair, repairing a broken one first. */
    public int flatten(String reason, String by) {
        killSwitch.engage("flatten: " + reason, by);
        return desk.exclusively(() -> {
            int closed = 0;
            for (PairRecord pair : ledger.activePairs()) {
                HedgeBand band = band(pair.symbol());
                if (needsRepair(pair, band)) {
                    repairLocked(pair);
                }
                PairRecord current = ledger.pair(pair.pairId()).orElseThrow();
                if (current.state() == PairState.BROKEN) {
                    // Its orders are not all known: closing what the ledger shows could leave what they filled.
                    log.error("Flatten: pair {} is still broken after repair; left for reconciliation", pair.pairId());
                } else if (current.state().active() && current.perp().quantity().signum() > 0
                        && current.hedged(band)) {
                    reduceLocked(current, current.perp().quantity(), "flatten");
                    closed++;
                }
            }
            return closed;
        });
    }

    /**
     * Closes {@code fraction} of a pair on both legs at once (margin watch). Decided under the desk on the pair as it
     * is then: a pair closed or broken meanwhile is left alone.
     */
    public void reduce(PairId pairId, BigDecimal fraction, String why) {
        desk.exclusively(() -> {
            Optional<PairRecord> pair = ledger.pair(pairId);
            if (pair.isEmpty() || pair.get().state() != PairState.OPEN
                    || !pair.get().hedged(band(pair.get().symbol())) || pair.get().perp().quantity().signum() == 0) {
                log.info("Pair {} not reduced ({}): {}", pairId, why, pair.map(p -> p.state().name()).orElse("gone"));
                return;
            }
            reduceLocked(pair.get(), pair.get().perp().quantity().multiply(fraction), why);
        });
    }

    /** Whether a pair needs repair: outside its band, broken, or an execution interrupted. */
    public boolean needsRepair(PairRecord pair, HedgeBand band) {
        return !pair.hedged(band) || pair.state() == PairState.BROKEN || pair.state().executing();
    }

    UnbookedCommission commission() {
        return commission;
    }

    public HedgeBand band(String symbol) {
        return HedgeBand.of(venue.filters(Venue.SPOT, symbol), venue.filters(Venue.USDM, symbol));
    }

    /** Continues an interrupted execution where it stopped (see {@link #repairLocked}). */
    public String repair(PairRecord pair) {
        return desk.exclusively(() -> repairLocked(pair));
    }

    private void reduceLocked(PairRecord pair, BigDecimal quantity, String why) {
        SymbolFilters spotFilters = venue.filters(Venue.SPOT, pair.symbol());
        SymbolFilters perpFilters = venue.filters(Venue.USDM, pair.symbol());
        BigDecimal rounded = PairSizing.common(quantity.min(pair.perp().quantity()), spotFilters, perpFilters);
        if (rounded.signum() == 0) {
            return;
        }
        boolean closesAll = rounded.compareTo(pair.perp().quantity()) == 0;
        // Spot is about to be sold: first book what the ledger could not see of its commission.
        BigDecimal free = venue.balances(pair.symbol()).spotBaseFree();
        BigDecimal sellable = commission.sellable(pair, free);
        BigDecimal spotQuantity = closesAll ? spotFilters.roundDown(sellable) : rounded;
        if (spotQuantity.signum() == 0) {
            log.warn("Pair {} holds no spot to sell for {}", pair.pairId(), why);
            return;
        }
        long now = EpochMicros.now(clock);
        Execution ex = new Execution(pair.pairId(), executionId(why, pair, now), pair.symbol(), spotQuantity, rounded,
                false, closesAll, now, now);
        // No signal to claim: the write-ahead is the pair and both orders, one commit as for a signal's trade.
        List<OrderRecord> rows = dispatcher.writeAhead(ex);
        AccountBook.Trade hold = account.tradeStarted(pair.symbol(), BigDecimal.ZERO, BigDecimal.ZERO);
        try {
            LegDispatcher.Legs legs = dispatcher.start(rows, () -> { });
            legs.await();
            settlement.settle(ex, legs.startedAt(), legs.startNanos());
        } catch (RuntimeException e) {
            cutShort.cutShort(ex, e);
            throw e;
        } finally {
            account.tradeFinished(hold);
        }
    }

    /**
     * Continues the pair's last execution with the leg-risk policy, exactly as if it had never stopped, except that
     * its re-hedge window counts from now: a restart must not spend the window on its own downtime and unwind a
     * hedge it could still complete. A pair without an execution to continue is settled as a shrinking one.
     */
    String repairLocked(PairRecord pair) {
        List<OrderRecord> orders = ledger.ordersOfSignal(pair.lastSignalId());
        Optional<OrderRecord> main = orders.stream()
                .filter(o -> o.purpose() == OrderPurpose.OPEN || o.purpose() == OrderPurpose.CLOSE).findFirst();
        if (main.isEmpty()) {
            return shrinkToHedge(pair, "repair");
        }
        OrderRecord first = main.get();
        Execution ex = new Execution(pair.pairId(), pair.lastSignalId(), pair.symbol(),
                plannedQuantity(orders, Venue.SPOT, first.quantity()), plannedQuantity(orders, Venue.USDM,
                first.quantity()), first.purpose() == OrderPurpose.OPEN, pair.state() == PairState.CLOSING,
                first.tickReceivedAtMicros(), first.signalDecidedAtMicros());
        log.warn("Repairing pair {} ({}, signal {})", pair.pairId(), pair.state(), ex.signalId());
        String outcome = settleHeld(ex);
        if (pair.state().executing()) {
            ledger.completeSignal(pair.lastSignalId(), outcome, "completed after a restart");
            metrics.signal(outcome);
        }
        return outcome;
    }

    /**
     * The exchange closed part or all of the short (liquidation, auto-deleveraging) and the ledger has taken its
     * size: the spot is sold down to the short that is left, never bought back against a short that is gone.
     */
    public String sellDownToShort(PairRecord pair) {
        return desk.exclusively(() -> shrinkToHedge(pair, "short-vanished"));
    }

    /** A shrinking execution with nothing planned: the policy sells the spot the short no longer hedges. */
    private String shrinkToHedge(PairRecord pair, String why) {
        long now = EpochMicros.now(clock);
        Execution ex = new Execution(pair.pairId(), executionId(why, pair, now), pair.symbol(), BigDecimal.ZERO,
                BigDecimal.ZERO, false, false, now, now);
        log.warn("Settling pair {} ({}): {}", pair.pairId(), pair.state(), why);
        // Only the spot is sold: a sale that keeps failing halts for a later repair, never re-shorts.
        return settleHeld(ex, 0);
    }

    private String settleHeld(Execution ex) {
        return settleHeld(ex, -1);
    }

    /** @param unwindsAllowed unwind orders allowed, or -1 for the configured number */
    private String settleHeld(Execution ex, int unwindsAllowed) {
        AccountBook.Trade hold = account.tradeStarted(ex.symbol(), BigDecimal.ZERO, BigDecimal.ZERO);
        try {
            return unwindsAllowed < 0 ? settlement.settle(ex, clock.instant(), System.nanoTime())
                    : settlement.settle(ex, clock.instant(), System.nanoTime(), unwindsAllowed);
        } finally {
            account.tradeFinished(hold);
        }
    }

    private SignalId executionId(String why, PairRecord pair, long nowMicros) {
        return new SignalId(why + "-" + pair.pairId() + "-" + nowMicros + "-" + sequence.incrementAndGet());
    }

    private static BigDecimal plannedQuantity(List<OrderRecord> orders, Venue venue, BigDecimal fallback) {
        return orders.stream().filter(o -> o.venue() == venue
                        && (o.purpose() == OrderPurpose.OPEN || o.purpose() == OrderPurpose.CLOSE))
                .map(OrderRecord::quantity).findFirst().orElse(fallback);
    }
}
