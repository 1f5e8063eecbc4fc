package com.novaquant.events;

import com.novaquant.ids.PairId;

import java.math.BigDecimal;

/**
 * A leg-risk episode: one leg filled, the other not (rejected, unknown, partial).
 *
 * @param resolution REHEDGED, UNWOUND, UNRESOLVED
 * @param nakedMs    how long the unhedged exposure stood, milliseconds
 */
public record LegRiskEvent(
        PairId pairId,
        String symbol,
        Venue filledVenue,
        Venue failedVenue,
        BigDecimal nakedQty,
        String resolution,
        String description,
        long nakedMs,
        long atMicros) implements ExecutionEvent {
}
