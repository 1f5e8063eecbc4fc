package com.novaquant.backtest.engine;

import com.novaquant.backtest.report.BacktestReport;
import com.novaquant.strategy.universe.AllocationRules;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static com.novaquant.backtest.engine.Histories.HOUR_MS;
import static com.novaquant.backtest.engine.Histories.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The engine's figures against cases worked out by hand. */
class BacktestHandComputedTest {

    private static final int THREE_DAYS = 3 * 24 * 60;

    /**
     * Three days of BTCUSDT at 100 on both markets, 1 600 traded a minute, funding 0.1 % every 8 hours. Books are
     * 100 ± 1 bp; the top of each holds 200 (1 600 × 0.125), so sizing takes a quarter of it: 50.
     * <pre>
     * open at 00:01:  buy 50 spot at 100.01 (5 000.50, fee 0.1 % = 5.0005), sell 50 perp at 99.99 (4 999.50, fee 0.05 % = 2.49975)
     * funding:        8 settlements after the opening (08:00 .. day 3 16:00) × 50 × 100 × 0.001 = 40
     * close at end:   sell 50 spot at 99.99 (fee 4.9995), buy 50 perp at 100.01 (fee 2.50025)
     * basis:          spot 50 × (99.99 − 100.01) + perp 50 × (99.99 − 100.01) = −2
     * net:            40 − 15 − 2 = 23
     * </pre>
     */
    @Test
    void oneRichPairForThreeDaysEarnsItsFundingLessFeesAndSpreads() {
        SymbolHistory btc = new SymbolHistory("BTCUSDT", Histories.flat("100", 1_600, THREE_DAYS),
                Histories.flat("100", 1_600, THREE_DAYS), Histories.funding(8, START + 72 * HOUR_MS, t -> "0.001"));

        BacktestReport report = BacktestEngine.run("hand", List.of(btc), settings(1));

        BacktestReport.PairResult pair = report.pairs().getFirst();
        assertThat(pair.symbol()).isEqualTo("BTCUSDT");
        assertThat(pair.trades()).isEqualTo(4);
        assertThat(pair.fundingPnl()).isEqualByComparingTo("40");
        assertThat(pair.feePnl()).isEqualByComparingTo("-15");
        assertThat(pair.basisPnl()).isEqualByComparingTo("-2");
        assertThat(pair.netPnl()).isEqualByComparingTo("23");
        assertThat(pair.turnover()).isEqualByComparingTo("20000");
        assertThat(pair.timeInMarket()).isCloseTo(4319.0 / 4320, within(1e-12));

        BacktestReport.Totals totals = report.totals();
        assertThat(totals.netPnl()).isEqualByComparingTo("23");
        assertThat(totals.endingEquity()).isEqualByComparingTo("100023");
        assertThat(totals.apr()).isCloseTo(23.0 / 100_000 * 365 / 3, within(1e-12));
        assertThat(totals.trades()).isEqualTo(4);
        assertThat(report.equity().getLast().equity()).isEqualByComparingTo("100023");
        // The deepest fall is just after the opening: its fees, and half a spread on each leg at the 100 closes.
        assertThat(totals.maxDrawdown()).isCloseTo((5.0005 + 2.49975 + 1) / 100_000, within(1e-12));
    }

    /**
     * ETHUSDT pays a good carry throughout; from the second day SOLUSDT pays far more. With room for one pair, SOL
     * outranks ETH by more than the switch margin: ETH leaves the universe and its pair closes (although its own
     * carry would have kept it), then SOL opens.
     */
    @Test
    void aSymbolOutrankedOutOfTheUniverseIsClosedAndTheBetterOneOpened() {
        long secondDay = START + 24 * HOUR_MS;
        SymbolHistory eth = new SymbolHistory("ETHUSDT", Histories.flat("100", 1_600, THREE_DAYS),
                Histories.flat("100", 1_600, THREE_DAYS), Histories.funding(8, START + 72 * HOUR_MS, t -> "0.0005"));
        SymbolHistory sol = new SymbolHistory("SOLUSDT", Histories.flat("100", 1_600, THREE_DAYS),
                Histories.flat("100", 1_600, THREE_DAYS),
                Histories.funding(8, START + 72 * HOUR_MS, t -> t < secondDay ? "0.0001" : "0.002"));

        BacktestReport report = BacktestEngine.run("rotation", List.of(eth, sol), settings(1));

        BacktestReport.PairResult ethPair = pair(report, "ETHUSDT");
        BacktestReport.PairResult solPair = pair(report, "SOLUSDT");
        assertThat(ethPair.trades()).as("ETH opened and closed once").isEqualTo(4);
        assertThat(solPair.trades()).as("SOL opened once, closed at the end").isEqualTo(4);
        // ETH held from 00:01 on day 1 to the first scan after SOL's rate of day 2 is known (00:00 + 1 min).
        assertThat(ethPair.fundingPnl()).isEqualByComparingTo(new BigDecimal("0.0005").multiply(
                new BigDecimal("5000")).multiply(BigDecimal.valueOf(3)));
        long ethOpenAt = firstOpen(report, "ETHUSDT");
        long ethClosedAt = firstClosedAfter(report, "ETHUSDT", ethOpenAt);
        long solOpenAt = firstOpen(report, "SOLUSDT");
        assertThat(ethClosedAt).isGreaterThan(secondDay).isLessThanOrEqualTo(secondDay + HOUR_MS);
        assertThat(solOpenAt).isGreaterThanOrEqualTo(ethClosedAt - 60_000L).isLessThanOrEqualTo(ethClosedAt);
        assertThat(report.positions()).as("never two pairs at once with room for one")
                .allSatisfy(p -> assertThat(openAt(report, p.timeMs())).isLessThanOrEqualTo(1));
    }

