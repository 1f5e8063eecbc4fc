package com.novaquant.backtest.report;

import com.novaquant.backtest.report.BacktestReport.EquityPoint;
import com.novaquant.backtest.report.BacktestReport.PairResult;
import com.novaquant.backtest.report.BacktestReport.PositionPoint;
import com.novaquant.backtest.report.BacktestReport.Totals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reports built by hand for the rendering tests. */
final class SampleReports {

    static final long JAN_1_2024 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    static final long APR_1_2024 = Instant.parse("2024-04-01T00:00:00Z").toEpochMilli();
    private static final long HOUR = 3_600_000L;

    private SampleReports() {
    }

    /** Three pairs given out of order (ETH, XRP, BTC), amounts with more decimals than the tables show. */
    static BacktestReport small() {
        return small("Carry Q1 2024");
    }

    static BacktestReport small(String title) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("entryAprThreshold", "0.15");
        settings.put("takerFeeRate", "0.0004");
        Totals totals = new Totals(new BigDecimal("10000.00"), new BigDecimal("10523.456"), 12,
                new BigDecimal("-12.345"), new BigDecimal("600.125"), new BigDecimal("-64.324"),
                new BigDecimal("523.456"), 0.021234, 0.0123456, new BigDecimal("123456.789"), 0.875);
        List<PairResult> pairs = List.of(
                new PairResult("ETHUSDT", 4, new BigDecimal("-2.5"), new BigDecimal("120.61"), new BigDecimal("-18"),
                        new BigDecimal("100.11"), 0.0845, 0.002, new BigDecimal("40000"), 0.5),
                new PairResult("XRPUSDT", 2, new BigDecimal("-1.2"), new BigDecimal("-0.8"), new BigDecimal("-3.005"),
                        new BigDecimal("-5.005"), -0.01005, 0.031, new BigDecimal("8000.5"), 0.125),
                new PairResult("BTCUSDT", 6, new BigDecimal("-8.645"), new BigDecimal("480.315"),
                        new BigDecimal("-43.319"), new BigDecimal("428.351"), 0.0912, 0.0101, new BigDecimal("75456.289"),
                        0.875));
        List<EquityPoint> equity = List.of(
                new EquityPoint(JAN_1_2024, new BigDecimal("10000.00"), BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO),
                new EquityPoint(APR_1_2024, new BigDecimal("10523.456"), new BigDecimal("-12.345"),
                        new BigDecimal("600.125"), new BigDecimal("-64.324")));
        List<PositionPoint> positions = List.of(
                new PositionPoint(JAN_1_2024, "BTCUSDT", new BigDecimal("5000.00")),
                new PositionPoint(APR_1_2024, "BTCUSDT", BigDecimal.ZERO));
        return new BacktestReport(title, JAN_1_2024, APR_1_2024, settings, totals, pairs, equity, positions);
    }

    /**
     * A run over {@code points} hours: equity drifting up with a dip, each symbol's funding alternating in sign
     * (the second symbol loses), each symbol holding a position for part of the time.
     */
    static BacktestReport withCurve(List<String> symbols, int points) {
        List<EquityPoint> equity = new ArrayList<>();
        List<PositionPoint> positions = new ArrayList<>();
        BigDecimal start = new BigDecimal("10000.00");
        for (int i = 0; i < points; i++) {
            long time = JAN_1_2024 + i * HOUR;
            BigDecimal funding = BigDecimal.valueOf(i).multiply(new BigDecimal("0.75"));
            BigDecimal dip = i > points / 3 && i < points / 2 ? new BigDecimal("-40") : BigDecimal.ZERO;
            equity.add(new EquityPoint(time, start.add(funding).add(dip), dip, funding, BigDecimal.ZERO));
            for (int s = 0; s < symbols.size(); s++) {
                boolean open = i >= s * 10 && i < points - s * 20;
                BigDecimal notional = open ? BigDecimal.valueOf(2000L + 500L * s + (i % 24) * 10L) : BigDecimal.ZERO;
                positions.add(new PositionPoint(time, symbols.get(s), notional));
            }
        }
        List<PairResult> pairs = new ArrayList<>();
        for (int s = 0; s < symbols.size(); s++) {
            BigDecimal funding = BigDecimal.valueOf(s == 1 ? -35 : 90 - 10L * s).setScale(2);
            pairs.add(new PairResult(symbols.get(s), 4, new BigDecimal("-3.10"), funding, new BigDecimal("-4.00"),
                    funding.subtract(new BigDecimal("7.10")), 0.05, 0.01, new BigDecimal("20000.00"), 0.6));
        }
        BigDecimal end = equity.getLast().equity();
        Totals totals = new Totals(start, end, 4 * symbols.size(), BigDecimal.ZERO, end.subtract(start),
                BigDecimal.ZERO, end.subtract(start), 0.11, 0.004, new BigDecimal("80000.00"), 0.9);
        return new BacktestReport("Curve of " + points + " hours", JAN_1_2024, JAN_1_2024 + points * HOUR,
                Map.of("takerFeeRate", "0.0004"), totals, pairs, equity, positions);
    }

    /** A run where nothing was ever in the universe: one equity point, no pairs, no positions. */
    static BacktestReport withoutPairs() {
        Totals totals = new Totals(new BigDecimal("10000.00"), new BigDecimal("10000.00"), 0, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0.0, 0.0, BigDecimal.ZERO, 0.0);
        return new BacktestReport("Empty universe", JAN_1_2024, JAN_1_2024 + HOUR, Map.of(), totals, List.of(),
                List.of(new EquityPoint(JAN_1_2024, new BigDecimal("10000.00"), BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO)),
                List.of());
    }
}
