package com.novaquant.execution.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Which signals the traded universe lets through: a reduction of what the desk holds, always. */
class UniverseRuleTest {

    @ParameterizedTest(name = "{0}, held {1}, target {2} -> {3}")
    @CsvSource(nullValues = "none", textBlock = """
            # standing,       held, target, refusal
            MEMBER_READY,     none, 1,      none
            MEMBER_READY,     1,    2,      none
            MEMBER_READY,     2,    0,      none
            MEMBER_PREPARING, none, 1,      SYMBOL_NOT_READY
            MEMBER_PREPARING, none, 0,      SYMBOL_NOT_READY
            MEMBER_PREPARING, 1,    2,      SYMBOL_NOT_READY
            MEMBER_PREPARING, 1,    1,      SYMBOL_NOT_READY
            MEMBER_PREPARING, 2,    1,      none
            MEMBER_PREPARING, 2,    0,      none
            OUTSIDE,          none, 1,      OUTSIDE_UNIVERSE
            OUTSIDE,          none, 0,      OUTSIDE_UNIVERSE
            OUTSIDE,          1,    2,      OUTSIDE_UNIVERSE
            OUTSIDE,          1,    1,      OUTSIDE_UNIVERSE
            OUTSIDE,          0,    0,      OUTSIDE_UNIVERSE
            OUTSIDE,          2,    1.5,    none
            OUTSIDE,          2,    0,      none
            OUTSIDE,          0.001, 0,     none
            """)
    void aReductionOfAHeldPositionAlwaysPassesAndAnythingElseNeedsAReadyMember(UniverseRule.Standing standing,
                                                                               BigDecimal held, BigDecimal target,
                                                                               Refusal refusal) {
        assertThat(UniverseRule.check(standing, held, target).orElse(null)).isEqualTo(refusal);
    }
}
