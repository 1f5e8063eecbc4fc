package com.novaquant.execution.application;

import com.novaquant.events.DeskMode;
import com.novaquant.events.Severity;
import com.novaquant.events.Venue;
import com.novaquant.execution.domain.HedgeBand;
import com.novaquant.execution.domain.LegFailure;
import com.novaquant.execution.domain.LegOrder;
import com.novaquant.execution.domain.PairState;
import com.novaquant.ids.ClientOrderId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Brings the ledger and the exchange into agreement, at start-up (before any signal is consumed) and periodically,
 * with the desk to itself.
 * <ol>
 *   <li>Orders whose outcome the ledger does not know are queried by client id until found, or until their
 *   recvWindow has passed on the exchange's clock (then they can never arrive).</li>
 *   <li>A short the exchange closed (liquidation, auto-deleveraging) is an incident: the ledger takes the
 *   exchange's size and the spot is sold down to it, never bought back.</li>
 *   <li>Pairs outside their hedge band, broken, or whose execution a restart interrupted are repaired, a broken one
 *   no more often than its back-off allows.</li>
 *   <li>The exchange's perp positions and spot balances are compared with the ledger's pairs (each symbol's perp
 *   short difference, exchange minus ledger, exported as {@code nova_execution_books_difference{item="perp_position"}}).
 *   A mismatch raises
 *   RECONCILIATION_MISMATCH and holds trading until a later reconciliation finds them equal. A failed read holds
 *   trading too: a missing report never means flat.</li>
 * </ol>
 */
