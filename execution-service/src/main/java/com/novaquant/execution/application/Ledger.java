package com.novaquant.execution.application;

import com.novaquant.events.KillSwitchState;
import com.novaquant.events.Signal;
import com.novaquant.execution.domain.OrderReport;
import com.novaquant.execution.domain.OrderStatus;
import com.novaquant.execution.domain.PairState;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable record of everything execution does. Every order is written before it is sent and its outcome after;
 * fills move the pair's legs in the same transaction as the order update, exactly once.
 */
public interface Ledger {

    /**
     * Records a signal as being handled and reads, in the same round trip, the position its decision starts from.
     *
     * @return empty when the signal was seen before (a redelivery)
     */
    Optional<Exposure> claimSignal(Signal signal);

    void completeSignal(String signalId, String outcome, String detail);

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

    Optional<PairRecord> pair(String pairId);

    /** Creates a pair in state OPENING, or returns the existing one with that id. */
    PairRecord openPair(String pairId, String symbol, String signalId);

    void setPairState(String pairId, PairState state, String signalId);

    /**
     * The write-ahead step of a two-leg execution, atomically: creates the pair or moves the existing one to
     * {@code executing} (OPENING, REDUCING or CLOSING), and writes the orders in state NEW. Fails, writing nothing,
     * when a client id exists (the caller must not send then).
     *
     * @return the pair as written
     */
    PairRecord beginExecution(String pairId, String symbol, String signalId, PairState executing,
                              List<OrderRecord> orders);

    /** Writes an order in state NEW. Fails when the client id exists (the caller must not send then). */
    void recordNew(OrderRecord order);

    /** Marks an order NEW as SENT, stamped with when it was handed to the venue. */
    void markSent(String clientOrderId, Instant sentAt);

    /**
     * Records what the exchange said about an order and applies any newly executed quantity to the pair.
     *
     * @return the quantity newly applied by this call (zero when the fill was applied before)
     */
    FillApplied recordOutcome(String clientOrderId, OrderStatus status, OrderReport report, int errorCode,
                              String errorMessage, boolean retryable);

    /**
     * Sets a pair's spot quantity to what the exchange holds, booking the difference as commission paid in the base
     * asset. Only for the commission a query-resolved fill cannot show (Binance's order query carries no commission):
     * the caller decides when that is safe.
     */
    void adoptSpotQuantity(String pairId, BigDecimal quantity);

    /**
     * Sets a pair's perp short to what the exchange holds, when the exchange closed part or all of it (liquidation,
     * auto-deleveraging): the incident is the caller's to raise.
     */
    void adoptPerpQuantity(String pairId, BigDecimal quantity);

    Optional<OrderRecord> order(String clientOrderId);

    List<OrderRecord> ordersOfSignal(String signalId);

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
