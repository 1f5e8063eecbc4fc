package com.novaquant.strategy.pair;

import com.novaquant.events.DeskMode;
import com.novaquant.events.Signal;
import org.junit.jupiter.api.Test;

import static com.novaquant.strategy.pair.Desk.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * An open pair follows its allocation once the allocation moves beyond the resize band: shrunk whatever its carry,
 * grown only where it would be opened, never inside the band, under the usual desk mode and cooldown.
 */
class AllocationResizeTest {

    private static final double RICH = 0.0005;
    /** Funding that keeps the pair (above the exit rule) but would not open it. */
    private static final double KEEPS = 0.0002;
    private static final double SPOT_ASK = 100_000;

    private final Desk desk = new Desk();

    /** Opens at 1,000 USDT (0.01 BTC at the 100,000 ask) and lets the cooldown pass. */
    private void openAt1000() {
        desk.symbolPolicy = new SymbolPolicy(8, 1000);
        desk.normalBooks().funding(RICH).evaluate();
        assertThat(desk.state.targetQty()).isCloseTo(0.01, within(1e-12));
        desk.after(61 * SECOND);
    }

    private Verdict allocate(double notional, double funding) {
        desk.symbolPolicy = new SymbolPolicy(8, notional);
        return desk.normalBooks().funding(funding).evaluate();
    }

