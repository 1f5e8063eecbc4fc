package com.novaquant.strategy.pair;

import com.novaquant.events.Signal;
import org.junit.jupiter.api.Test;

import static com.novaquant.strategy.pair.Desk.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PairDeciderTest {

    /** 0.0003 per 8 h on normal books: net carry 0.1616 and hold carry 0.2242, both above the 0.15 entry threshold. */
    private static final double RICH = 0.0003;
    /** 0.0002 per 8 h: net carry 0.0521 (no opening), hold carry 0.1147 (no close). */
    private static final double MIDDLING = 0.0002;
    /** Binance's baseline, 0.01 % per 8 h. */
    private static final double BASELINE = 0.0001;
    /**
     * 0.00005 per 8 h: hold carry −0.0495, below the exit threshold (0): over the 7-day horizon the carry still to be
     * earned (21 × 0.00005 = 0.00105) no longer pays for leaving (fees 0.0015 + exit basis 0.0005).
     */
    private static final double POOR = 0.00005;

    private final Desk desk = new Desk();

    @Test
    void carryAboveEntryOpensAtTheConfiguredNotional() {
        Verdict v = desk.normalBooks().funding(RICH).evaluate();

        assertThat(v.kind()).isEqualTo(Verdict.Kind.DECIDE);
        assertThat(v.reason()).isEqualTo(Signal.Reason.CARRY_ABOVE_ENTRY);
        assertThat(v.targetQty()).isCloseTo(0.01, within(1e-12)); // 1000 USDT at the 100 000 ask
        assertThat(v.carryApr()).isCloseTo(0.16164024973925964, within(1e-12));
        assertThat(desk.state.position()).isEqualTo(Position.OPEN);
    }

    @Test
    void sizeNeverExceedsTheConfiguredFractionOfTheSmallerTop() {
        desk.normalBooks().funding(RICH);
        desk.state.spot().update(99_990, 5, 100_000, 0.5, desk.now);
        desk.state.perp().update(100_030, 0.02, 100_040, 5, desk.now); // perp bid is the thinner side: 0.02
        Verdict v = desk.evaluate();

        assertThat(v.kind()).isEqualTo(Verdict.Kind.DECIDE);
        assertThat(v.targetQty()).isCloseTo(0.25 * 0.02, within(1e-12));
    }

    @Test
    void totalCapLeavesOnlyTheRoomOtherSymbolsHaveNotTaken() {
        desk.otherNotional = 4_500;
        Verdict v = desk.normalBooks().funding(RICH).evaluate();

        assertThat(v.targetNotional()).isCloseTo(500, within(1e-9));
    }

    @Test
    void fullTotalCapRefusesAnOpening() {
        desk.otherNotional = 4_995;
        Verdict v = desk.normalBooks().funding(RICH).evaluate();

        assertThat(v.kind()).isEqualTo(Verdict.Kind.REJECT);
        assertThat(v.rejectReason()).isEqualTo(RejectReason.TOTAL_CAP_REACHED);
    }

    @Test
    void carryBetweenThresholdsNeitherOpensNorCloses() {
        assertThat(desk.normalBooks().funding(MIDDLING).evaluate().kind()).isEqualTo(Verdict.Kind.HOLD);
        desk.funding(RICH).evaluate();
        Verdict later = desk.after(61 * SECOND).normalBooks().funding(MIDDLING).evaluate();
        assertThat(later.kind()).isEqualTo(Verdict.Kind.REFRESH); // the standing target, re-published
        assertThat(later.targetQty()).isCloseTo(0.01, within(1e-12));
        assertThat(desk.decisions).isEqualTo(1);
        assertThat(desk.state.position()).isEqualTo(Position.OPEN);
    }

    @Test
    void carryBelowExitClosesAnOpenPair() {
        desk.normalBooks().funding(RICH).evaluate();
        Verdict v = desk.after(61 * SECOND).normalBooks().funding(POOR).evaluate();

        assertThat(v.kind()).isEqualTo(Verdict.Kind.DECIDE);
        assertThat(v.reason()).isEqualTo(Signal.Reason.CARRY_BELOW_EXIT);
        assertThat(v.targetQty()).isZero();
        assertThat(desk.state.position()).isEqualTo(Position.FLAT);
    }

    @Test
    void aPairIsKeptWhileFundingStaysAboveTheCostOfLeaving() {
        desk.normalBooks().funding(RICH).evaluate();
        // 1.5 × the baseline for a day: net carry −0.0026 (the old exit rule, charging the entry again, closed
        // below 0.05), hold carry 0.0600: 21 × 0.00015 = 0.00315 still to be earned against 0.0020 to leave
        for (int hour = 1; hour <= 24; hour++) {
            Verdict v = desk.after(3_600 * SECOND).normalBooks().funding(1.5 * BASELINE).evaluate();
            assertThat(v.carryApr()).isCloseTo(-0.0026097502607403955, within(1e-12));
            assertThat(v.kind()).as(v.toString()).isEqualTo(Verdict.Kind.REFRESH);
            if (hour % 8 == 0) {
                desk.settle(1.5 * BASELINE);
            }
        }
        assertThat(desk.decisions).isEqualTo(1);
        assertThat(desk.state.position()).isEqualTo(Position.OPEN);

        Verdict close = desk.after(SECOND).normalBooks().funding(POOR).evaluate();
        assertThat(close.reason()).isEqualTo(Signal.Reason.CARRY_BELOW_EXIT);
    }

    @Test
    void aFlatConfirmationAtStartUpDoesNotDelayTheFirstOpening() {
        Verdict quiet = desk.normalBooks().funding(POOR).evaluate();
        assertThat(quiet.kind()).isEqualTo(Verdict.Kind.DECIDE);
        assertThat(quiet.targetQty()).isZero();
        assertThat(desk.state.position()).isEqualTo(Position.FLAT);

        // 30 s later funding spikes: the flat target from unknown moved nothing, so no cooldown holds the opening
        Verdict spike = desk.after(30 * SECOND).normalBooks().funding(RICH).evaluate();
        assertThat(spike.kind()).as(spike.toString()).isEqualTo(Verdict.Kind.DECIDE);
        assertThat(spike.reason()).isEqualTo(Signal.Reason.CARRY_ABOVE_ENTRY);
        assertThat(desk.state.position()).isEqualTo(Position.OPEN);
    }

    @Test
    void aClosedPairWaitsOutTheCooldownBeforeReopening() {
        desk.normalBooks().funding(RICH).evaluate();
        assertThat(desk.after(61 * SECOND).normalBooks().funding(POOR).evaluate().reason())
                .isEqualTo(Signal.Reason.CARRY_BELOW_EXIT);

        Verdict early = desk.after(30 * SECOND).normalBooks().funding(RICH).evaluate();
        assertThat(early.rejectReason()).isEqualTo(RejectReason.COOLDOWN);
        Verdict later = desk.after(31 * SECOND).normalBooks().funding(RICH).evaluate();
        assertThat(later.reason()).isEqualTo(Signal.Reason.CARRY_ABOVE_ENTRY);
    }

    @Test
    void anOpeningIsRefusedWhereTheExitRuleWouldCloseIt() {
        // perp 0.8 % over spot: the entry premium pays for most of the round trip (net carry 0.1616 at RICH), but
        // leaving pays it back (cost of leaving 0.0097, hold carry −0.1773), so the pair would close right away
        Verdict v = desk.books(99_990, 100_000, 100_800, 100_810).funding(RICH).evaluate();
        assertThat(v.carryApr()).isGreaterThan(0.15);
        assertThat(v.reason()).isEqualTo(Signal.Reason.CARRY_BELOW_EXIT);
        assertThat(v.targetQty()).isZero();

        // funding that also pays for leaving (hold carry 0.1512) opens
        Verdict open = desk.after(SECOND).books(99_990, 100_000, 100_800, 100_810).funding(0.0006).evaluate();
        assertThat(open.reason()).isEqualTo(Signal.Reason.CARRY_ABOVE_ENTRY);
    }

    @Test
    void theObservedFundingIntervalReplacesTheConfiguredOne() {
        assertThat(desk.normalBooks().funding(MIDDLING).evaluate().kind()).isEqualTo(Verdict.Kind.HOLD);
        assertThat(desk.state.funding().observedIntervalHours()).isNaN();

        // configured 8 h, but the next funding time moves on by 4 h: 0.0002 × 2190 = 0.438, net 0.2711, opens
        Verdict v = desk.after(SECOND).normalBooks().settle(4, MIDDLING).evaluate();
        assertThat(desk.state.funding().observedIntervalHours()).isEqualTo(4);
        assertThat(v.reason()).isEqualTo(Signal.Reason.CARRY_ABOVE_ENTRY);
        assertThat(v.carryApr()).isCloseTo(0.438 - 0.16685975026074035, within(1e-12));
    }

    @Test
    void oneNegativeIntervalIsToleratedAndTheSecondCloses() {
        desk.normalBooks().funding(RICH).evaluate();
        Verdict first = desk.after(61 * SECOND).normalBooks().funding(-0.0001).evaluate();
        assertThat(first.kind()).isNotEqualTo(Verdict.Kind.DECIDE);
        assertThat(desk.state.position()).isEqualTo(Position.OPEN);

        Verdict second = desk.after(SECOND).normalBooks().settle(-0.00005).evaluate();
        assertThat(second.kind()).isEqualTo(Verdict.Kind.DECIDE);
        assertThat(second.reason()).isEqualTo(Signal.Reason.FUNDING_NEGATIVE);
        assertThat(second.targetQty()).isZero();
    }

    @Test
    void aPositiveIntervalResetsTheNegativeStreak() {
        desk.normalBooks().funding(-0.0001).settle(0.0001).settle(-0.0001);
        assertThat(desk.state.funding().negativeStreak()).isEqualTo(1);
    }

    @Test
    void convergedBasisTakesProfit() {
        desk.normalBooks().funding(RICH).evaluate();
        assertThat(desk.state.entryPremium()).isCloseTo(0.0003, within(1e-12));
        // spot rallies 0.4 % over the perp: closing now sells spot at 100 400 and buys the perp at 100 010
        Verdict v = desk.after(61 * SECOND).books(100_400, 100_410, 100_000, 100_010).funding(RICH).evaluate();

        assertThat(v.kind()).isEqualTo(Verdict.Kind.DECIDE);
        assertThat(v.reason()).isEqualTo(Signal.Reason.BASIS_CONVERGED);
        assertThat(v.targetQty()).isZero();
    }

    @Test
    void cooldownRefusesASecondChangeAndThenAllowsIt() {
        desk.normalBooks().funding(RICH).evaluate();
        Verdict early = desk.after(59 * SECOND).normalBooks().funding(POOR).evaluate();
        assertThat(early.kind()).isEqualTo(Verdict.Kind.REJECT);
        assertThat(early.rejectReason()).isEqualTo(RejectReason.COOLDOWN);

        Verdict later = desk.after(2 * SECOND).normalBooks().funding(POOR).evaluate();
        assertThat(later.kind()).isEqualTo(Verdict.Kind.DECIDE);
    }

    @Test
    void staleSpotQuoteIsRefused() {
        desk.normalBooks().funding(RICH);
        desk.state.spot().update(99_990, 1, 100_000, 1, desk.now - 3 * SECOND);
        assertThat(desk.evaluate().rejectReason()).isEqualTo(RejectReason.STALE_QUOTE);
    }

    @Test
    void quoteStampedInTheFutureIsRefused() {
        desk.normalBooks().funding(RICH);
        desk.state.perp().update(100_030, 1, 100_040, 1, desk.now + 3 * SECOND);
        assertThat(desk.evaluate().rejectReason()).isEqualTo(RejectReason.STALE_QUOTE);
    }

    @Test
    void staleFundingIsRefused() {
        desk.funding(RICH).after(11 * SECOND).normalBooks();
        assertThat(desk.evaluate().rejectReason()).isEqualTo(RejectReason.STALE_FUNDING);
    }

    @Test
    void missingVenueIsRefused() {
        desk.state.spot().update(99_990, 1, 100_000, 1, desk.now);
        desk.funding(RICH);
        assertThat(desk.evaluate().rejectReason()).isEqualTo(RejectReason.MISSING_DATA);
    }

    @Test
    void crossedBookIsRefused() {
        Verdict v = desk.books(100_000, 100_000, 100_030, 100_040).funding(RICH).evaluate();
        assertThat(v.rejectReason()).isEqualTo(RejectReason.CROSSED_BOOK);
        assertThat(desk.state.carryApr()).isNaN();
    }

    @Test
    void zeroPriceIsRefused() {
        assertThat(desk.books(0, 100_000, 100_030, 100_040).funding(RICH).evaluate().rejectReason())
                .isEqualTo(RejectReason.IMPLAUSIBLE_BOOK);
    }

    @Test
    void spotAndPerpTooFarApartAreRefused() {
        assertThat(desk.books(99_990, 100_000, 103_000, 103_010).funding(RICH).evaluate().rejectReason())
                .isEqualTo(RejectReason.PRICE_DIVERGENCE);
    }

    @Test
    void fundingBeyondAnyCapIsRefused() {
        assertThat(desk.normalBooks().funding(0.5).evaluate().rejectReason())
                .isEqualTo(RejectReason.IMPLAUSIBLE_FUNDING);
    }

    @Test
    void standingTargetIsRepublishedOnceTheIntervalHasPassed() {
        desk.normalBooks().funding(RICH).evaluate();
        assertThat(desk.after(10 * SECOND).normalBooks().funding(RICH).evaluate().kind())
                .isEqualTo(Verdict.Kind.HOLD);
        Verdict refresh = desk.after(25 * SECOND).normalBooks().funding(RICH).evaluate();

        assertThat(refresh.kind()).isEqualTo(Verdict.Kind.REFRESH);
        assertThat(refresh.reason()).isEqualTo(Signal.Reason.CARRY_ABOVE_ENTRY);
        assertThat(refresh.targetQty()).isCloseTo(0.01, within(1e-12));
        assertThat(desk.decisions).isEqualTo(1);
    }

    @Test
    void unknownPositionIsNotRepublished() {
        desk.normalBooks().funding(MIDDLING).evaluate();
        assertThat(desk.after(40 * SECOND).normalBooks().funding(MIDDLING).evaluate().kind())
                .isEqualTo(Verdict.Kind.HOLD);
    }

    @Test
    void fourHourFundingIntervalDoublesTheAnnualisedFunding() {
        desk.symbolPolicy = new SymbolPolicy(4, 1000);
        // 0.0002 per 4 h = 0.438 funding APR: net 0.438 − 0.1669 = 0.2711, which opens where 8 h would hold
        Verdict v = desk.normalBooks().funding(MIDDLING).evaluate();
        assertThat(v.kind()).isEqualTo(Verdict.Kind.DECIDE);
        assertThat(v.carryApr()).isCloseTo(0.438 - 0.16685975026074035, within(1e-12));
    }
}
