package com.novaquant.execution.application;

import com.novaquant.events.EpochMicros;
import com.novaquant.events.FillEvent;
import com.novaquant.events.OrderEvent;
import com.novaquant.events.Topics;
import com.novaquant.events.Venue;
import com.novaquant.execution.domain.LegFailure;
import com.novaquant.execution.domain.LegOrder;
import com.novaquant.execution.domain.OrderReport;
import com.novaquant.execution.domain.OrderStatus;
import com.novaquant.execution.domain.PlacementOutcome;
import com.novaquant.execution.domain.QueryOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends one order that is already in the ledger and drives it to a known outcome: an ambiguous answer is resolved
 * by querying the order by its client id (never by sending again), an order left resting is cancelled and
 * re-queried. Every state change goes to the ledger first, then to {@code nova.exec.events}.
 */
public class OrderSender {

    private static final Logger log = LoggerFactory.getLogger(OrderSender.class);

    private final TradingVenue venue;
    private final Ledger ledger;
    private final ExecutionEvents events;
    private final ExecutionMetrics metrics;
    private final Clock clock;
    private final int queryAttempts;
    private final Duration queryBackoff;
    private final Pause pause;
    private final Runnable positionSideRefused;

    /**
     * @param queryAttempts       failed queries (no answer at all) tolerated while resolving one order
     * @param queryBackoff        wait between two queries of one order
     * @param positionSideRefused told when a perp order is refused for its position side (the account's position
     *                            mode changed under the desk)
     */
    public OrderSender(TradingVenue venue, Ledger ledger, ExecutionEvents events, ExecutionMetrics metrics, Clock clock,
                       int queryAttempts, Duration queryBackoff, Pause pause, Runnable positionSideRefused) {
        this.venue = venue;
        this.ledger = ledger;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
        this.queryAttempts = queryAttempts;
        this.queryBackoff = queryBackoff;
        this.pause = pause;
        this.positionSideRefused = positionSideRefused;
    }

    /** Sends an order recorded as NEW and returns its resolved outcome. */
    LegResult send(OrderRecord written) {
        return send(written, LegProgress.NONE);
    }

    /**
     * Sends an order recorded as NEW and returns its resolved outcome. Nothing but in-memory work and an asynchronous
     * publish stands between the call and the request to the venue: the SENT mark is written once the answer is in
     * (an order still NEW after a crash is resolved by query like a SENT one).
     *
     * @param written     the order as the ledger holds it (state NEW)
     * @param progress    told right before the request goes to the venue and when its answer is in
     */
    LegResult send(OrderRecord written, LegProgress progress) {
        LegOrder order = new LegOrder(written.clientOrderId(), written.symbol(), written.venue(), written.side(),
                written.quantity(), written.reduceOnly(), written.purpose());
        Instant sentAt = clock.instant();
        long sentMicros = EpochMicros.of(sentAt);
        metrics.signalToOrder(sentMicros - written.signalDecidedAtMicros());
        metrics.tickToOrder(sentMicros - written.tickReceivedAtMicros());
        publishOrder(written, OrderStatus.SENT.name(), sentMicros);
        progress.handedOver();

        long start = System.nanoTime();
        PlacementOutcome outcome;
        try {
            outcome = venue.place(order);
        } catch (RuntimeException e) {
            // An exception after the request may have left is as ambiguous as a 5xx.
            outcome = new PlacementOutcome.Unknown("adapter failure: " + e);
        }
        long answered = System.nanoTime();
        metrics.roundTrip(order.venue(), answered - start);
        progress.answered(start, answered);
        // The request was signed before place() returned: the venue cannot take it after this + recvWindow.
        long signedBy = venue.exchangeTimeMs(order.venue());
        ledger.markSent(order.clientOrderId(), sentAt);
        return switch (outcome) {
            case PlacementOutcome.Accepted accepted -> {
                metrics.order(order.venue(), "ACCEPTED", 0);
                yield settle(order, driveToFinal(order, accepted.report()));
            }
            case PlacementOutcome.Rejected rejected -> {
                metrics.order(order.venue(), "REJECTED", rejected.code());
                record(order, OrderStatus.REJECTED, null, rejected.code(), rejected.message(), rejected.retryable());
                if (order.venue() == Venue.USDM && rejected.code() == POSITION_SIDE_NOT_MATCH) {
                    positionSideRefused.run();
                }
                yield new LegResult(BigDecimal.ZERO, rejected.code() == NO_POSITION_TO_REDUCE ? LegFailure.NO_POSITION
                        : rejected.retryable() ? LegFailure.REJECTED_RETRYABLE : LegFailure.REJECTED);
            }
            case PlacementOutcome.NotSent notSent -> {
                metrics.order(order.venue(), "NOT_SENT", 0);
                record(order, OrderStatus.NOT_SENT, null, 0, notSent.reason(), true);
                yield new LegResult(BigDecimal.ZERO, LegFailure.NOT_SENT);
            }
            case PlacementOutcome.Unknown unknown -> {
                metrics.order(order.venue(), "UNKNOWN", 0);
                log.warn("Order {} outcome unknown ({}): querying by client id", order.clientOrderId(), unknown.reason());
                record(order, OrderStatus.UNKNOWN, null, 0, unknown.reason(), false);
                yield resolve(order, signedBy);
            }
        };
    }

