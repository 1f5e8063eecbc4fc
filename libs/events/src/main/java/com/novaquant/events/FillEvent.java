package com.novaquant.events;

import com.novaquant.ids.ClientOrderId;
import com.novaquant.ids.PairId;

import java.math.BigDecimal;

/** A fill (or the aggregate fill of an order) on one venue. */
public record FillEvent(
        ClientOrderId clientOrderId,
        PairId pairId,
        String symbol,
        Venue venue,
        Side side,
        BigDecimal quantity,
        BigDecimal price,
        BigDecimal fee,
        String feeAsset,
        long atMicros) implements ExecutionEvent {
}
