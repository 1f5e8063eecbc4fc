package com.novaquant.execution.domain;

import com.novaquant.events.Side;
import com.novaquant.events.Venue;

import java.math.BigDecimal;

/**
 * One leg of a two-leg execution after its outcome is known.
 *
 * @param side      the side the leg was sent with (the trade direction on this venue)
 * @param filledQty the base quantity filled on this leg in this execution
 */
public record LegState(Venue venue, Side side, BigDecimal filledQty, LegFailure failure) {

    /** "Spot" / "Future": the leg as the alert text names it. */
    public String label() {
        return venue == Venue.SPOT ? "Spot" : "Future";
    }
}
