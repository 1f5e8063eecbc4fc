package com.novaquant.events;

import com.novaquant.ids.ClientOrderId;
import com.novaquant.ids.PairId;
import com.novaquant.ids.SignalId;

import java.math.BigDecimal;

/**
 * One order's state change. Carries the receive instant of the tick and the decision instant of the signal so
 * that tick-to-order and signal-to-order latency can be computed downstream.
 *
 * @param status       NEW (written, not yet sent), SENT, FILLED, PARTIALLY_FILLED, REJECTED, UNKNOWN, CANCELED, EXPIRED
 * @param errorCode    the Binance error code on rejection, 0 otherwise
 */
public record OrderEvent(
        ClientOrderId clientOrderId,
        PairId pairId,
        SignalId signalId,
        String symbol,
        Venue venue,
        Side side,
        BigDecimal quantity,
        String status,
        BigDecimal executedQty,
        BigDecimal avgPrice,
        int errorCode,
        String errorMessage,
        long tickReceivedAtMicros,
        long signalDecidedAtMicros,
        long atMicros) implements ExecutionEvent {
}
