package com.novaquant.backtest.report;

import java.math.BigDecimal;

/** The figures the totals and each pair have in common, so both tables print the same columns from one place. */
record ResultFigures(BigDecimal netPnl, BigDecimal basisPnl, BigDecimal fundingPnl, BigDecimal feePnl, double apr,
                     double maxDrawdown, BigDecimal turnover, double timeInMarket, int trades) {

    static ResultFigures of(BacktestReport.Totals totals) {
        return new ResultFigures(totals.netPnl(), totals.basisPnl(), totals.fundingPnl(), totals.feePnl(),
                totals.apr(), totals.maxDrawdown(), totals.turnover(), totals.timeInMarket(), totals.trades());
    }

    static ResultFigures of(BacktestReport.PairResult pair) {
        return new ResultFigures(pair.netPnl(), pair.basisPnl(), pair.fundingPnl(), pair.feePnl(), pair.apr(),
                pair.maxDrawdown(), pair.turnover(), pair.timeInMarket(), pair.trades());
    }
}
