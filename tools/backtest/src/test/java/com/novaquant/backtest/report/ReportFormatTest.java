package com.novaquant.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ReportFormatTest {

    @Test
    void moneyHasTwoDecimalsRoundedHalfUpAndGroupedThousands() {
        assertThat(ReportFormat.money(new BigDecimal("1234567.891"))).isEqualTo("1,234,567.89");
        assertThat(ReportFormat.money(new BigDecimal("2.675"))).isEqualTo("2.68");
        assertThat(ReportFormat.money(new BigDecimal("-1000"))).isEqualTo("-1,000.00");
        assertThat(ReportFormat.money(new BigDecimal("999.995"))).isEqualTo("1,000.00");
        assertThat(ReportFormat.money(new BigDecimal("-123.005"))).isEqualTo("-123.01");
        assertThat(ReportFormat.money(new BigDecimal("1E+3"))).isEqualTo("1,000.00");
    }

    @Test
    void aLossTooSmallToShowPrintsAsZeroWithoutASign() {
        assertThat(ReportFormat.money(new BigDecimal("-0.004"))).isEqualTo("0.00");
    }

    @Test
    void percentRoundsTheDecimalTheDoubleNamesNotItsBinaryNeighbour() {
        // 0.01005 * 100 in double arithmetic is 1.00499..., which would print 1.00
        assertThat(ReportFormat.percent(0.01005)).isEqualTo("1.01%");
        assertThat(ReportFormat.percent(-0.0845)).isEqualTo("-8.45%");
        assertThat(ReportFormat.percent(0.0)).isEqualTo("0.00%");
    }

    @Test
    void aRateThatIsNotANumberPrintsAsNotAvailable() {
        assertThat(ReportFormat.percent(Double.NaN)).isEqualTo("n/a");
        assertThat(ReportFormat.percent(Double.POSITIVE_INFINITY)).isEqualTo("n/a");
    }

    @Test
    void countsAreGroupedWhateverTheLocale() {
        assertThat(ReportFormat.count(1234567)).isEqualTo("1,234,567");
        assertThat(ReportFormat.count(-1200)).isEqualTo("-1,200");
    }

    @Test
    void periodShowsUtcMinutesAndTheLengthInDays() {
        assertThat(ReportFormat.period(SampleReports.JAN_1_2024, SampleReports.APR_1_2024))
                .isEqualTo("2024-01-01 00:00 to 2024-04-01 00:00 UTC (91 days)");
        assertThat(ReportFormat.period(SampleReports.JAN_1_2024, SampleReports.JAN_1_2024 + 36 * 3_600_000L))
                .isEqualTo("2024-01-01 00:00 to 2024-01-02 12:00 UTC (1.5 days)");
        assertThat(ReportFormat.period(SampleReports.JAN_1_2024, SampleReports.JAN_1_2024 + 86_400_000L))
                .endsWith("(1 day)");
    }
}
