package com.novaquant.strategy.pair;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;

import java.util.List;

import static com.novaquant.strategy.pair.Desk.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the sequence of universe changes and funding, a symbol outside the universe is never opened, and once the
 * cooldown has passed an open pair on it is closed: never abandoned.
 */
class LeavingTheUniversePropertyTest {

    @Property
    void aSymbolOutsideTheUniverseIsNeverOpenedAndIsClosedOnceTheCooldownAllows(
            @ForAll @Size(min = 1, max = 40) List<Boolean> inUniverse,
            @ForAll @Size(40) List<@DoubleRange(min = -0.001, max = 0.003) @Scale(6) Double> rates,
            @ForAll @Size(40) List<@DoubleRange(min = 1, max = 120) @Scale(1) Double> gapsSeconds) {
        Desk desk = new Desk();
        for (int step = 0; step < inUniverse.size(); step++) {
            boolean selected = inUniverse.get(step);
            desk.symbolPolicy = new SymbolPolicy(8, 1000, selected);
            Position before = desk.state.position();
            long sinceMove = desk.state.lastMoveMicros() == Long.MIN_VALUE ? Long.MAX_VALUE
                    : desk.now + (long) (gapsSeconds.get(step) * SECOND) - desk.state.lastMoveMicros();
            desk.after((long) (gapsSeconds.get(step) * SECOND)).normalBooks().funding(rates.get(step)).evaluate();

            if (!selected) {
                if (before != Position.OPEN) {
                    assertThat(desk.state.position()).as("step %d: never opened", step).isNotEqualTo(Position.OPEN);
                }
                if (sinceMove >= desk.policy.cooldownMicros()) {
                    assertThat(desk.state.position()).as("step %d: closed once the cooldown allows", step)
                            .isEqualTo(Position.FLAT);
                }
            }
        }
    }
}
