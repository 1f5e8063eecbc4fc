package com.novaquant.execution.domain;

import com.novaquant.events.Side;
import com.novaquant.events.Venue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * Decides what to do while a pair stands outside its {@link HedgeBand} during an execution. The rule: first complete
 * the lagging leg (re-hedge) a bounded number of times within a bounded window; when that is impossible (a permanent
 * refusal, attempts or time used up), reverse the difference on the leading leg (unwind) and halt. An unknown order
 * outcome is never re-sent, and a short found missing is never bought back against: both halt for reconciliation.
 * <p>
 * Which leg lags follows from the imbalance and the execution's direction. Growing (spot BUY + perp SELL): a naked
 * long means the perp lags, a naked short the spot. Shrinking (spot SELL + perp BUY): a naked long means the spot
 * lags, a naked short the perp.
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
     * @param imbalance    the pair against its hedge band, this execution's fills included
     * @param growing      the execution's direction
     * @param spot         how the latest spot order of the execution ended
     * @param perp         how the latest perp order of the execution ended
     * @param rehedgesSent re-hedge orders already sent in this episode
     * @param nakedFor     how long the execution has been running (the exposure's age bound)
     */
    public LegRiskDecision decide(HedgeBand.Imbalance imbalance, boolean growing, LegFailure spot, LegFailure perp,
                                  int rehedgesSent, Duration nakedFor) {
        if (spot == LegFailure.UNRESOLVED || perp == LegFailure.UNRESOLVED) {
            return new LegRiskDecision.Halt(text("Spot", spot, "Future", perp,
                    "Order state unknown. Trading halted until reconciled."));
        }
        BigDecimal naked;
        BigDecimal shortToAdd = null;
        boolean spotLags;
        switch (imbalance) {
            case HedgeBand.Imbalance.Hedged ignored -> {
                return new LegRiskDecision.Balanced();
            }
            case HedgeBand.Imbalance.NakedLong l -> {
                naked = l.quantity();
                shortToAdd = l.shortToAdd();
                spotLags = !growing;
            }
            case HedgeBand.Imbalance.NakedShort s -> {
                naked = s.quantity();
                spotLags = growing;
            }
        }
        Venue lagging = spotLags ? Venue.SPOT : Venue.USDM;
        Venue leading = spotLags ? Venue.USDM : Venue.SPOT;
        LegFailure lagFailure = spotLags ? spot : perp;
        LegFailure leadFailure = spotLags ? perp : spot;
        boolean shortMissing = lagFailure == LegFailure.NO_POSITION || leadFailure == LegFailure.NO_POSITION;
        if (shortMissing && imbalance instanceof HedgeBand.Imbalance.NakedShort) {
            // The ledger's short exceeds what the spot hedges, and the exchange says there is no short: buying
            // anything back could only open a naked position. Reconciliation takes the exchange's short first.
            return new LegRiskDecision.Halt(text(label(leading), leadFailure, label(lagging), LegFailure.NO_POSITION,
                    "Short position missing (liquidated or deleveraged?). Trading halted until reconciled."));
        }
        // The side that completes the execution on the lagging leg; the reverse of it on the leading leg undoes it.
        Side lagSide = lagging == Venue.SPOT ? (growing ? Side.BUY : Side.SELL) : (growing ? Side.SELL : Side.BUY);
        Side leadSide = leading == Venue.SPOT ? (growing ? Side.BUY : Side.SELL) : (growing ? Side.SELL : Side.BUY);
        boolean canRehedge = lagFailure.retryable()
                && rehedgesSent < maxRehedgeAttempts
                && nakedFor.compareTo(deadline) < 0;
        if (canRehedge) {
            BigDecimal quantity = lagging == Venue.USDM && lagSide == Side.SELL ? shortToAdd : naked;
            return new LegRiskDecision.Rehedge(lagging, lagSide, quantity, text(label(leading), leadFailure,
                    label(lagging), lagFailure, "Re-hedging " + naked.toPlainString() + "."));
        }
        Side unwindSide = leadSide.opposite();
        BigDecimal quantity = leading == Venue.USDM && unwindSide == Side.SELL ? shortToAdd : naked;
        return new LegRiskDecision.Unwind(leading, unwindSide, quantity, text(label(leading), leadFailure,
                label(lagging), lagFailure, "Unwinding position. System Halted."));
    }

    private static String label(Venue venue) {
        return venue == Venue.SPOT ? "Spot" : "Future";
    }

    /** "LEG RISK DETECTED: Spot Filled, Future Rejected. Unwinding position. System Halted." */
    private static String text(String first, LegFailure firstFailure, String second, LegFailure secondFailure,
                               String action) {
        String firstWords = firstFailure == LegFailure.PARTIAL ? LegFailure.PARTIAL.words() : LegFailure.NONE.words();
        return "LEG RISK DETECTED: " + first + " " + firstWords + ", " + second + " " + secondFailure.words() + ". "
                + action;
    }

    public int maxRehedgeAttempts() {
        return maxRehedgeAttempts;
    }

    public Duration deadline() {
        return deadline;
    }
}
