package com.novaquant.execution.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class PnlSummaryTest {

    @Test
    void dailyLineReadsLikeTheDeskSummary() {
        PnlSummary pnl = new PnlSummary(new BigDecimal("30.00"), new BigDecimal("2.10"), new BigDecimal("15.05"),
                new BigDecimal("5.00"), 128, 49, 50);
        assertThat(pnl.dailyLine(24)).isEqualTo("24h PnL: +$42.15 | Total Trades: 128 | Win Rate: 98%");
    }

    @Test
    void lossesCarryAMinusSign() {
        PnlSummary pnl = new PnlSummary(new BigDecimal("-3.456"), BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal("1"), 2, 0, 1);
        assertThat(pnl.dailyLine(24)).isEqualTo("24h PnL: -$4.46 | Total Trades: 2 | Win Rate: 0%");
    }

    @Test
    void noClosedPairMeansNoWinRate() {
        PnlSummary pnl = new PnlSummary(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0);
        assertThat(pnl.dailyLine(24)).isEqualTo("24h PnL: +$0.00 | Total Trades: 0 | Win Rate: n/a");
    }
}
