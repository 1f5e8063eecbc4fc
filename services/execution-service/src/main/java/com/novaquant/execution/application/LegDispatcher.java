package com.novaquant.execution.application;

import com.novaquant.events.EpochMicros;
import com.novaquant.events.PairEvent;
import com.novaquant.events.Side;
import com.novaquant.events.Signal;
import com.novaquant.events.Topics;
import com.novaquant.events.Venue;
import com.novaquant.execution.domain.ClientOrderIds;
import com.novaquant.execution.domain.LegOrder;
import com.novaquant.execution.domain.OrderPurpose;
import com.novaquant.execution.domain.OrderStatus;
import com.novaquant.execution.domain.PairState;
import com.novaquant.ids.PairId;
import com.novaquant.ids.SignalId;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Write-ahead and dispatch: both orders of an execution are durable (with the pair's new state and, for a signal's
 * trade, the signal's claim, in one commit) before either is sent, then both legs leave at once, each on its own
 * thread, so the hedge completes in one round trip of the slower leg rather than two in a row.
 */
class LegDispatcher {

    private final Ledger ledger;
    private final OrderSender sender;
    private final ExecutionEvents events;
    private final Executor legExecutor;
    private final Clock clock;

    LegDispatcher(Ledger ledger, OrderSender sender, ExecutionEvents events, Executor legExecutor, Clock clock) {
        this.ledger = ledger;
        this.sender = sender;
        this.events = events;
        this.legExecutor = legExecutor;
        this.clock = clock;
    }

    /**
     * The write-ahead of a signal's trade, one commit: claims the signal and writes the pair and both orders in one
     * atomic step; returns the rows [spot, perp] to send, or empty when another delivery of the signal was recorded
     * first (nothing was written: nothing may be sent).
     */
    Optional<List<OrderRecord>> claimAndWriteAhead(Signal signal, Execution ex) {
        List<OrderRecord> rows = legRows(ex);
        // Both written, with the claim, before either is sent: a crash between the two sends leaves a NEW row to
        // resolve, not a hole, and a redelivery finds the signal recorded.
        Optional<PairRecord> pair = ledger.claimAndWriteAhead(signal, ex.pairId(),
                PairState.executing(ex.growing(), ex.closesAll()), rows);
        pair.ifPresent(p -> events.publish(Topics.EXEC_EVENTS, pairEvent(p, ex.signalId())));
        return pair.map(p -> rows);
    }

    /**
     * The write-ahead of an execution no signal started (flatten, margin reduction): writes the pair and both orders
     * in one atomic step; returns the rows [spot, perp] to send.
     */
    List<OrderRecord> writeAhead(Execution ex) {
        List<OrderRecord> rows = legRows(ex);
        // Both written before either is sent: a crash between the two sends leaves a NEW row to resolve, not a hole.
        PairRecord pair = ledger.writeAhead(ex.pairId(), ex.symbol(), ex.signalId(),
                PairState.executing(ex.growing(), ex.closesAll()), rows);
        events.publish(Topics.EXEC_EVENTS, pairEvent(pair, ex.signalId()));
        return rows;
    }

    /** The two orders [spot, perp] of an execution, as the ledger will hold them (state NEW). */
    List<OrderRecord> legRows(Execution ex) {
        Side spotSide = ex.growing() ? Side.BUY : Side.SELL;
        OrderPurpose purpose = ex.growing() ? OrderPurpose.OPEN : OrderPurpose.CLOSE;
        LegOrder spot = new LegOrder(ClientOrderIds.of(ex.signalId(), Venue.SPOT, purpose, 0), ex.symbol(), Venue.SPOT,
                spotSide, ex.spotQuantity(), false, purpose);
        LegOrder perp = new LegOrder(ClientOrderIds.of(ex.signalId(), Venue.USDM, purpose, 0), ex.symbol(), Venue.USDM,
                spotSide.opposite(), ex.perpQuantity(), !ex.growing(), purpose);
        return List.of(record(spot, ex), record(perp, ex));
    }

    /** Both legs of an execution on their way: when they were started, and their answers to come. */
    record Legs(Instant startedAt, long startNanos, CompletableFuture<LegResult> spot, CompletableFuture<LegResult> perp) {

        void await() {
            CompletableFuture.allOf(spot, perp).exceptionally(e -> null).join();
        }
    }

    /** Told once both legs of an execution are answered. */
    @FunctionalInterface
    interface BothAnswered {

        /**
         * @param sinceFirstSentNanos from the first request leaving to the second answer coming in
         * @param slowerLegNanos      the slower leg's own round trip: what the pair would take if nothing else did
         */
        void answered(long sinceFirstSentNanos, long slowerLegNanos);
    }

    /** Hands both written legs [spot, perp] to their own threads at once, timed by nobody. */
    Legs start(List<OrderRecord> rows, Runnable bothHandedOver) {
        return start(rows, bothHandedOver, (sinceFirstSent, slowerLeg) -> { });
    }

    /**
     * Hands both written legs [spot, perp] to their own threads at once.
     *
     * @param bothHandedOver run once both orders are handed to the venue
     * @param bothAnswered   told once both venues have answered, with the timing that shows whether the legs ran
     *                       side by side (the pair takes its slower leg's round trip) or one after the other (the sum)
     */
    Legs start(List<OrderRecord> rows, Runnable bothHandedOver, BothAnswered bothAnswered) {
        Instant startedAt = clock.instant();
        LegProgress progress = new PairProgress(bothHandedOver, bothAnswered);
        long start = System.nanoTime();
        return new Legs(startedAt, start, startLeg(rows.get(0), progress), startLeg(rows.get(1), progress));
    }

    private CompletableFuture<LegResult> startLeg(OrderRecord row, LegProgress progress) {
        try {
            return CompletableFuture.supplyAsync(() -> sender.send(row, progress), legExecutor);
        } catch (RejectedExecutionException e) {
            // Shutting down after the write-ahead: send from here rather than leave one leg out.
            return CompletableFuture.completedFuture(sender.send(row, progress));
        }
    }

    /** Both legs' progress, told from their two threads. */
    static final class PairProgress implements LegProgress {
        private final Runnable bothHandedOver;
        private final BothAnswered bothAnswered;
        private int handedOver;
        private int answered;
        private long firstRequest = Long.MAX_VALUE;
        private long lastAnswer = Long.MIN_VALUE;
        private long slowerLeg;

        PairProgress(Runnable bothHandedOver, BothAnswered bothAnswered) {
            this.bothHandedOver = bothHandedOver;
            this.bothAnswered = bothAnswered;
        }

        @Override
        public void handedOver() {
            boolean both;
            synchronized (this) {
                both = ++handedOver == 2;
            }
            if (both) {
                bothHandedOver.run();
            }
        }

        @Override
        public void answered(long requestNanos, long answerNanos) {
            long sinceFirst;
            long slower;
            synchronized (this) {
                firstRequest = Math.min(firstRequest, requestNanos);
                lastAnswer = Math.max(lastAnswer, answerNanos);
                slowerLeg = Math.max(slowerLeg, answerNanos - requestNanos);
                if (++answered < 2) {
                    return;
                }
                sinceFirst = lastAnswer - firstRequest;
                slower = slowerLeg;
            }
            bothAnswered.answered(sinceFirst, slower);
        }
    }

    /** Writes one repair order (re-hedge, unwind) and sends it, waiting for its outcome. */
    void sendOne(Execution ex, LegOrder order) {
        OrderRecord written = record(order, ex);
        ledger.recordNew(written);
        sender.send(written);
    }

    OrderRecord record(LegOrder order, Execution ex) {
        return new OrderRecord(order.clientOrderId(), ex.pairId(), ex.signalId(), ex.symbol(), order.venue(),
                order.side(), order.quantity().stripTrailingZeros(), order.reduceOnly(), order.purpose(),
                OrderStatus.NEW, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, "", 0, null, false,
                ex.tickReceivedAtMicros(), ex.signalDecidedAtMicros(), clock.instant());
    }

    void publishPair(PairId pairId, SignalId signalId) {
        ledger.pair(pairId).ifPresent(p -> events.publish(Topics.EXEC_EVENTS, pairEvent(p, signalId)));
    }

    PairEvent pairEvent(PairRecord p, SignalId signalId) {
        return new PairEvent(p.pairId(), p.symbol(), p.state().name(), p.spot().quantity(), p.perp().quantity(),
                signalId, EpochMicros.now(clock));
    }
}
