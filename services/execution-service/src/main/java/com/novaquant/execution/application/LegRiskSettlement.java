package com.novaquant.execution.application;

import com.novaquant.events.EpochMicros;
import com.novaquant.events.LegRiskEvent;
import com.novaquant.events.Severity;
import com.novaquant.events.Side;
import com.novaquant.events.Topics;
import com.novaquant.events.Venue;
import com.novaquant.execution.domain.HedgeBand;
import com.novaquant.execution.domain.LegFailure;
import com.novaquant.execution.domain.LegRiskDecision;
import com.novaquant.execution.domain.LegRiskEpisode;
import com.novaquant.execution.domain.LegRiskPolicy;
import com.novaquant.execution.domain.OrderPurpose;
import com.novaquant.execution.domain.PairState;
import com.novaquant.ids.SignalId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Settles an execution whose legs are out: runs the {@link LegRiskEpisode} until the pair is back inside its
 * {@link HedgeBand} (as planned, re-hedged or unwound) or the episode halts (pair BROKEN, trading held,
 * reconciliation continues it). The state is re-read from the ledger at every step, so a restarted instance
 * continues an interrupted execution with the same code.
 */
class LegRiskSettlement {

    private static final Logger log = LoggerFactory.getLogger(LegRiskSettlement.class);

    private final TradingVenue venue;
    private final Ledger ledger;
    private final LegDispatcher dispatcher;
    private final RepairOrders repairs;
    private final LegRiskPolicy policy;
    private final KillSwitch killSwitch;
    private final TradingGate gate;
    private final ExecutionEvents events;
    private final Alerts alerts;
    private final ExecutionMetrics metrics;
    private final int unwindAttempts;
    private final Clock clock;
    /** Executions whose incident was alerted: a repair continuing one (after an outage) does not page again. */
    private final Set<SignalId> alerted = ConcurrentHashMap.newKeySet();

    LegRiskSettlement(TradingVenue venue, Ledger ledger, LegDispatcher dispatcher, RepairOrders repairs,
                      LegRiskPolicy policy, KillSwitch killSwitch, TradingGate gate, ExecutionEvents events,
                      Alerts alerts, ExecutionMetrics metrics, int unwindAttempts, Clock clock) {
        this.venue = venue;
        this.ledger = ledger;
        this.dispatcher = dispatcher;
        this.repairs = repairs;
        this.policy = policy;
        this.killSwitch = killSwitch;
        this.gate = gate;
        this.events = events;
        this.alerts = alerts;
        this.metrics = metrics;
        this.unwindAttempts = unwindAttempts;
        this.clock = clock;
    }

    /**
     * @param startedAt  when the exposure may have started: the legs' start, or the restart that found them
     * @param startNanos the same, on the monotonic clock (hedge completion time)
     * @return the outcome code of the execution
     */
    String settle(Execution ex, Instant startedAt, long startNanos) {
        return settle(ex, startedAt, startNanos, unwindAttempts);
    }

    /**
     * @param unwindsAllowed unwind orders the episode may send before it halts; 0 where reversing the lagging leg's
     *                       counterpart is itself unsafe (re-shorting against a venue that just closed the short)
     */
    String settle(Execution ex, Instant startedAt, long startNanos, int unwindsAllowed) {
        LegRiskEpisode episode = new LegRiskEpisode(unwindsAllowed);
        try {
            return run(ex, episode, startedAt, startNanos);
        } catch (VenueUnavailableException e) {
            episode.halted();
            return unresolved(ex, episode, "exchange unavailable: " + e.getMessage(), startedAt);
        }
    }

