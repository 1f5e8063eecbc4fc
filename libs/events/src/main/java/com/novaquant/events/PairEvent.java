package com.novaquant.events;

import java.math.BigDecimal;

/**
 * A change of a hedged pair (long spot + short perp).
 *
 * @param state OPENING, OPEN, CLOSING, CLOSED, UNWOUND, BROKEN
 */
public record PairEvent(
        String pairId,
        String symbol,
        String state,
        BigDecimal spotQty,
        BigDecimal perpQty,
        String signalId,
        long atMicros) implements ExecutionEvent {
}
