package com.novaquant.events;

import com.novaquant.ids.PairId;
import com.novaquant.ids.SignalId;

import java.math.BigDecimal;

/**
 * A change of a hedged pair (long spot + short perp).
 *
 * @param state OPENING, OPEN, CLOSING, CLOSED, UNWOUND, BROKEN
 */
public record PairEvent(
        PairId pairId,
        String symbol,
        String state,
        BigDecimal spotQty,
        BigDecimal perpQty,
        SignalId signalId,
        long atMicros) implements ExecutionEvent {
}
