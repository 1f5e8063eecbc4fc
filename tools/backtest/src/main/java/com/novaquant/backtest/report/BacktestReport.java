package com.novaquant.backtest.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Everything a backtest reports, in the units a reader wants: money in the quote currency (USDT) as exact decimals,
 * rates as fractions (0.12 = 12 %), times in epoch milliseconds. The Markdown, JSON and HTML renderings all read this.
 *
 * @param title     a one-line title
 * @param fromMs    the first minute replayed
 * @param toMs      the end of the last minute replayed
 * @param settings  the rules' settings and the cost model, by name, as given
 * @param totals    the whole portfolio
 * @param pairs     one row per symbol that was in the universe at some time, by symbol
 * @param equity    the portfolio's equity over time (sampled, at most a few thousand points)
 * @param positions each symbol's held notional over time (sampled at the same times as {@code equity})
 */
public record BacktestReport(String title, long fromMs, long toMs, Map<String, String> settings, Totals totals,
                             List<PairResult> pairs, List<EquityPoint> equity, List<PositionPoint> positions) {

    /**
     * @param startingCapital the capital the run started with
     * @param endingEquity    capital plus every PnL at the end
     * @param trades          orders filled (each leg of an opening or a close counts once)
     * @param basisPnl        what the two legs' prices earned together, fees excluded
     * @param fundingPnl      funding received minus funding paid on the perp leg
     * @param feePnl          fees paid (negative)
     * @param netPnl          basis + funding + fees
     * @param apr             net PnL over the starting capital, annualised over the replayed time
     * @param maxDrawdown     the largest fall of equity from a previous high, as a fraction of that high
     * @param turnover        notional traded, both legs
     * @param timeInMarket    the fraction of the replayed time with at least one pair open
     */
    public record Totals(BigDecimal startingCapital, BigDecimal endingEquity, int trades, BigDecimal basisPnl,
                         BigDecimal fundingPnl, BigDecimal feePnl, BigDecimal netPnl, double apr, double maxDrawdown,
                         BigDecimal turnover, double timeInMarket) {
    }

    /**
     * One symbol's share of the run. {@code apr} is the symbol's net PnL over the average notional it held while
     * open, annualised over its time in market (0 when it never opened); {@code maxDrawdown} is over the symbol's own
     * cumulative net PnL, as a fraction of the peak notional it held.
     */
    public record PairResult(String symbol, int trades, BigDecimal basisPnl, BigDecimal fundingPnl, BigDecimal feePnl,
                             BigDecimal netPnl, double apr, double maxDrawdown, BigDecimal turnover,
                             double timeInMarket) {
    }

    /** The portfolio at one time: equity and the cumulative PnL by kind. */
    public record EquityPoint(long timeMs, BigDecimal equity, BigDecimal basisPnl, BigDecimal fundingPnl,
                              BigDecimal feePnl) {
    }

    /** The notional of one symbol's open pair at one time (absent or zero when flat). */
    public record PositionPoint(long timeMs, String symbol, BigDecimal notional) {
    }
}