    /**
     * ADAUSDT pays 0.02 % per interval throughout. On 8 hours that is 21.9 % a year, under the entry threshold once
     * the round trip's costs are spread over a week; from the second day Binance settles it every 4 hours, 43.8 % a
     * year, and the pair opens. The carry is annualised over the symbol's own, current interval.
     */
    @Test
    void aSymbolMovingFromEightToFourHourFundingOpensOnceItsNewIntervalMakesTheCarryWorthIt() {
        long secondDay = START + 24 * HOUR_MS;
        List<com.novaquant.history.FundingRecord> funding = new java.util.ArrayList<>(
                Histories.funding(8, secondDay, t -> "0.0002"));
        for (long t = secondDay; t < START + 72 * HOUR_MS; t += 4 * HOUR_MS) {
            funding.add(new com.novaquant.history.FundingRecord(t, 4, new BigDecimal("0.0002")));
        }
        SymbolHistory ada = new SymbolHistory("ADAUSDT", Histories.flat("100", 1_600, THREE_DAYS),
                Histories.flat("100", 1_600, THREE_DAYS), funding);

        BacktestReport report = BacktestEngine.run("interval", List.of(ada), settings(1));

        long opened = report.positions().stream().filter(p -> p.notional().signum() > 0)
                .mapToLong(BacktestReport.PositionPoint::timeMs).min().orElseThrow();
        // The first 4-hour record is announced as the next funding once the 16:00 one of day 1 has settled.
        assertThat(opened).isGreaterThan(START + 16 * HOUR_MS).isLessThanOrEqualTo(secondDay);
        // 4-hourly settlements from day 2 00:00 to day 3 20:00, all while open: 12 × 50 × 100 × 0.0002.
        assertThat(report.pairs().getFirst().fundingPnl()).isEqualByComparingTo("12");
    }

    /**
     * XRPUSDT's history stops after the first day (a delisting): its pair is closed at the last prices the minute
     * after, not carried to the end of the run, and earns no funding after that.
     */
    @Test
    void aPairWhoseHistoryEndsIsClosedAtItsLastPricesAtOnce() {
        int oneDay = 24 * 60;
        SymbolHistory xrp = new SymbolHistory("XRPUSDT", Histories.flat("100", 1_600, oneDay),
                Histories.flat("100", 1_600, oneDay), Histories.funding(8, START + 72 * HOUR_MS, t -> "0.001"));
        SymbolHistory btc = new SymbolHistory("BTCUSDT", Histories.flat("100", 1_600, THREE_DAYS),
                Histories.flat("100", 1_600, THREE_DAYS), Histories.funding(8, START + 72 * HOUR_MS, t -> "0.0001"));

        BacktestReport report = BacktestEngine.run("delisting", List.of(xrp, btc), settings(2));

        BacktestReport.PairResult pair = report.pairs().stream().filter(p -> p.symbol().equals("XRPUSDT"))
                .findFirst().orElseThrow();
        assertThat(pair.trades()).isEqualTo(4);
        // Opened 00:01 on day 1 and held to the close of its last minute, day 2 00:00: settlements at 08:00, 16:00
        // and that 00:00, none after: 3 × 50 × 100 × 0.001.
        assertThat(pair.fundingPnl()).isEqualByComparingTo("15");
        assertThat(pair.timeInMarket()).isCloseTo((double) (oneDay) / THREE_DAYS, within(1e-3));
    }

    /** Capital 100 000 at 2x, a per-pair cap far above the book's share: sizing is set by the book (50). */
    private static BacktestSettings settings(int universeSize) {
        BacktestSettings defaults = BacktestSettings.of(0.15, 0, 168, universeSize,
                AllocationRules.Weighting.EQUAL, 100_000);
        AllocationRules allocation = new AllocationRules(AllocationRules.Weighting.EQUAL, 100_000, 2, 10_000,
                100_000, 1, 0.001, 100);
        return new BacktestSettings(defaults.policy(), defaults.universe(), allocation,
                new CostModel(0.0001, 0.0001, 0, 0.125), Duration.ofMinutes(1));
    }

    private static BacktestReport.PairResult pair(BacktestReport report, String symbol) {
        return report.pairs().stream().filter(p -> p.symbol().equals(symbol)).findFirst().orElseThrow();
    }

    private static long firstOpen(BacktestReport report, String symbol) {
        return report.positions().stream().filter(p -> p.symbol().equals(symbol) && p.notional().signum() > 0)
                .mapToLong(BacktestReport.PositionPoint::timeMs).min().orElseThrow();
    }

    private static long firstClosedAfter(BacktestReport report, String symbol, long afterMs) {
        return report.positions().stream().filter(p -> p.symbol().equals(symbol) && p.timeMs() > afterMs
                        && p.notional().signum() == 0)
                .mapToLong(BacktestReport.PositionPoint::timeMs).min().orElseThrow();
    }

    private static long openAt(BacktestReport report, long timeMs) {
        return report.positions().stream().filter(p -> p.timeMs() == timeMs && p.notional().signum() > 0).count();
    }
}
