package com.novaquant.execution.domain;

import com.novaquant.events.Side;
import com.novaquant.events.Venue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LegRiskPolicyTest {

    private static final BigDecimal NO_DUST = BigDecimal.ZERO;
    private final LegRiskPolicy policy = new LegRiskPolicy(2, Duration.ofSeconds(3));

    private static LegState spot(String filled, LegFailure failure) {
        return new LegState(Venue.SPOT, Side.BUY, new BigDecimal(filled), failure);
    }

    private static LegState perp(String filled, LegFailure failure) {
        return new LegState(Venue.USDM, Side.SELL, new BigDecimal(filled), failure);
    }

    @Test
    void bothLegsFilledIsBalanced() {
        assertThat(policy.decide(spot("1", LegFailure.NONE), perp("1", LegFailure.NONE), 0, Duration.ZERO, NO_DUST))
                .isInstanceOf(LegRiskDecision.Balanced.class);
    }

    @Test
    void bothLegsRejectedIsBalancedAtZero() {
        assertThat(policy.decide(spot("0", LegFailure.REJECTED), perp("0", LegFailure.REJECTED), 0, Duration.ZERO, NO_DUST))
                .isInstanceOf(LegRiskDecision.Balanced.class);
    }

    @Test
    void futuresRejectedAfterSpotFilledUnwindsSpot() {
        LegRiskDecision decision = policy.decide(spot("1", LegFailure.NONE), perp("0", LegFailure.REJECTED), 0,
                Duration.ZERO, NO_DUST);
        assertThat(decision).isEqualTo(new LegRiskDecision.Unwind(Venue.SPOT, Side.SELL, new BigDecimal("1"),
                "LEG RISK DETECTED: Spot Filled, Future Rejected. Unwinding position. System Halted."));
    }

    @Test
    void spotRejectedAfterFuturesFilledUnwindsFutures() {
        LegRiskDecision decision = policy.decide(spot("0", LegFailure.REJECTED), perp("2", LegFailure.NONE), 0,
                Duration.ZERO, NO_DUST);
        assertThat(decision).isEqualTo(new LegRiskDecision.Unwind(Venue.USDM, Side.BUY, new BigDecimal("2"),
                "LEG RISK DETECTED: Future Filled, Spot Rejected. Unwinding position. System Halted."));
    }

    @Test
    void futuresPartiallyFilledIsRehedgedForTheDifference() {
        LegRiskDecision decision = policy.decide(spot("1", LegFailure.NONE), perp("0.4", LegFailure.PARTIAL), 0,
                Duration.ofMillis(100), NO_DUST);
        assertThat(decision).isInstanceOf(LegRiskDecision.Rehedge.class);
        LegRiskDecision.Rehedge rehedge = (LegRiskDecision.Rehedge) decision;
        assertThat(rehedge.venue()).isEqualTo(Venue.USDM);
        assertThat(rehedge.side()).isEqualTo(Side.SELL);
        assertThat(rehedge.quantity()).isEqualByComparingTo("0.6");
        assertThat(rehedge.description()).startsWith("LEG RISK DETECTED: Spot Filled, Future Partially Filled.");
    }

    @Test
    void throttledRejectionIsRehedgedNotUnwound() {
        assertThat(policy.decide(spot("1", LegFailure.NONE), perp("0", LegFailure.REJECTED_RETRYABLE), 0,
                Duration.ZERO, NO_DUST)).isInstanceOf(LegRiskDecision.Rehedge.class);
    }

    @Test
    void timedOutLegThatNeverReachedTheBookIsRehedged() {
        assertThat(policy.decide(spot("0", LegFailure.TIMED_OUT), perp("1", LegFailure.NONE), 0, Duration.ZERO, NO_DUST))
                .isEqualTo(new LegRiskDecision.Rehedge(Venue.SPOT, Side.BUY, new BigDecimal("1"),
                        "LEG RISK DETECTED: Future Filled, Spot Timed Out. Re-hedging 1."));
    }

    @Test
    void rehedgeAttemptsUsedUpUnwinds() {
        LegRiskDecision decision = policy.decide(spot("1", LegFailure.NONE), perp("0.5", LegFailure.PARTIAL), 2,
                Duration.ofMillis(100), NO_DUST);
        assertThat(decision).isEqualTo(new LegRiskDecision.Unwind(Venue.SPOT, Side.SELL, new BigDecimal("0.5"),
                "LEG RISK DETECTED: Spot Filled, Future Partially Filled. Unwinding position. System Halted."));
    }

    @Test
    void rehedgeDeadlinePassedUnwinds() {
        assertThat(policy.decide(spot("1", LegFailure.NONE), perp("0", LegFailure.REJECTED_RETRYABLE), 0,
                Duration.ofSeconds(3), NO_DUST)).isInstanceOf(LegRiskDecision.Unwind.class);
    }

    @Test
    void unresolvedLegHaltsWithoutSendingAnything() {
        assertThat(policy.decide(spot("1", LegFailure.NONE), perp("0", LegFailure.UNRESOLVED), 0, Duration.ZERO, NO_DUST))
                .isInstanceOf(LegRiskDecision.Halt.class);
    }

    @Test
    void closingLegsUseTheirOwnSides() {
        LegState spotSell = new LegState(Venue.SPOT, Side.SELL, new BigDecimal("1"), LegFailure.NONE);
        LegState perpBuy = new LegState(Venue.USDM, Side.BUY, BigDecimal.ZERO, LegFailure.REJECTED);
        assertThat(policy.decide(spotSell, perpBuy, 0, Duration.ZERO, NO_DUST))
                .isEqualTo(new LegRiskDecision.Unwind(Venue.SPOT, Side.BUY, new BigDecimal("1"),
                        "LEG RISK DETECTED: Spot Filled, Future Rejected. Unwinding position. System Halted."));
    }

    @Test
    void differenceWithinCommissionDustIsBalanced() {
        assertThat(policy.decide(spot("0.999", LegFailure.NONE), perp("1", LegFailure.NONE), 0, Duration.ZERO,
                new BigDecimal("0.002"))).isInstanceOf(LegRiskDecision.Balanced.class);
    }

    @Test
    void differenceAboveDustIsNotIgnored() {
        assertThat(policy.decide(spot("1", LegFailure.NONE), perp("0.99", LegFailure.PARTIAL), 0, Duration.ZERO,
                new BigDecimal("0.002"))).isInstanceOf(LegRiskDecision.Rehedge.class);
    }
}
