package com.novaquant.backtest.engine;

import com.novaquant.backtest.report.BacktestReport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The portfolio's figures over a run: equity minute by minute for the drawdown, samples for the charts. */
final class RunTotals {

    private static final double MINUTES_PER_YEAR = 365 * 24 * 60;

    private final BigDecimal capital;
    private final List<BacktestReport.EquityPoint> equity = new ArrayList<>();
    private final List<BacktestReport.PositionPoint> positions = new ArrayList<>();
    private BigDecimal peak;
    private double maxDrawdown;
    private long minutesInMarket;

    RunTotals(BigDecimal capital) {
        this.capital = capital;
        this.peak = capital;
    }

    void recordMinute(List<SymbolRun> runs) {
        boolean anyOpen = false;
        BigDecimal pnl = BigDecimal.ZERO;
        for (SymbolRun run : runs) {
            pnl = pnl.add(run.recordMinute());
            anyOpen |= run.book.open();
        }
        if (anyOpen) {
            minutesInMarket++;
        }
        BigDecimal now = capital.add(pnl);
        if (now.compareTo(peak) > 0) {
            peak = now;
        }
        if (peak.signum() > 0) {
            maxDrawdown = Math.max(maxDrawdown, peak.subtract(now).doubleValue() / peak.doubleValue());
        }
    }

    void sample(long timeMs, List<SymbolRun> runs) {
        BigDecimal basis = BigDecimal.ZERO;
        BigDecimal funding = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        for (SymbolRun run : runs) {
            basis = basis.add(run.basisPnl());
            funding = funding.add(run.book.funding());
            fees = fees.add(run.book.fees());
            if (run.statistics.everOpen()) {
                BigDecimal notional = run.book.open() && run.spot.lastClose() != null
                        ? PairBook.money(run.book.qty().multiply(run.spot.lastClose())) : BigDecimal.ZERO;
                positions.add(new BacktestReport.PositionPoint(timeMs, run.symbol, notional));
            }
        }
        equity.add(new BacktestReport.EquityPoint(timeMs, capital.add(basis).add(funding).add(fees), basis, funding,
                fees));
    }

    BacktestReport report(String title, long fromMs, long toMs, Map<String, String> settings,
                          List<BacktestReport.PairResult> pairs, long minutes) {
        BigDecimal basis = BigDecimal.ZERO;
        BigDecimal funding = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal turnover = BigDecimal.ZERO;
        int trades = 0;
        for (BacktestReport.PairResult pair : pairs) {
            basis = basis.add(pair.basisPnl());
            funding = funding.add(pair.fundingPnl());
            fees = fees.add(pair.feePnl());
            turnover = turnover.add(pair.turnover());
            trades += pair.trades();
        }
        BigDecimal net = basis.add(funding).add(fees);
        double apr = capital.signum() == 0 || minutes == 0 ? 0
                : net.doubleValue() / capital.doubleValue() * (MINUTES_PER_YEAR / minutes);
        BacktestReport.Totals totals = new BacktestReport.Totals(capital, capital.add(net), trades, basis, funding,
                fees, net, apr, maxDrawdown, turnover, minutes == 0 ? 0 : (double) minutesInMarket / minutes);
        return new BacktestReport(title, fromMs, toMs, settings, totals, List.copyOf(pairs), List.copyOf(equity),
                List.copyOf(positions));
    }
}
