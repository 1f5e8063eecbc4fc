package com.novaquant.backtest.sweep;

import com.novaquant.strategy.universe.AllocationRules;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SweepGridTest {

    private static final String GRID = """
            {"entryThresholdApr": [0.10, 0.15, 0.20], "exitThresholdApr": [0, -0.05], "holdingHours": [72, 168],
             "universeSize": [3, 5], "allocation": ["EQUAL", "BY_CARRY"], "capital": 25000}
            """;

    @Test
    void everyCombinationIsAPointNumberedInOrder() {
        SweepGrid grid = SweepGrid.parse(GRID);

        List<SweepPoint> points = grid.points();
        assertThat(points).hasSize(3 * 2 * 2 * 2 * 2);
        assertThat(points).extracting(SweepPoint::index).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 48).boxed().toList());
        assertThat(points.getFirst()).isEqualTo(new SweepPoint(0, 0.10, 0, 72, 3, AllocationRules.Weighting.EQUAL));
        assertThat(points.getLast()).isEqualTo(new SweepPoint(47, 0.20, -0.05, 168, 5,
                AllocationRules.Weighting.BY_CARRY));
        assertThat(grid.capital()).isEqualTo(25_000);
    }

    @Test
    void aSettingLeftOutTakesTheDefault() {
        SweepGrid grid = SweepGrid.parse("{\"universeSize\": [2, 4]}");

        assertThat(grid.points()).hasSize(2).allSatisfy(p -> {
            assertThat(p.entryThresholdApr()).isEqualTo(0.15);
            assertThat(p.exitThresholdApr()).isEqualTo(0);
            assertThat(p.holdingHours()).isEqualTo(168);
            assertThat(p.allocation()).isEqualTo(AllocationRules.Weighting.BY_CARRY);
        });
    }

    @Test
    void aMisspelledSettingIsRefusedByName() {
        assertThatThrownBy(() -> SweepGrid.parse("{\"entryTreshold\": [0.1]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entryTreshold");
        assertThatThrownBy(() -> SweepGrid.parse("{\"allocation\": [\"RANDOM\"]}"))
                .hasMessageContaining("EQUAL or BY_CARRY");
        assertThatThrownBy(() -> SweepGrid.parse("{\"universeSize\": [0]}"))
                .hasMessageContaining("universeSize");
    }

    @Property
    void theSlicesPartitionTheGridIntoEvenParts(@ForAll @IntRange(min = 1, max = 60) int slices) {
        SweepGrid grid = SweepGrid.parse(GRID);
        List<SweepPoint> all = new ArrayList<>();
        for (int slice = 0; slice < slices; slice++) {
            List<SweepPoint> part = grid.slice(slice, slices);
            assertThat(part.size()).isBetween(48 / slices, 48 / slices + 1);
            all.addAll(part);
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(grid.points());
    }
}
