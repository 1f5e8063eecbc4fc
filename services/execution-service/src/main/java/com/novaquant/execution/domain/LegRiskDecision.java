package com.novaquant.execution.domain;

import com.novaquant.events.Side;
import com.novaquant.events.Venue;

import java.math.BigDecimal;

/** What the leg-risk policy tells the engine to do next. */
public sealed interface LegRiskDecision {

    /** Both legs filled the same quantity: the position is hedged. */
    record Balanced() implements LegRiskDecision {
    }

    /** Send the lagging leg again for the difference (the trade completes as intended). */
    record Rehedge(Venue venue, Side side, BigDecimal quantity, String description) implements LegRiskDecision {
    }

    /**
     * Reverse the difference on the leading leg (the trade is abandoned at the smaller quantity), then halt: engage
     * the kill switch and raise a CRITICAL alert with {@code description}.
     */
    record Unwind(Venue venue, Side side, BigDecimal quantity, String description) implements LegRiskDecision {
    }

    /**
     * A leg's outcome is still unknown after querying: nothing may be re-sent on it. Halt and leave it to
     * reconciliation and the operator.
     */
    record Halt(String description) implements LegRiskDecision {
    }
}
