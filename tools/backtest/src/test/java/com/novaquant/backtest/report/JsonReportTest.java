package com.novaquant.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.novaquant.backtest.report.BacktestReport.EquityPoint;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The round trip is compared with the records' {@code equals}, which compares BigDecimals with {@code equals}: the
 * scale must survive too ({@code 10000.00} stays {@code 10000.00}, not {@code 10000}).
 */
class JsonReportTest {

    @Test
    void theSmallReportReadsBackEqualScalesIncluded() {
        BacktestReport report = SampleReports.small();

        BacktestReport read = JsonReport.read(JsonReport.render(report));

        assertThat(read).isEqualTo(report);
        assertThat(read.totals().startingCapital().scale()).isEqualTo(2);
        assertThat(read.pairs().getFirst().fundingPnl().toString()).isEqualTo("120.61");
        assertThat(read.settings()).containsExactlyEntriesOf(report.settings());
    }

    @Test
    void moneyIsWrittenAsJsonStringsAndRatesAsNumbers() {
        JsonNode json = JsonMapper.shared().readTree(JsonReport.render(SampleReports.small()));

        JsonNode totals = json.get("totals");
        assertThat(totals.get("startingCapital").isString()).isTrue();
        assertThat(totals.get("startingCapital").stringValue()).isEqualTo("10000.00");
        assertThat(totals.get("endingEquity").stringValue()).isEqualTo("10523.456");
        assertThat(totals.get("apr").isNumber()).isTrue();
        assertThat(json.get("equity").get(1).get("feePnl").stringValue()).isEqualTo("-64.324");
    }

    @Test
    void fieldsKeepTheRecordsOrder() {
        String json = JsonReport.render(SampleReports.small());

        assertThat(json.indexOf("\"title\"")).isLessThan(json.indexOf("\"fromMs\""));
        assertThat(json.indexOf("\"fromMs\"")).isLessThan(json.indexOf("\"settings\""));
        assertThat(json.indexOf("\"totals\"")).isLessThan(json.indexOf("\"pairs\""));
        assertThat(json.indexOf("\"equity\"")).isLessThan(json.indexOf("\"positions\""));
    }

    @Test
    void aRateThatIsNotANumberReadsBackAsNotANumber() {
        BacktestReport small = SampleReports.small();
        BacktestReport.Totals t = small.totals();
        BacktestReport report = new BacktestReport(small.title(), small.fromMs(), small.toMs(), small.settings(),
                new BacktestReport.Totals(t.startingCapital(), t.endingEquity(), t.trades(), t.basisPnl(),
                        t.fundingPnl(), t.feePnl(), t.netPnl(), Double.NaN, t.maxDrawdown(), t.turnover(),
                        t.timeInMarket()),
                small.pairs(), small.equity(), small.positions());

        assertThat(JsonReport.read(JsonReport.render(report)).totals().apr()).isNaN();
    }

    @Test
    void textThatIsNotAWholeReportIsRefused() {
        String json = JsonReport.render(SampleReports.small());

        String withoutTrades = json.replace("\"trades\" : 12", "\"trades\" : null");
        assertThat(withoutTrades).isNotEqualTo(json);

        assertThatThrownBy(() -> JsonReport.read(json + " {}")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> JsonReport.read(withoutTrades)).isInstanceOf(JacksonException.class);
    }

    @Property(tries = 300)
    void anyAmountReadsBackWithItsScale(@ForAll("amounts") BigDecimal amount) {
        BacktestReport small = SampleReports.small();
        BacktestReport report = new BacktestReport(small.title(), small.fromMs(), small.toMs(), small.settings(),
                small.totals(), small.pairs(),
                List.of(new EquityPoint(small.fromMs(), amount, amount.negate(), amount, BigDecimal.ZERO)),
                small.positions());

        EquityPoint read = JsonReport.read(JsonReport.render(report)).equity().getFirst();

        assertThat(read.equity()).isEqualTo(amount);
        assertThat(read.equity().scale()).isEqualTo(amount.scale());
        assertThat(read.basisPnl()).isEqualTo(amount.negate());
    }

    /** Unscaled values beyond a long and scales from -6 (1E+6) to 30, so no double could carry them. */
    @Provide
    Arbitrary<BigDecimal> amounts() {
        Arbitrary<BigInteger> unscaled = Arbitraries.bigIntegers()
                .between(new BigInteger("-1" + "0".repeat(30)), new BigInteger("1" + "0".repeat(30)));
        Arbitrary<Integer> scale = Arbitraries.integers().between(-6, 30);
        return Combinators.combine(unscaled, scale).as(BigDecimal::new);
    }
}