    @Test
    void anAllocationMovingInsideTheBandLeavesTheOpenPairAsItIs() {
        openAt1000();

        Verdict down = allocate(801, RICH);
        Verdict up = desk.after(61 * SECOND).normalBooks().funding(RICH).evaluate();
        desk.symbolPolicy = new SymbolPolicy(8, 1199);
        Verdict upAgain = desk.after(61 * SECOND).normalBooks().funding(RICH).evaluate();

        // nothing but the standing target, re-published on schedule
        assertThat(down.kind()).isIn(Verdict.Kind.HOLD, Verdict.Kind.REFRESH);
        assertThat(up.kind()).isIn(Verdict.Kind.HOLD, Verdict.Kind.REFRESH);
        assertThat(upAgain.kind()).isIn(Verdict.Kind.HOLD, Verdict.Kind.REFRESH);
        assertThat(desk.decisions).isEqualTo(1);
        assertThat(desk.state.targetQty()).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void anAllocationCutBeyondTheBandShrinksTheOpenPairWhateverItsCarry() {
        openAt1000();

        Verdict v = allocate(500, KEEPS);

        assertThat(v.kind()).isEqualTo(Verdict.Kind.DECIDE);
        assertThat(v.reason()).isEqualTo(Signal.Reason.ALLOCATION_CHANGED);
        assertThat(v.targetQty()).isCloseTo(500 / SPOT_ASK, within(1e-12));
        assertThat(desk.state.position()).isEqualTo(Position.OPEN);
        assertThat(desk.state.sizedOnNotional()).isEqualTo(500);
    }

    @Test
    void aShrinkKeepsTheEntryPremiumSoTheTakeProfitStillCountsFromTheEntry() {
        openAt1000();
        double premium = desk.state.entryPremium();

        Verdict v = allocate(500, RICH);

        assertThat(v.reason()).as("the pair was shrunk").isEqualTo(Signal.Reason.ALLOCATION_CHANGED);
        assertThat(desk.state.targetQty()).isCloseTo(500 / SPOT_ASK, within(1e-12));
        assertThat(desk.state.entryPremium()).isEqualTo(premium);
    }

    @Test
    void anAllocationRaisedBeyondTheBandGrowsThePairWhileItsCarryWouldOpenIt() {
        openAt1000();

        Verdict v = allocate(1500, RICH);

        assertThat(v.kind()).isEqualTo(Verdict.Kind.DECIDE);
        assertThat(v.reason()).isEqualTo(Signal.Reason.ALLOCATION_CHANGED);
        assertThat(v.targetQty()).isCloseTo(0.015, within(1e-12));
        assertThat(desk.state.targetNotional()).isCloseTo(1500, within(1e-6));
    }

    @Test
    void aRaisedAllocationDoesNotGrowAPairWhoseCarryWouldNotOpenIt() {
        openAt1000();

        Verdict v = allocate(1500, KEEPS);

        assertThat(v.kind()).isIn(Verdict.Kind.HOLD, Verdict.Kind.REFRESH);
        assertThat(desk.state.targetQty()).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void growthIsHeldWhileTheDeskIsHaltedButAShrinkGoesThrough() {
        openAt1000();
        desk.mode = DeskMode.HALTED;

        Verdict grow = allocate(1500, RICH);
        assertThat(grow.kind()).isEqualTo(Verdict.Kind.REJECT);
        assertThat(grow.rejectReason()).isEqualTo(RejectReason.HALTED);

        Verdict shrink = allocate(500, RICH);
        assertThat(shrink.reason()).isEqualTo(Signal.Reason.ALLOCATION_CHANGED);
        assertThat(shrink.targetQty()).isCloseTo(0.005, within(1e-12));
    }

    @Test
    void aResizeWaitsOutTheCooldownOfTheOpening() {
        desk.symbolPolicy = new SymbolPolicy(8, 1000);
        desk.normalBooks().funding(RICH).evaluate();

        Verdict early = allocate(500, RICH);
        assertThat(early.rejectReason()).isEqualTo(RejectReason.COOLDOWN);

        Verdict later = desk.after(61 * SECOND).normalBooks().funding(RICH).evaluate();
        assertThat(later.reason()).isEqualTo(Signal.Reason.ALLOCATION_CHANGED);
    }

    @Test
    void growthStaysWithinTheRoomLeftUnderTheTotalCap() {
        openAt1000();
        desk.otherNotional = 3_700;

        Verdict v = allocate(2000, RICH);

        assertThat(v.reason()).isEqualTo(Signal.Reason.ALLOCATION_CHANGED);
        assertThat(v.targetNotional()).isCloseTo(5000 - 3_700, within(1e-6));
    }

    @Test
    void growthThatWouldAddLessThanTheMinimumNotionalIsRefusedAndNothingIsPublished() {
        openAt1000();
        desk.otherNotional = 3_995;

        Verdict v = allocate(2000, RICH);

        assertThat(v.kind()).isEqualTo(Verdict.Kind.REJECT);
        assertThat(v.rejectReason()).isEqualTo(RejectReason.TOTAL_CAP_REACHED);
        assertThat(desk.state.targetQty()).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void aShrinkBelowTheMinimumNotionalClosesThePair() {
        desk.symbolPolicy = new SymbolPolicy(8, 50);
        desk.normalBooks().funding(RICH).evaluate();
        desk.after(61 * SECOND);

        Verdict v = allocate(8, RICH);

        assertThat(v.reason()).isEqualTo(Signal.Reason.ALLOCATION_CHANGED);
        assertThat(v.targetQty()).isZero();
        assertThat(desk.state.position()).isEqualTo(Position.FLAT);
    }

    @Test
    void aCloseRuleWinsOverAResize() {
        openAt1000();
        desk.funding(-0.0001);
        desk.after(SECOND).settle(-0.0001);

        Verdict v = allocate(500, -0.0001);

        assertThat(v.reason()).isEqualTo(Signal.Reason.FUNDING_NEGATIVE);
        assertThat(v.targetQty()).isZero();
    }

    @Test
    void onceResizedThePairIsJudgedAgainstItsNewAllocation() {
        openAt1000();
        allocate(500, RICH);
        desk.after(61 * SECOND);

        Verdict inside = allocate(590, RICH);
        assertThat(inside.kind()).isIn(Verdict.Kind.HOLD, Verdict.Kind.REFRESH);

        Verdict beyond = allocate(610, RICH);
        assertThat(beyond.reason()).isEqualTo(Signal.Reason.ALLOCATION_CHANGED);
        assertThat(beyond.targetQty()).isCloseTo(0.0061, within(1e-12));
    }
}
