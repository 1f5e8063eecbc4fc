package com.novaquant.execution.domain;

import com.novaquant.events.Venue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * Decides what to do when the two legs of an execution did not fill the same quantity. The rule: first try to
 * complete the lagging leg (re-hedge) a bounded number of times within a bounded window; when that is impossible
 * (a permanent refusal, attempts or time used up), reverse the difference on the leading leg (unwind) and halt. An
 * unresolved unknown outcome is never re-sent: the engine halts and reconciliation resolves it.
 * <p>
 * Works on the fills of one execution, so the same rule serves opening (spot BUY + perp SELL) and closing
 * (spot SELL + perp BUY): the lagging leg is re-sent on its own side; the leading leg is reversed on the other.
 */
public final class LegRiskPolicy {

    private final int maxRehedgeAttempts;
    private final Duration deadline;

    /**
     * @param maxRehedgeAttempts how many re-hedge orders may be sent in one episode before unwinding
     * @param deadline           how long the naked exposure may stand before unwinding instead of re-hedging
     */
    public LegRiskPolicy(int maxRehedgeAttempts, Duration deadline) {
        if (maxRehedgeAttempts < 0) {
            throw new IllegalArgumentException("maxRehedgeAttempts must be >= 0");
        }
        this.maxRehedgeAttempts = maxRehedgeAttempts;
        this.deadline = Objects.requireNonNull(deadline);
    }

    /**
     * @param spot             the spot leg's state, fills of re-hedges included
     * @param perp             the perp leg's state, fills of re-hedges included
     * @param rehedgesSent     re-hedge orders already sent in this episode
     * @param nakedFor         how long the exposure has been naked so far
     * @param dust             a difference up to this is no exposure (commission taken in the base asset, below
     *                         the smaller step): it cannot be traded and hedges nothing
     */
    public LegRiskDecision decide(LegState spot, LegState perp, int rehedgesSent, Duration nakedFor, BigDecimal dust) {
        if (spot.venue() != Venue.SPOT || perp.venue() != Venue.USDM) {
            throw new IllegalArgumentException("legs out of order: " + spot.venue() + ", " + perp.venue());
        }
        if (spot.failure() == LegFailure.UNRESOLVED || perp.failure() == LegFailure.UNRESOLVED) {
            return new LegRiskDecision.Halt(text(spot, perp, "Order state unknown. Trading halted until reconciled."));
        }
        BigDecimal difference = spot.filledQty().subtract(perp.filledQty());
        if (difference.abs().compareTo(dust) <= 0) {
            return new LegRiskDecision.Balanced();
        }
        LegState leading = difference.signum() > 0 ? spot : perp;
        LegState lagging = difference.signum() > 0 ? perp : spot;
        BigDecimal naked = difference.abs();
        boolean canRehedge = lagging.failure().retryable()
                && rehedgesSent < maxRehedgeAttempts
                && nakedFor.compareTo(deadline) < 0;
        if (canRehedge) {
            return new LegRiskDecision.Rehedge(lagging.venue(), lagging.side(), naked,
                    text(leading, lagging, "Re-hedging " + naked.toPlainString() + "."));
        }
        return new LegRiskDecision.Unwind(leading.venue(), leading.side().opposite(), naked,
                text(leading, lagging, "Unwinding position. System Halted."));
    }

    /** "LEG RISK DETECTED: Spot Filled, Future Rejected. Unwinding position. System Halted." */
    private static String text(LegState first, LegState second, String action) {
        return "LEG RISK DETECTED: " + first.label() + " " + filledWords(first) + ", "
                + second.label() + " " + second.failure().words() + ". " + action;
    }

    private static String filledWords(LegState leg) {
        return leg.failure() == LegFailure.PARTIAL ? LegFailure.PARTIAL.words() : LegFailure.NONE.words();
    }

    public int maxRehedgeAttempts() {
        return maxRehedgeAttempts;
    }

    public Duration deadline() {
        return deadline;
    }
}