public class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    static final String MISMATCH = "reconcile:positions";
    static final String UNREADABLE = "reconcile:venue";

    private final TradingVenue venue;
    private final Ledger ledger;
    private final OrderSender sender;
    private final Desk desk;
    private final OperatorActions operator;
    private final TradingGate gate;
    private final KillSwitch killSwitch;
    private final UnresolvedSymbols unresolved;
    private final Alerts alerts;
    private final ExecutionMetrics metrics;
    /** The symbols compared even when neither side holds anything on them: the tracked ones. */
    private final Supplier<? extends Collection<String>> symbols;
    private final RepairBackoff backoff;
    private final Clock clock;

    public Reconciler(TradingVenue venue, Ledger ledger, OrderSender sender, ExecutionCore core, TradingGate gate,
                      KillSwitch killSwitch, UnresolvedSymbols unresolved, Alerts alerts, ExecutionMetrics metrics,
                      List<String> symbols, Clock clock) {
        this(venue, ledger, sender, core, gate, killSwitch, unresolved, alerts, metrics, () -> symbols, clock);
    }

    /**
     * @param symbols the symbols compared besides every one the ledger or the exchange holds: the tracked ones, read
     *                at each run
     */
    public Reconciler(TradingVenue venue, Ledger ledger, OrderSender sender, ExecutionCore core, TradingGate gate,
                      KillSwitch killSwitch, UnresolvedSymbols unresolved, Alerts alerts, ExecutionMetrics metrics,
                      Supplier<? extends Collection<String>> symbols, Clock clock) {
        this.venue = venue;
        this.ledger = ledger;
        this.sender = sender;
        this.desk = core.desk();
        this.operator = core.operator();
        this.gate = gate;
        this.killSwitch = killSwitch;
        this.unresolved = unresolved;
        this.alerts = alerts;
        this.metrics = metrics;
        this.symbols = symbols;
        this.backoff = new RepairBackoff(clock);
        this.clock = clock;
    }

    /** Runs every step; returns the mismatches found (empty when ledger and exchange agree). */
    public List<String> reconcile() {
        return desk.exclusively(this::reconcileLocked);
    }

    private List<String> reconcileLocked() {
        List<String> mismatches = new ArrayList<>();
        try {
            resolveOrders(mismatches);
            adoptVanishedShorts(shortsOnExchange());
            repairPairs();
            // Read again: the repairs may have traded.
            comparePositions(shortsOnExchange(), mismatches);
            releaseResolvedSymbols();
            venueReadable();
        } catch (VenueUnavailableException e) {
            venueUnreadable(e.getMessage());
            return List.of("exchange unavailable: " + e.getMessage());
        }
        if (mismatches.isEmpty()) {
            if (gate.held(MISMATCH)) {
                gate.lift(MISMATCH);
                alerts.raise(Severity.INFO, "RECONCILIATION_MISMATCH", "Reconciliation: ledger and exchange agree"
                        + " again. The hold on new exposure is lifted.", "reconciliation");
            }
            return mismatches;
        }
        String text = "RECONCILIATION MISMATCH: " + String.join("; ", mismatches) + ". Desk HALTED for new exposure"
                + " (closes, reductions and flatten continue) until a reconciliation finds ledger and exchange agree.";
        log.error(text);
        if (!gate.held(MISMATCH)) {
            // One alert per state change; the hold's reason follows the latest run.
            alerts.raise(Severity.CRITICAL, "RECONCILIATION_MISMATCH", text, "reconciliation");
        }
        gate.halt(MISMATCH, text);
        return mismatches;
    }

    /** An exchange that cannot be read holds growth until it can; it heals by itself, so no human is called. */
    private void venueUnreadable(String why) {
        String text = "EXCHANGE UNREADABLE during reconciliation: " + why + ". Desk HALTED for new exposure"
                + " (closes continue) until the next reconciliation reads the exchange.";
        log.warn(text);
        if (!gate.held(UNREADABLE)) {
            alerts.raise(Severity.WARNING, "EXCHANGE_UNREADABLE", text, "exchange-unreadable");
        }
        gate.halt(UNREADABLE, text);
    }

    private void venueReadable() {
        if (gate.held(UNREADABLE)) {
            gate.lift(UNREADABLE);
            alerts.raise(Severity.INFO, "EXCHANGE_UNREADABLE", "Exchange readable again: the hold on new exposure"
                    + " is lifted.", "exchange-unreadable");
        }
    }

    /** FROZEN: nothing moves but what an operator orders, repairs included. */
    private boolean frozen() {
        return killSwitch.mode() == DeskMode.FROZEN || gate.deskLevel() == DeskMode.FROZEN;
    }

    private void resolveOrders(List<String> mismatches) {
        for (OrderRecord order : ledger.unresolvedOrders()) {
            LegOrder leg = new LegOrder(order.clientOrderId(), order.symbol(), order.venue(), order.side(),
                    order.quantity(), order.reduceOnly(), order.purpose());
            // Whoever sent it is gone or done: it was signed by now at the latest.
            LegResult result = sender.resolve(leg, venue.exchangeTimeMs(order.venue()));
            if (result.failure() == LegFailure.UNRESOLVED) {
                mismatches.add("order " + order.clientOrderId() + " unresolved");
            }
        }
    }

    private Map<String, BigDecimal> shortsOnExchange() {
        return venue.perpPositions().stream().collect(Collectors.toMap(TradingVenue.PerpPosition::symbol,
                p -> p.positionAmt().negate(), BigDecimal::add));
    }

    /** A short smaller on the exchange than in the ledger was closed by the exchange: one incident, then repair. */
    private void adoptVanishedShorts(Map<String, BigDecimal> shorts) {
        for (PairRecord pair : ledger.activePairs()) {
            BigDecimal exchangeShort = shorts.getOrDefault(pair.symbol(), BigDecimal.ZERO);
            if (exchangeShort.compareTo(pair.perp().quantity()) >= 0) {
                continue;
            }
            String text = "SHORT POSITION VANISHED on " + pair.symbol() + " pair " + pair.pairId() + ": exchange short "
                    + exchangeShort.toPlainString() + " vs ledger " + pair.perp().quantity().toPlainString()
                    + " (liquidation or auto-deleveraging). Selling the spot down to the short. System Halted.";
            log.error(text);
            ledger.adoptPerpQuantity(pair.pairId(), exchangeShort);
            killSwitch.engage("SHORT_VANISHED " + pair.symbol(), "execution-service");
            if (pair.state() != PairState.BROKEN) {
                // A broken pair's incident was raised when it broke (a flatten met the missing short).
                alerts.raise(Severity.CRITICAL, "SHORT_VANISHED", text, "short-vanished-" + pair.pairId() + "-"
                        + clock.millis());
            }
            if (frozen()) {
                log.warn("Desk FROZEN: {} is not sold down to its short until an operator orders it", pair.pairId());
            } else {
                operator.sellDownToShort(ledger.pair(pair.pairId()).orElseThrow());
            }
        }
    }

    private void repairPairs() {
        if (frozen()) {
            return;
        }
        Set<String> unresolvedSymbols = ledger.unresolvedOrders().stream().map(OrderRecord::symbol)
                .collect(Collectors.toSet());
        for (PairRecord pair : ledger.activePairs()) {
            if (unresolvedSymbols.contains(pair.symbol())) {
                // Its legs are not known yet: a repair now would act on fills the ledger has not seen.
                continue;
            }
            HedgeBand band = operator.band(pair.symbol());
            if (!operator.needsRepair(pair, band)) {
                backoff.clear(pair.pairId());
                continue;
            }
            if (!backoff.due(pair.pairId())) {
                continue;
            }
            operator.repairLocked(pair);
            boolean broken = ledger.pair(pair.pairId()).map(p -> p.state() == PairState.BROKEN).orElse(false);
            if (broken) {
                backoff.failed(pair.pairId());
            } else {
                backoff.clear(pair.pairId());
            }
        }
    }

    private void comparePositions(Map<String, BigDecimal> shorts, List<String> mismatches) {
        Map<String, PairRecord> pairs = ledger.activePairs().stream()
                .collect(Collectors.toMap(PairRecord::symbol, Function.identity()));
        Set<String> all = new HashSet<>(symbols.get());
        all.addAll(pairs.keySet());
        all.addAll(shorts.keySet());
        for (String symbol : all) {
            PairRecord pair = pairs.get(symbol);
            BigDecimal ledgerPerp = pair == null ? BigDecimal.ZERO : pair.perp().quantity();
            BigDecimal ledgerSpot = pair == null ? BigDecimal.ZERO : pair.spot().quantity();
            BigDecimal exchangePerp = shorts.getOrDefault(symbol, BigDecimal.ZERO);
            metrics.booksDifference("perp_position", symbol, exchangePerp.subtract(ledgerPerp));
            if (exchangePerp.compareTo(ledgerPerp) != 0) {
                mismatches.add(symbol + " perp short: exchange " + exchangePerp.toPlainString()
                        + " vs ledger " + ledgerPerp.toPlainString());
            }
            if (ledgerSpot.signum() > 0) {
                spotMismatch(pair, symbol, ledgerSpot, mismatches);
            }
            for (Venue v : Venue.values()) {
                for (String clientId : venue.openOrders(v, symbol)) {
                    if (ClientOrderId.parse(clientId).flatMap(ledger::order).map(o -> o.status().terminal())
                            .orElse(true)) {
                        mismatches.add(symbol + " " + v + " open order " + clientId + " unknown to the ledger");
                    }
                }
            }
        }
    }

    /**
     * The spot account may hold more of the asset than the pair (closed pairs' residue, other holdings); less only
     * by base-asset commission, which is then booked.
     */
    private void spotMismatch(PairRecord pair, String symbol, BigDecimal ledgerSpot, List<String> mismatches) {
        BigDecimal held = venue.balances(symbol).spotBaseTotal();
        BigDecimal share = operator.commission().sellable(pair, held);
        BigDecimal ledgerNow = ledger.pair(pair.pairId()).map(p -> p.spot().quantity()).orElse(ledgerSpot);
        if (ledgerNow.compareTo(share) > 0) {
            mismatches.add(symbol + " spot: exchange holds " + held.toPlainString() + " < ledger "
                    + ledgerSpot.toPlainString());
        }
    }

    /** A symbol cut short mid-trade trades again once its orders are resolved and its pair is hedged. */
    private void releaseResolvedSymbols() {
        Set<String> stillOpen = ledger.unresolvedOrders().stream().map(OrderRecord::symbol).collect(Collectors.toSet());
        for (String symbol : unresolved.snapshot()) {
            boolean pairSettled = ledger.activePair(symbol).map(p -> p.state() == PairState.OPEN
                    && p.hedged(operator.band(symbol))).orElse(true);
            if (!stillOpen.contains(symbol) && pairSettled) {
                log.info("{}: orders resolved and pair settled; decisions resume", symbol);
                unresolved.resolved(symbol);
            }
        }
    }
}
