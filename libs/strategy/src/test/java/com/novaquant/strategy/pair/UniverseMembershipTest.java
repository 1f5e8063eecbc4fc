package com.novaquant.strategy.pair;

import com.novaquant.events.DeskMode;
import com.novaquant.events.Signal;
import org.junit.jupiter.api.Test;

import static com.novaquant.strategy.pair.Desk.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

/** A symbol outside the traded universe never opens, and a pair open on it closes through a signal. */
class UniverseMembershipTest {

    private static final double RICH = 0.0005;

    private final Desk desk = new Desk();

    @Test
    void aSymbolOutsideTheUniverseNeverOpensHoweverRichItsCarry() {
        desk.symbolPolicy = new SymbolPolicy(8, 1000, false);
        desk.normalBooks().funding(0.003);
        desk.evaluate();

        assertThat(desk.state.position()).isEqualTo(Position.FLAT);
        assertThat(desk.verdict.targetQty()).isZero();
        assertThat(desk.verdict.reason()).isEqualTo(Signal.Reason.LEFT_UNIVERSE);
    }

    @Test
    void anOpenPairWhoseSymbolLeavesTheUniverseClosesWhateverItsCarry() {
        desk.normalBooks().funding(RICH).evaluate();
        assertThat(desk.state.position()).isEqualTo(Position.OPEN);

        desk.symbolPolicy = new SymbolPolicy(8, 1000, false);
        Verdict v = desk.after(61 * SECOND).normalBooks().funding(RICH).evaluate();

        assertThat(v.kind()).isEqualTo(Verdict.Kind.DECIDE);
        assertThat(v.reason()).isEqualTo(Signal.Reason.LEFT_UNIVERSE);
        assertThat(v.targetQty()).isZero();
        assertThat(desk.state.position()).isEqualTo(Position.FLAT);
    }

    @Test
    void theCloseOfALeavingSymbolGoesThroughWhileTheDeskIsHalted() {
        desk.normalBooks().funding(RICH).evaluate();
        desk.symbolPolicy = new SymbolPolicy(8, 1000, false);
        desk.mode = DeskMode.HALTED;

        Verdict v = desk.after(61 * SECOND).normalBooks().funding(RICH).evaluate();

        assertThat(v.reason()).isEqualTo(Signal.Reason.LEFT_UNIVERSE);
        assertThat(desk.state.position()).isEqualTo(Position.FLAT);
    }

    @Test
    void theCloseOfALeavingSymbolWaitsOutTheCooldownThenHappens() {
        desk.normalBooks().funding(RICH).evaluate();
        desk.symbolPolicy = new SymbolPolicy(8, 1000, false);

        Verdict early = desk.after(10 * SECOND).normalBooks().funding(RICH).evaluate();
        assertThat(early.kind()).isEqualTo(Verdict.Kind.REJECT);
        assertThat(desk.state.position()).isEqualTo(Position.OPEN);

        desk.after(51 * SECOND).normalBooks().funding(RICH).evaluate();
        assertThat(desk.state.position()).isEqualTo(Position.FLAT);
    }
}
