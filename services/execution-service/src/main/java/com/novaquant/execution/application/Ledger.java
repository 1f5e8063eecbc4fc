package com.novaquant.execution.application;

import com.novaquant.events.KillSwitchState;
import com.novaquant.events.Signal;
import com.novaquant.execution.domain.OrderReport;
import com.novaquant.execution.domain.OrderStatus;
import com.novaquant.execution.domain.PairState;
import com.novaquant.ids.ClientOrderId;
import com.novaquant.ids.PairId;
import com.novaquant.ids.SignalId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable record of everything execution does. Every order is written before it is sent and its outcome after;
 * fills move the pair's legs in the same transaction as the order update, exactly once. A signal is recorded once,
 * by the write-ahead of its trade or by its refusal, each a single commit; reading the position before the decision
 * writes nothing.
 */
public interface Ledger {

    /**
     * Reads, in one statement that writes nothing, the position a signal's decision starts from: the symbol's active
     * pair and the total active notional. A signal already in {@code processed_signals} (traded, refused, or trading)
     * is a redelivery and reads nothing. Nothing is claimed here: two deliveries may both read, and only one of them
     * is then recorded ({@link #claimAndWriteAhead}, {@link #recordRefusal}).
     *
     * @return empty when the signal was recorded before (a redelivery)
     */
    Optional<Exposure> exposureUnlessSeen(Signal signal);

    /**
     * The write-ahead of a signal's trade, in one statement and so one commit: claims the signal (it enters
     * {@code processed_signals} as IN_PROGRESS) and, only if that claim is new, creates the pair or moves the existing
     * one to {@code executing} (OPENING, REDUCING or CLOSING) and writes the orders in state NEW. The claim, the pair
     * and the orders are durable together or not at all, so an order is never sent unless it is written and a signal
     * is never traded twice: when another delivery of the signal is recorded already, nothing is written and the
     * caller must send nothing. Fails, writing nothing (not the claim either), when a client id exists.
     *
     * @return the pair as written, or empty when the signal was recorded before (nothing written)
     */
    Optional<PairRecord> claimAndWriteAhead(Signal signal, PairId pairId, PairState executing,
                                            List<OrderRecord> orders);

    /**
     * Records a refused signal with its outcome, in one insert and so one commit. When the signal is recorded already
     * (another delivery traded or refused it since this one read), nothing is written: that one's outcome stands.
     *
     * @return false when the signal was recorded before (a duplicate; nothing written)
     */
    boolean recordRefusal(Signal signal, String outcome, String detail);

    /** Sets the final outcome of a signal that traded (recorded IN_PROGRESS by {@link #claimAndWriteAhead}). */
    void completeSignal(SignalId signalId, String outcome, String detail);

    /** Runs work against the ledger in one transaction that is always rolled back: it leaves nothing behind. */
    void rehearse(Runnable work);

    /** Hedged notional at entry over every active pair (USDT), as {@link Exposure#totalNotional}. */
    BigDecimal totalActiveNotional();

    Optional<PairRecord> activePair(String symbol);

    /**
     * Spot left on the symbol's closed pairs (each below one step): the account holds it too, so it is not the
     * active pair's to sell.
     */
    BigDecimal closedSpotResidue(String symbol);

    List<PairRecord> activePairs();

    Optional<PairRecord> pair(PairId pairId);

    /** Creates a pair in state OPENING, or returns the existing one with that id. */
    PairRecord openPair(PairId pairId, String symbol, SignalId signalId);

    void setPairState(PairId pairId, PairState state, SignalId signalId);

    /**
     * The write-ahead of an execution no signal started (flatten, a margin reduction), in one statement: creates the
     * pair or moves the existing one to {@code executing} (OPENING, REDUCING or CLOSING), and writes the orders in
     * state NEW, all durable together before any is sent. {@code executionId} stands where a signal id would (the
     * pair's last signal, the orders' signal); nothing enters {@code processed_signals}. Fails, writing nothing, when
     * a client id exists (the caller must not send then).
     *
     * @return the pair as written
     */
    PairRecord writeAhead(PairId pairId, String symbol, SignalId executionId, PairState executing,
                          List<OrderRecord> orders);

    /** Writes an order in state NEW. Fails when the client id exists (the caller must not send then). */
    void recordNew(OrderRecord order);

    /** Marks an order NEW as SENT, stamped with when it was handed to the venue. */
    void markSent(ClientOrderId clientOrderId, Instant sentAt);

    /**
     * Records what the exchange said about an order and applies any newly executed quantity to the pair.
     *
     * @return the quantity newly applied by this call (zero when the fill was applied before)
     */
    FillApplied recordOutcome(ClientOrderId clientOrderId, OrderStatus status, OrderReport report, int errorCode,
                              String errorMessage, boolean retryable);

    /**
     * Sets a pair's spot quantity to what the exchange holds, booking the difference as commission paid in the base
     * asset. Only for the commission a query-resolved fill cannot show (Binance's order query carries no commission):
     * the caller decides when that is safe.
     */
    void adoptSpotQuantity(PairId pairId, BigDecimal quantity);

    /**
     * Sets a pair's perp short to what the exchange holds, when the exchange closed part or all of it (liquidation,
     * auto-deleveraging): the incident is the caller's to raise.
     */
    void adoptPerpQuantity(PairId pairId, BigDecimal quantity);

    Optional<OrderRecord> order(ClientOrderId clientOrderId);

    List<OrderRecord> ordersOfSignal(SignalId signalId);

    /** Orders whose outcome is not final (NEW, SENT, UNKNOWN, ACCEPTED, PARTIALLY_FILLED). */
    List<OrderRecord> unresolvedOrders();

    List<OrderRecord> recentOrders(int limit);

    void recordKillSwitch(KillSwitchState state);

    Optional<KillSwitchState> latestKillSwitch();


    /**
     * The position a signal's decision starts from.
     *
     * @param pair          the symbol's active pair, if any
     * @param totalNotional hedged notional at entry over every active pair (USDT), {@link PairRecord#notional} summed
     */
    record Exposure(Optional<PairRecord> pair, BigDecimal totalNotional) {
    }

    /** What applying an order outcome changed. */
    record FillApplied(BigDecimal quantity, BigDecimal price, BigDecimal fee, String feeAsset) {
        public static final FillApplied NONE = new FillApplied(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, "");

        public boolean any() {
            return quantity.signum() > 0;
        }
    }
}
