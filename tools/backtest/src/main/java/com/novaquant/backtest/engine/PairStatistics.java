package com.novaquant.backtest.engine;

import com.novaquant.backtest.report.BacktestReport;

import java.math.BigDecimal;

/** One pair's figures over a run, counted minute by minute: time in market, notional held, drawdown, APR. */
final class PairStatistics {

    private static final double MINUTES_PER_YEAR = 365 * 24 * 60;

    private long minutesOpen;
    private BigDecimal notionalMinutes = BigDecimal.ZERO;
    private BigDecimal peakNotional = BigDecimal.ZERO;
    private BigDecimal peakPnl = BigDecimal.ZERO;
    private double maxDrawdown;
    private boolean everOpen;

    /** Counts a minute: time in market, the notional held, the drawdown of the pair's own net PnL. */
    void record(PairBook book, BigDecimal netPnl) {
        if (book.open()) {
            everOpen = true;
            minutesOpen++;
            BigDecimal notional = book.entryNotional();
            notionalMinutes = notionalMinutes.add(notional);
            if (notional.compareTo(peakNotional) > 0) {
                peakNotional = notional;
            }
        }
        if (netPnl.compareTo(peakPnl) > 0) {
            peakPnl = netPnl;
        }
        if (peakNotional.signum() > 0) {
            maxDrawdown = Math.max(maxDrawdown, peakPnl.subtract(netPnl).doubleValue() / peakNotional.doubleValue());
        }
    }

    boolean everOpen() {
        return everOpen;
    }

    /**
     * The pair's row: APR is net PnL over the average notional held while open, annualised over the time open;
     * drawdown is over the pair's own net PnL, as a fraction of the largest notional it held.
     */
    BacktestReport.PairResult result(String symbol, PairBook book, BigDecimal basisPnl, BigDecimal netPnl,
                                     long totalMinutes) {
        double apr = 0;
        if (minutesOpen > 0) {
            double averageNotional = notionalMinutes.doubleValue() / minutesOpen;
            apr = averageNotional == 0 ? 0 : netPnl.doubleValue() / averageNotional * (MINUTES_PER_YEAR / minutesOpen);
        }
        return new BacktestReport.PairResult(symbol, book.trades(), basisPnl, book.funding(), book.fees(), netPnl, apr,
                maxDrawdown, book.turnover(), totalMinutes == 0 ? 0 : (double) minutesOpen / totalMinutes);
    }
}
