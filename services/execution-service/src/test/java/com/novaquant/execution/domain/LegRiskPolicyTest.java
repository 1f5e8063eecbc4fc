package com.novaquant.execution.domain;

import com.novaquant.events.Side;
import com.novaquant.events.Venue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LegRiskPolicyTest {

    private final LegRiskPolicy policy = new LegRiskPolicy(2, Duration.ofSeconds(3));
    private static final HedgeBand.Imbalance HEDGED = new HedgeBand.Imbalance.Hedged(BigDecimal.ZERO);

    private static HedgeBand.Imbalance nakedLong(String qty) {
        return new HedgeBand.Imbalance.NakedLong(new BigDecimal(qty), new BigDecimal(qty));
    }

    private static HedgeBand.Imbalance nakedShort(String qty) {
        return new HedgeBand.Imbalance.NakedShort(new BigDecimal(qty));
    }

    private LegRiskDecision opening(HedgeBand.Imbalance imbalance, LegFailure spot, LegFailure perp) {
        return policy.decide(imbalance, true, spot, perp, 0, Duration.ZERO);
    }

    @Test
    void hedgedLegsAreBalanced() {
        assertThat(opening(HEDGED, LegFailure.NONE, LegFailure.NONE)).isInstanceOf(LegRiskDecision.Balanced.class);
        assertThat(opening(HEDGED, LegFailure.REJECTED, LegFailure.REJECTED)).isInstanceOf(LegRiskDecision.Balanced.class);
    }

    @Test
    void futuresRejectedAfterSpotFilledUnwindsSpot() {
        assertThat(opening(nakedLong("1"), LegFailure.NONE, LegFailure.REJECTED))
                .isEqualTo(new LegRiskDecision.Unwind(Venue.SPOT, Side.SELL, new BigDecimal("1"),
                        "LEG RISK DETECTED: Spot Filled, Future Rejected. Unwinding position. System Halted."));
    }

    @Test
    void spotRejectedAfterFuturesFilledUnwindsFutures() {
        assertThat(opening(nakedShort("2"), LegFailure.REJECTED, LegFailure.NONE))
                .isEqualTo(new LegRiskDecision.Unwind(Venue.USDM, Side.BUY, new BigDecimal("2"),
                        "LEG RISK DETECTED: Future Filled, Spot Rejected. Unwinding position. System Halted."));
    }

    @Test
    void futuresPartiallyFilledIsRehedgedForTheDifference() {
        LegRiskDecision decision = policy.decide(nakedLong("0.6"), true, LegFailure.NONE, LegFailure.PARTIAL, 0,
                Duration.ofMillis(100));
        assertThat(decision).isInstanceOf(LegRiskDecision.Rehedge.class);
        LegRiskDecision.Rehedge rehedge = (LegRiskDecision.Rehedge) decision;
        assertThat(rehedge.venue()).isEqualTo(Venue.USDM);
        assertThat(rehedge.side()).isEqualTo(Side.SELL);
        assertThat(rehedge.quantity()).isEqualByComparingTo("0.6");
        assertThat(rehedge.description()).startsWith("LEG RISK DETECTED: Spot Filled, Future Partially Filled.");
    }

    @Test
    void throttledRejectionIsRehedgedNotUnwound() {
        assertThat(opening(nakedLong("1"), LegFailure.NONE, LegFailure.REJECTED_RETRYABLE))
                .isInstanceOf(LegRiskDecision.Rehedge.class);
    }

    @Test
    void timedOutLegThatNeverReachedTheBookIsRehedged() {
        assertThat(opening(nakedShort("1"), LegFailure.TIMED_OUT, LegFailure.NONE))
                .isEqualTo(new LegRiskDecision.Rehedge(Venue.SPOT, Side.BUY, new BigDecimal("1"),
                        "LEG RISK DETECTED: Future Filled, Spot Timed Out. Re-hedging 1."));
    }

    @Test
    void rehedgeAttemptsUsedUpUnwinds() {
        assertThat(policy.decide(nakedLong("0.5"), true, LegFailure.NONE, LegFailure.PARTIAL, 2, Duration.ofMillis(100)))
                .isEqualTo(new LegRiskDecision.Unwind(Venue.SPOT, Side.SELL, new BigDecimal("0.5"),
                        "LEG RISK DETECTED: Spot Filled, Future Partially Filled. Unwinding position. System Halted."));
    }

    @Test
    void rehedgeDeadlinePassedUnwinds() {
        assertThat(policy.decide(nakedLong("1"), true, LegFailure.NONE, LegFailure.REJECTED_RETRYABLE, 0,
                Duration.ofSeconds(3))).isInstanceOf(LegRiskDecision.Unwind.class);
    }

    @Test
    void unresolvedLegHaltsWithoutSendingAnything() {
        assertThat(opening(nakedLong("1"), LegFailure.NONE, LegFailure.UNRESOLVED))
                .isInstanceOf(LegRiskDecision.Halt.class);
    }

    @Test
    void closingLegsUseTheirOwnSides() {
        // A close whose perp buy-back was refused: the spot was sold, the short still stands.
        assertThat(policy.decide(nakedShort("1"), false, LegFailure.NONE, LegFailure.REJECTED, 0, Duration.ZERO))
                .isEqualTo(new LegRiskDecision.Unwind(Venue.SPOT, Side.BUY, new BigDecimal("1"),
                        "LEG RISK DETECTED: Spot Filled, Future Rejected. Unwinding position. System Halted."));
        // A close whose spot sale was refused: the short was bought back, the spot is still held.
        assertThat(policy.decide(nakedLong("1"), false, LegFailure.REJECTED_RETRYABLE, LegFailure.NONE, 0, Duration.ZERO))
                .isEqualTo(new LegRiskDecision.Rehedge(Venue.SPOT, Side.SELL, new BigDecimal("1"),
                        "LEG RISK DETECTED: Future Filled, Spot Rejected. Re-hedging 1."));
    }

    @Test
    void aCloseThatFindsTheShortMissingHaltsAndNeverBuysTheSpotBack() {
        assertThat(policy.decide(nakedShort("1"), false, LegFailure.NONE, LegFailure.NO_POSITION, 0, Duration.ZERO))
                .isInstanceOf(LegRiskDecision.Halt.class);
    }
}
