package com.novaquant.signal.application;

import com.novaquant.strategy.universe.AllocationRules;
import com.novaquant.strategy.universe.UniverseRules;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class UniversePropertiesTest {

    private static final SignalProperties SIGNAL = new SignalProperties(null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null);

    @Test
    void theDefaultsAreValidAndOff() {
        UniverseProperties defaults = UniverseProperties.defaults();

        assertThat(defaults.enabled()).isFalse();
        assertThat(defaults.violations(SIGNAL)).isEmpty();
        assertThat(defaults.depthWindow()).isEqualTo(Duration.ofMinutes(30));
        assertThat(defaults.allocationRules().notionalBudget()).isEqualTo(5000);
    }

    @Test
    void everyBadValueIsNamed() {
        UniverseProperties bad = new UniverseProperties(true, -1, -5.0, 0.0, null, -0.1, 1.5, Duration.ZERO, null,
                null, 0.5, 0.0, 9000.0, null, Double.NaN, 1.0, Duration.ZERO);

        assertThat(bad.violations(SIGNAL)).containsExactlyInAnyOrder(
                "nova.universe.size must be at least 0, was -1",
                "nova.universe.min-quote-volume must be at least 0.0 and finite, was -5.0",
                "nova.universe.max-spread must be above 0.0 and finite, was 0.0",
                "nova.universe.switch-margin-apr must be at least 0.0 and finite, was -0.1",
                "nova.universe.liquidity-stay must be above 0 and at most 1, was 1.5",
                "nova.universe.depth-window must be positive, was PT0S",
                "nova.universe.perp-leverage must be at least 1.0 and finite, was 0.5",
                "nova.universe.per-pair-cap must be above 0.0 and finite, was 0.0",
                "nova.universe.volume-fraction must be at least 0.0 and finite, was NaN",
                "nova.universe.scan-max-age must be positive, was PT0S",
                "nova.universe.total-cap (9000.0) is above nova.signal.sizing.total-cap (5000.0), which caps what the"
                        + " pairs may target together: budgets above it would never all be opened",
                "nova.universe.min-notional (1.0) is below nova.signal.sizing.min-notional (10.0): a budget between"
                        + " them would never be opened");
    }

    @Test
    void theEntryCarryFeesAndHoldingTimeAreTheSignalSettings() {
        SignalProperties signal = new SignalProperties(0.2, null, null, null, Duration.ofDays(14), null, null, null,
                null, null, null, null, null, null, new SignalProperties.Fees(0.002, null, 0.001, null, null), null,
                null);

        UniverseRules rules = UniverseProperties.defaults().universeRules(signal);

        assertThat(rules.entryCarryApr()).isEqualTo(0.2);
        assertThat(rules.roundTripFees()).isCloseTo(0.006, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(rules.holdingHours()).isEqualTo(336);
        assertThat(rules.intendedNotional()).isEqualTo(1000);
        assertThat(UniverseProperties.defaults().allocationRules().weighting())
                .isEqualTo(AllocationRules.Weighting.EQUAL);
    }
}