    private String run(Execution ex, LegRiskEpisode episode, Instant startedAt, long startNanos) {
        // A broken pair's incident was alerted when it broke: its repair must not page again for the same one.
        boolean broken = ledger.pair(ex.pairId()).map(p -> p.state() == PairState.BROKEN).orElse(false);
        HedgeBand band = HedgeBand.of(venue.filters(Venue.SPOT, ex.symbol()), venue.filters(Venue.USDM, ex.symbol()));
        Side spotSide = ex.growing() ? Side.BUY : Side.SELL;
        while (true) {
            List<OrderRecord> orders = ledger.ordersOfSignal(ex.signalId()).stream()
                    .sorted(Comparator.comparing(OrderRecord::createdAt)).toList();
            PairRecord pair = ledger.pair(ex.pairId()).orElseThrow();
            int rehedges = (int) orders.stream().filter(o -> o.purpose() == OrderPurpose.REHEDGE).count();
            LegRiskDecision decision = policy.decide(band.classify(pair.exposure()), ex.growing(),
                    latestFailure(orders, Venue.SPOT, spotSide), latestFailure(orders, Venue.USDM, spotSide.opposite()),
                    episode.rehedgesSeen(rehedges), Duration.between(startedAt, clock.instant()));
            switch (episode.next(decision)) {
                case LegRiskEpisode.Step.Finish finish -> {
                    return finish(ex, finish, episode, band, orders, startedAt, startNanos);
                }
                case LegRiskEpisode.Step.SendRehedge rehedge -> {
                    if (rehedges == 0) {
                        log.warn("{} (pair {})", rehedge.order().description(), ex.pairId());
                    }
                    RepairOrders.Sent sent = repairs.send(ex, rehedge.order().venue(), rehedge.order().side(),
                            rehedge.order().quantity(), OrderPurpose.REHEDGE);
                    if (sent == RepairOrders.Sent.ATTEMPTS_USED_UP) {
                        return unresolved(ex, episode, "repair attempts used up", startedAt);
                    }
                    if (sent == RepairOrders.Sent.NOTHING) {
                        episode.rehedgeImpossible();
                    }
                }
                case LegRiskEpisode.Step.SendUnwind unwind -> {
                    if (unwind.incident()) {
                        raiseIncident(ex, unwind.order(), broken);
                    }
                    RepairOrders.Sent sent = repairs.send(ex, unwind.order().venue(), unwind.order().side(),
                            unwind.order().quantity(), OrderPurpose.UNWIND);
                    if (sent == RepairOrders.Sent.ATTEMPTS_USED_UP) {
                        return unresolved(ex, episode, "repair attempts used up", startedAt);
                    }
                }
                case LegRiskEpisode.Step.Halt halt -> {
                    return unresolved(ex, episode, halt.why(), startedAt);
                }
            }
        }
    }

    private void raiseIncident(Execution ex, LegRiskDecision.Unwind unwind, boolean pairBroken) {
        log.error("{} (pair {})", unwind.description(), ex.pairId());
        killSwitch.engage("LEG_RISK " + ex.symbol() + ": " + unwind.description(), "execution-service");
        if (!alerted.add(ex.signalId()) || pairBroken) {
            return;
        }
        alerts.raise(Severity.CRITICAL, "LEG_RISK", unwind.description() + " [" + ex.symbol() + " pair " + ex.pairId()
                + ", naked " + unwind.quantity().toPlainString() + "]", "leg-risk-" + ex.signalId());
    }