    /**
     * Resolves an order whose outcome is not known (ambiguous answer, or found unresolved after a restart). "No such
     * order" proves nothing while the request may still arrive: the order is dead only when the venue still does
     * not know it once {@code signedBy + recvWindow} has passed on the venue's clock, since the venue refuses a
     * request older than its recvWindow.
     *
     * @param signedBy the latest venue time the request can have been signed at (epoch ms)
     */
    LegResult resolve(LegOrder order, long signedBy) {
        long deadOnceVenuePasses = signedBy + venue.recvWindow().toMillis();
        int failed = 0;
        while (true) {
            QueryOutcome answer = venue.query(order.venue(), order.symbol(), order.clientOrderId());
            switch (answer) {
                case QueryOutcome.Found found -> {
                    return settle(order, driveToFinal(order, found.report()));
                }
                case QueryOutcome.NotFound ignored -> {
                    if (venue.exchangeTimeMs(order.venue()) > deadOnceVenuePasses) {
                        record(order, OrderStatus.EXPIRED, null, -2013,
                                "not found on the exchange after its recvWindow passed", true);
                        return new LegResult(BigDecimal.ZERO, LegFailure.TIMED_OUT);
                    }
                }
                case QueryOutcome.Failed failure -> {
                    log.warn("Query of {} failed: {}", order.clientOrderId(), failure.reason());
                    if (++failed >= queryAttempts) {
                        log.error("Order {} still unresolved after {} failed queries", order.clientOrderId(), failed);
                        return new LegResult(BigDecimal.ZERO, LegFailure.UNRESOLVED);
                    }
                }
            }
            pause();
        }
    }

    /** Binance USD-M: a reduce-only order with no position to reduce. */
    static final int NO_POSITION_TO_REDUCE = -2022;
    /** Binance USD-M: the order's position side does not fit the account's position mode (Hedge Mode). */
    static final int POSITION_SIDE_NOT_MATCH = -4061;

    /** A market order normally comes back final; one still resting is queried, then cancelled. */
    private OrderReport driveToFinal(LegOrder order, OrderReport report) {
        OrderReport current = report;
        for (int attempt = 0; !current.status().terminal() && attempt < queryAttempts; attempt++) {
            pause();
            if (venue.query(order.venue(), order.symbol(), order.clientOrderId()) instanceof QueryOutcome.Found found) {
                current = found.report();
            }
        }
        if (!current.status().terminal() && venue.cancel(order.venue(), order.symbol(), order.clientOrderId())
                && venue.query(order.venue(), order.symbol(), order.clientOrderId()) instanceof QueryOutcome.Found found) {
            current = found.report();
        }
        return current;
    }

    private LegResult settle(LegOrder order, OrderReport report) {
        OrderStatus status = report.status();
        if (!status.terminal()) {
            // Still resting after cancel: record what is known and let reconciliation finish it.
            record(order, status, report, 0, "still open after cancel", false);
            return new LegResult(report.executedQty(), LegFailure.UNRESOLVED);
        }
        record(order, status, report, 0, status == OrderStatus.REJECTED ? "rejected by the matching engine" : null, false);
        BigDecimal filled = report.executedQty();
        metrics.fillRatio(order.venue(), filled.doubleValue() / order.quantity().doubleValue());
        LegFailure failure = filled.compareTo(order.quantity()) >= 0 ? LegFailure.NONE
                : status == OrderStatus.REJECTED ? LegFailure.REJECTED : LegFailure.PARTIAL;
        return new LegResult(filled, failure);
    }

    private void record(LegOrder order, OrderStatus status, OrderReport report, int code, String message, boolean retryable) {
        Ledger.FillApplied applied = ledger.recordOutcome(order.clientOrderId(), status, report, code, message, retryable);
        OrderRecord record = ledger.order(order.clientOrderId()).orElseThrow();
        long now = EpochMicros.now(clock);
        publishOrder(record, status.name(), now);
        if (applied.any()) {
            events.publish(Topics.EXEC_EVENTS, new FillEvent(record.clientOrderId(), record.pairId(), record.symbol(),
                    record.venue(), record.side(), applied.quantity(), applied.price(), applied.fee(), applied.feeAsset(), now));
        }
    }

    private void publishOrder(OrderRecord r, String status, long atMicros) {
        events.publish(Topics.EXEC_EVENTS, orderEvent(r, status, atMicros));
    }

    static OrderEvent orderEvent(OrderRecord r, String status, long atMicros) {
        return new OrderEvent(r.clientOrderId(), r.pairId(), r.signalId(), r.symbol(),
                r.venue(), r.side(), r.quantity(), status, r.executedQty(), r.avgPrice(), r.errorCode(),
                r.errorMessage(), r.tickReceivedAtMicros(), r.signalDecidedAtMicros(), atMicros);
    }

    private void pause() {
        pause.pause(queryBackoff);
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("interrupted while resolving an order");
        }
    }
}
