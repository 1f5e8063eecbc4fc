package com.novaquant.execution.application;

import com.novaquant.events.Severity;
import com.novaquant.events.Venue;
import com.novaquant.execution.domain.LegFailure;
import com.novaquant.execution.domain.LegOrder;
import com.novaquant.execution.domain.OrderStatus;
import com.novaquant.execution.domain.PairSizing;
import com.novaquant.execution.domain.PairState;
import com.novaquant.execution.domain.QueryOutcome;
import com.novaquant.support.AlertPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Brings the ledger and the exchange into agreement, at start-up (before any signal is consumed) and periodically.
 * <ol>
 *   <li>Orders whose outcome the ledger does not know (written but not confirmed, ambiguous answers) are queried
 *   by client id; the exchange's answer is adopted. An order the exchange has never seen is marked so.</li>
 *   <li>Pairs whose legs are unequal (an execution interrupted by a restart) are handed to the engine, which
 *   continues the leg-risk policy where it stopped.</li>
 *   <li>The exchange's perp positions and spot balances are compared with the ledger's pairs. A mismatch raises
 *   RECONCILIATION_MISMATCH and holds trading until a later reconciliation finds them equal. A failed read holds
 *   trading too: a missing report never means flat.</li>
 * </ol>
 */
public class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    static final String HOLD = "reconcile:";

    private final TradingVenue venue;
    private final Ledger ledger;
    private final OrderSender sender;
    private final ExecutionEngine engine;
    private final TradingGate gate;
    private final AlertPublisher alerts;
    private final List<String> symbols;

    public Reconciler(TradingVenue venue, Ledger ledger, OrderSender sender, ExecutionEngine engine, TradingGate gate,
                      AlertPublisher alerts, List<String> symbols) {
        this.venue = venue;
        this.ledger = ledger;
        this.sender = sender;
        this.engine = engine;
        this.gate = gate;
        this.alerts = alerts;
        this.symbols = symbols;
    }

    /** Runs every step; returns the mismatches found (empty when ledger and exchange agree). */
    public List<String> reconcile() {
        return engine.exclusively(this::reconcileLocked);
    }

    private List<String> reconcileLocked() {
        List<String> mismatches = new ArrayList<>();
        try {
            resolveOrders(mismatches);
            for (PairRecord pair : ledger.activePairs()) {
                // Unequal legs, or an execution a crash interrupted (legs may be equal once its orders resolved,
                // but the pair and its signal were never finished).
                if (!pair.balanced() || pair.state() == PairState.OPENING || pair.state() == PairState.CLOSING) {
                    engine.repair(pair);
                }
            }
            comparePositions(mismatches);
        } catch (VenueUnavailableException e) {
            mismatches.add("exchange unavailable: " + e.getMessage());
        }
        if (mismatches.isEmpty()) {
            gate.liftAll(HOLD);
        } else {
            String text = "RECONCILIATION MISMATCH: " + String.join("; ", mismatches) + ". Trading held.";
            log.error(text);
            gate.hold(HOLD + "positions", text);
            alerts.raise(Severity.CRITICAL, "RECONCILIATION_MISMATCH", text, "reconciliation");
        }
        return mismatches;
    }

    private void resolveOrders(List<String> mismatches) {
        for (OrderRecord order : ledger.unresolvedOrders()) {
            LegOrder leg = new LegOrder(order.clientOrderId(), order.symbol(), order.venue(), order.side(),
                    order.quantity(), order.reduceOnly(), order.purpose());
            if (order.status() == OrderStatus.NEW
                    && venue.query(order.venue(), order.symbol(), order.clientOrderId()) instanceof QueryOutcome.NotFound
                    && venue.query(order.venue(), order.symbol(), order.clientOrderId()) instanceof QueryOutcome.NotFound) {
                // Written but never sent before the restart: nothing happened on the exchange.
                ledger.recordOutcome(order.clientOrderId(), OrderStatus.NOT_SENT, null, 0,
                        "never sent (found unsent at reconciliation)", true);
                continue;
            }
            LegResult result = sender.resolve(leg);
            if (result.failure() == LegFailure.UNRESOLVED) {
                mismatches.add("order " + order.clientOrderId() + " unresolved");
            }
        }
    }

    private void comparePositions(List<String> mismatches) {
        Map<String, PairRecord> pairs = ledger.activePairs().stream()
                .collect(Collectors.toMap(PairRecord::symbol, Function.identity()));
        Map<String, BigDecimal> shorts = venue.perpPositions().stream()
                .collect(Collectors.toMap(TradingVenue.PerpPosition::symbol, p -> p.positionAmt().negate(), BigDecimal::add));
        Set<String> all = new HashSet<>(symbols);
        all.addAll(pairs.keySet());
        all.addAll(shorts.keySet());
        for (String symbol : all) {
            PairRecord pair = pairs.get(symbol);
            BigDecimal ledgerPerp = pair == null ? BigDecimal.ZERO : pair.perp().quantity();
            BigDecimal ledgerSpot = pair == null ? BigDecimal.ZERO : pair.spot().quantity();
            BigDecimal exchangePerp = shorts.getOrDefault(symbol, BigDecimal.ZERO);
            if (exchangePerp.compareTo(ledgerPerp) != 0) {
                mismatches.add(symbol + " perp short: exchange " + exchangePerp.toPlainString()
                        + " vs ledger " + ledgerPerp.toPlainString());
            }
            if (ledgerSpot.signum() > 0) {
                // The spot account may hold more of the asset than the pair; it must never hold less.
                BigDecimal held = venue.balances(symbol).spotBaseTotal();
                BigDecimal shortfall = ledgerSpot.subtract(held);
                if (shortfall.signum() > 0 && shortfall.compareTo(ledgerSpot.multiply(PairSizing.FEE_DUST)) <= 0) {
                    // Commission taken in the base asset on a fill known only from a query: adopt the exchange's truth.
                    log.info("{} spot: adopting the exchange's {} over the ledger's {} (commission dust)", symbol,
                            held.toPlainString(), ledgerSpot.toPlainString());
                    ledger.adoptSpotQuantity(pair.pairId(), held);
                } else if (held.compareTo(ledgerSpot) < 0) {
                    mismatches.add(symbol + " spot: exchange holds " + held.toPlainString()
                            + " < ledger " + ledgerSpot.toPlainString());
                }
            }
            for (Venue v : Venue.values()) {
                for (String clientId : venue.openOrders(v, symbol)) {
                    if (ledger.order(clientId).map(o -> o.status().terminal()).orElse(true)) {
                        mismatches.add(symbol + " " + v + " open order " + clientId + " unknown to the ledger");
                    }
                }
            }
        }
    }
}
