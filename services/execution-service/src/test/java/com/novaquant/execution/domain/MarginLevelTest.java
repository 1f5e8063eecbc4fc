package com.novaquant.execution.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class MarginLevelTest {

    private final MarginLevel levels = new MarginLevel(new BigDecimal("0.5"), new BigDecimal("0.8"),
            new BigDecimal("0.15"), new BigDecimal("0.07"));

    @Test
    void healthyMarginIsOk() {
        assertThat(levels.classify(new BigDecimal("0.1"), new BigDecimal("0.5"))).isEqualTo(MarginLevel.Level.OK);
    }

    @Test
    void liquidationCloseByIsCriticalEvenWithALowRatio() {
        BigDecimal distance = MarginLevel.liquidationDistance(new BigDecimal("100"), new BigDecimal("105"));
        assertThat(levels.classify(new BigDecimal("0.1"), distance)).isEqualTo(MarginLevel.Level.CRITICAL);
    }

    @Test
    void highRatioWarns() {
        assertThat(levels.classify(new BigDecimal("0.6"), null)).isEqualTo(MarginLevel.Level.WARNING);
    }

    @Test
    void noLiquidationPriceMeansNoDistance() {
        assertThat(MarginLevel.liquidationDistance(new BigDecimal("100"), BigDecimal.ZERO)).isNull();
    }
}