    private String finish(Execution ex, LegRiskEpisode.Step.Finish finish, LegRiskEpisode episode, HedgeBand band,
                          List<OrderRecord> orders, Instant startedAt, long startNanos) {
        PairRecord pair = ledger.pair(ex.pairId()).orElseThrow();
        if (band.classify(pair.exposure()) instanceof HedgeBand.Imbalance.Hedged hedged) {
            metrics.residue(ex.symbol(), hedged.dust());
            if (hedged.dust().signum() > 0) {
                log.info("Pair {} holds {} {} below one step: residue, not exposure", ex.pairId(),
                        hedged.dust().toPlainString(), ex.symbol());
            }
        }
        ledger.setPairState(ex.pairId(), PairState.settled(pair.flat(band), finish.unwound()), ex.signalId());
        dispatcher.publishPair(ex.pairId(), ex.signalId());
        // Back inside the band: a hold placed when this pair broke no longer applies.
        gate.lift(TradingGate.pairKey(ex.pairId()));
        long nakedMs = Duration.between(startedAt, clock.instant()).toMillis();
        if (finish.episode()) {
            String resolution = finish.unwound() ? "UNWOUND" : "REHEDGED";
            metrics.legRisk(resolution, nakedMs);
            events.publish(Topics.EXEC_EVENTS, new LegRiskEvent(ex.pairId(), ex.symbol(), episode.firstFilled(),
                    episode.firstFailed(), episode.nakedQty(), resolution, episode.description(), nakedMs,
                    EpochMicros.now(clock)));
            return resolution;
        }
        metrics.hedgeCompletion(System.nanoTime() - startNanos);
        boolean nothingFilled = orders.stream().allMatch(o -> o.executedQty().signum() == 0);
        return nothingFilled ? "NOT_FILLED" : "FILLED";
    }

    /**
     * The pair is BROKEN and trading held until reconciliation repairs it. The CRITICAL is raised when the pair
     * breaks, not again at every repair that finds it still broken.
     */
    private String unresolved(Execution ex, LegRiskEpisode episode, String why, Instant startedAt) {
        boolean alreadyBroken = ledger.pair(ex.pairId()).map(p -> p.state() == PairState.BROKEN).orElse(false);
        ledger.setPairState(ex.pairId(), PairState.BROKEN, ex.signalId());
        dispatcher.publishPair(ex.pairId(), ex.signalId());
        gate.haltSymbol(TradingGate.pairKey(ex.pairId()), ex.symbol(), "pair " + ex.pairId() + " unresolved: " + why);
        long nakedMs = Duration.between(startedAt, clock.instant()).toMillis();
        metrics.legRisk("UNRESOLVED", nakedMs);
        events.publish(Topics.EXEC_EVENTS, new LegRiskEvent(ex.pairId(), ex.symbol(), episode.firstFilled(),
                episode.firstFailed(), episode.nakedQty(), "UNRESOLVED", why, nakedMs, EpochMicros.now(clock)));
        killSwitch.engage("LEG_RISK " + ex.symbol() + ": " + why, "execution-service");
        if (!alreadyBroken) {
            alerts.raise(Severity.CRITICAL, "LEG_RISK", "LEG RISK UNRESOLVED on " + ex.symbol() + " pair "
                    + ex.pairId() + ": " + why + ". System Halted.", "leg-risk-unresolved-" + ex.pairId());
        }
        return "UNRESOLVED";
    }

    /** How the latest order of the execution's own side on one venue ended. */
    static LegFailure latestFailure(List<OrderRecord> orders, Venue legVenue, Side side) {
        OrderRecord latest = null;
        for (OrderRecord o : orders) {
            if (o.venue() == legVenue && o.side() == side) {
                latest = o;
            }
        }
        return latest == null ? LegFailure.NOT_SENT : failureOf(latest);
    }

    private static LegFailure failureOf(OrderRecord o) {
        return switch (o.status()) {
            case FILLED -> o.executedQty().compareTo(o.quantity()) >= 0 ? LegFailure.NONE : LegFailure.PARTIAL;
            case REJECTED -> o.errorCode() == OrderSender.NO_POSITION_TO_REDUCE ? LegFailure.NO_POSITION
                    : o.retryable() ? LegFailure.REJECTED_RETRYABLE : LegFailure.REJECTED;
            case NOT_SENT -> LegFailure.NOT_SENT;
            case CANCELED, EXPIRED -> o.executedQty().signum() > 0 ? LegFailure.PARTIAL : LegFailure.TIMED_OUT;
            case NEW, SENT, UNKNOWN, ACCEPTED, PARTIALLY_FILLED -> LegFailure.UNRESOLVED;
        };
    }
}
