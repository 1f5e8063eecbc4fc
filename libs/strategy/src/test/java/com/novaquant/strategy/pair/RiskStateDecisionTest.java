package com.novaquant.strategy.pair;

import com.novaquant.events.DeskMode;
import com.novaquant.events.Signal;
import org.junit.jupiter.api.Test;

import static com.novaquant.strategy.pair.Desk.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What the desk mode and a symbol's feed gate let through. */
class RiskStateDecisionTest {

    /** Net carry 0.1616, hold carry 0.2242 on normal books: opens. */
    private static final double RICH = 0.0003;
    /** Net carry 0.0521, hold carry 0.1147: neither opens nor closes. */
    private static final double MIDDLING = 0.0002;
    /** Hold carry −0.0495, below the exit threshold: closes an open pair. */
    private static final double POOR = 0.00005;
    private static final double NEGATIVE = -0.0001;

    private final Desk desk = new Desk();

    private Desk openPair(Desk pair) {
        Verdict open = pair.normalBooks().funding(RICH).evaluate();
        assertThat(open.kind()).isEqualTo(Verdict.Kind.DECIDE);
        assertThat(pair.state.position()).isEqualTo(Position.OPEN);
        return pair;
    }

    private static void assertHeld(Verdict v, RejectReason why) {
        assertThat(v.publishes()).as(v.toString()).isFalse();
        assertThat(v.rejectReason()).isEqualTo(why);
    }

    @Test
    void aHaltedDeskStillPublishesTheCloseWhenFundingTurnsNegative() {
        openPair(desk);
        desk.mode = DeskMode.HALTED;

        // one negative interval is tolerated, as while trading
        assertThat(desk.after(61 * SECOND).normalBooks().funding(NEGATIVE).evaluate().kind())
                .isNotEqualTo(Verdict.Kind.DECIDE);
        Verdict close = desk.after(SECOND).normalBooks().settle(NEGATIVE).evaluate();

        assertThat(close.kind()).isEqualTo(Verdict.Kind.DECIDE);
        assertThat(close.reason()).isEqualTo(Signal.Reason.FUNDING_NEGATIVE);
        assertThat(close.targetQty()).isZero();
        assertThat(desk.state.position()).isEqualTo(Position.FLAT);
    }

    @Test
    void aHaltedDeskPublishesAReductionButNeverAnOpening() {
        desk.mode = DeskMode.HALTED;
        assertHeld(desk.normalBooks().funding(RICH).evaluate(), RejectReason.HALTED);
        assertThat(desk.state.position()).isEqualTo(Position.UNKNOWN);

        desk.mode = DeskMode.TRADING;
        openPair(desk);
        desk.mode = DeskMode.HALTED;
        // the open target is not re-asserted: a repeat of it is not a reduction
        assertHeld(desk.after(35 * SECOND).normalBooks().funding(RICH).evaluate(), RejectReason.HALTED);

        // spot rallies over the perp: the converged basis closes the pair, a reduction to flat
        Verdict reduction = desk.after(30 * SECOND).books(100_400, 100_410, 100_000, 100_010).funding(RICH).evaluate();
        assertThat(reduction.kind()).isEqualTo(Verdict.Kind.DECIDE);
        assertThat(reduction.reason()).isEqualTo(Signal.Reason.BASIS_CONVERGED);
        assertThat(reduction.targetQty()).isZero();

        // the carry is rich again, past the cooldown: the re-opening is held and says why
        assertHeld(desk.after(61 * SECOND).normalBooks().funding(RICH).evaluate(), RejectReason.HALTED);
        assertThat(desk.state.position()).isEqualTo(Position.FLAT);
        assertThat(desk.decisions).isEqualTo(2);

        // the flat target is still re-published: repeating a close heals a lost one
        Verdict repeat = desk.after(SECOND).normalBooks().funding(MIDDLING).evaluate();
        assertThat(repeat.kind()).isEqualTo(Verdict.Kind.REFRESH);
        assertThat(repeat.targetQty()).isZero();
    }

    @Test
    void aFrozenDeskPublishesNothing() {
        openPair(desk);
        desk.mode = DeskMode.FROZEN;

        assertHeld(desk.after(61 * SECOND).normalBooks().funding(POOR).evaluate(), RejectReason.FROZEN);
        assertHeld(desk.after(SECOND).normalBooks().funding(NEGATIVE).evaluate(), RejectReason.FROZEN);
        assertHeld(desk.after(SECOND).normalBooks().settle(NEGATIVE).evaluate(), RejectReason.FROZEN);
        assertHeld(desk.after(SECOND).normalBooks().funding(MIDDLING).evaluate(), RejectReason.FROZEN); // re-publish
        assertThat(desk.state.position()).isEqualTo(Position.OPEN);
        assertThat(desk.decisions).isEqualTo(1);

        Desk unknown = new Desk("ETHUSDT");
        unknown.mode = DeskMode.FROZEN;
        assertHeld(unknown.normalBooks().funding(RICH).evaluate(), RejectReason.FROZEN);
        assertThat(unknown.state.position()).isEqualTo(Position.UNKNOWN);
    }

    @Test
    void aGatedSymbolGetsNoDecisionWhileOtherSymbolsTrade() {
        openPair(desk);
        desk.feedGated = true;
        Desk other = new Desk("ETHUSDT");

        // neither the close a poor carry wants nor the re-publish: the data cannot be trusted
        assertHeld(desk.after(61 * SECOND).normalBooks().funding(POOR).evaluate(), RejectReason.FEED_GATED);
        assertThat(desk.state.carryApr()).isNaN();
        assertThat(desk.state.position()).isEqualTo(Position.OPEN);

        Verdict otherOpens = other.after(61 * SECOND).normalBooks().funding(RICH).evaluate();
        assertThat(otherOpens.kind()).isEqualTo(Verdict.Kind.DECIDE);
        assertThat(otherOpens.targetQty()).isCloseTo(0.01, within(1e-12));

        Desk gatedAndFlat = new Desk("SOLUSDT");
        gatedAndFlat.feedGated = true;
        assertHeld(gatedAndFlat.normalBooks().funding(RICH).evaluate(), RejectReason.FEED_GATED);
        assertThat(gatedAndFlat.state.position()).isEqualTo(Position.UNKNOWN);
    }

    @Test
    void theGateLiftingLetsDecisionsResume() {
        openPair(desk);
        desk.feedGated = true;
        assertHeld(desk.after(61 * SECOND).normalBooks().funding(POOR).evaluate(), RejectReason.FEED_GATED);

        desk.feedGated = false;
        Verdict close = desk.after(SECOND).normalBooks().funding(POOR).evaluate();

        assertThat(close.kind()).isEqualTo(Verdict.Kind.DECIDE);
        assertThat(close.reason()).isEqualTo(Signal.Reason.CARRY_BELOW_EXIT);
        assertThat(close.targetQty()).isZero();
        assertThat(desk.state.carryApr()).isFinite();
    }
}
