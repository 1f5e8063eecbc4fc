package com.novaquant.backtest.sweep;

import com.novaquant.backtest.report.BacktestReport;

/** What one point of a sweep earned: the run's totals. */
public record SweepOutcome(SweepPoint point, BacktestReport.Totals totals) {
}
