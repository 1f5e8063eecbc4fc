package com.novaquant.strategy.pair;

import com.novaquant.events.Signal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;

import java.util.List;

import static com.novaquant.strategy.pair.Desk.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the allocation does, an open pair is never resized while the allocation stays inside the band, never
 * sized above its allocation or the total cap, and never grown where its carry would not open it.
 */
class ResizeBandPropertyTest {

    private static final double RICH = 0.0005;

    @Property
    void anAllocationWobblingInsideTheBandNeverTrades(
            @ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = -0.199, max = 0.199) @Scale(4) Double> moves,
            @ForAll @Size(40) List<@DoubleRange(min = 1, max = 300) @Scale(1) Double> gapsSeconds) {
        Desk desk = new Desk();
        desk.symbolPolicy = new SymbolPolicy(8, 1000);
        desk.normalBooks().funding(RICH).evaluate();
        double sizedOn = desk.state.sizedOnNotional();

        for (int step = 0; step < moves.size(); step++) {
            desk.symbolPolicy = new SymbolPolicy(8, sizedOn * (1 + moves.get(step)));
            desk.after((long) (gapsSeconds.get(step) * SECOND)).normalBooks().funding(RICH).evaluate();
        }

        assertThat(desk.decisions).isEqualTo(1);
        assertThat(desk.state.sizedOnNotional()).isEqualTo(sizedOn);
    }

    @Property
    void aResizedPairStaysWithinItsAllocationAndTheTotalCapAndGrowsOnlyOnACarryThatWouldOpenIt(
            @ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = 5, max = 4000) @Scale(2) Double> allocations,
            @ForAll @Size(40) List<@DoubleRange(min = 0.0001, max = 0.003) @Scale(6) Double> rates,
            @ForAll @Size(40) List<@DoubleRange(min = 0, max = 3000) @Scale(0) Double> others,
            @ForAll @Size(40) List<@DoubleRange(min = 1, max = 120) @Scale(1) Double> gapsSeconds) {
        Desk desk = new Desk();
        for (int step = 0; step < allocations.size(); step++) {
            double allocation = allocations.get(step);
            desk.symbolPolicy = new SymbolPolicy(8, allocation);
            desk.otherNotional = others.get(step);
            double before = desk.state.targetQty();
            Verdict v = desk.after((long) (gapsSeconds.get(step) * SECOND)).normalBooks().funding(rates.get(step))
                    .evaluate();
            if (v.kind() != Verdict.Kind.DECIDE || v.reason() != Signal.Reason.ALLOCATION_CHANGED) {
                continue;
            }
            assertThat(v.targetNotional()).as("step %d: within the allocation", step)
                    .isLessThanOrEqualTo(allocation + 1e-9);
            if (v.targetQty() > before) {
                assertThat(v.targetNotional() + desk.otherNotional).as("step %d: within the total cap", step)
                        .isLessThanOrEqualTo(desk.policy.totalCapNotional() + 1e-9);
                assertThat(v.carryApr()).as("step %d: grown on an opening carry", step)
                        .isGreaterThanOrEqualTo(desk.policy.entryThresholdApr());
            }
        }
    }
}
