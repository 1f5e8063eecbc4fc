package com.novaquant.execution.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * PnL over a window, in USDT: what was realised in it plus the change in unrealised PnL over it.
 *
 * @param realised   basis: price PnL of both legs' quantities closed in the window
 * @param unrealised change over the window of the open quantities' price PnL at the exchange's marks
 * @param funding    funding received (positive) or paid (negative)
 * @param fees       commissions paid (positive number, subtracted from the total)
 * @param trades     filled orders in the window
 * @param wins       pair reductions in the window whose net PnL (price, funding, fees) was positive
 * @param closes     pair reductions in the window
 */
public record PnlSummary(BigDecimal realised, BigDecimal unrealised, BigDecimal funding, BigDecimal fees,
                         long trades, long wins, long closes) {

    public BigDecimal total() {
        return realised.add(unrealised).add(funding).subtract(fees);
    }

    /** Wins / closes as a percentage, or -1 when nothing closed in the window. */
    public int winRatePercent() {
        return closes == 0 ? -1 : BigDecimal.valueOf(wins * 100).divide(BigDecimal.valueOf(closes), 0, RoundingMode.HALF_UP).intValue();
    }

    /** The daily line: {@code 24h PnL: +$42.15 | Total Trades: 128 | Win Rate: 98%}. */
    public String dailyLine(int hours) {
        int winRate = winRatePercent();
        return hours + "h PnL: " + usd(total())
                + " | Total Trades: " + trades
                + " | Win Rate: " + (winRate < 0 ? "n/a" : winRate + "%");
    }

    /** An amount as the desk's lines show it: signed, in dollars, to the cent ({@code +$42.15}, {@code -$4.46}). */
    public static String usd(BigDecimal amount) {
        BigDecimal cents = amount.setScale(2, RoundingMode.HALF_EVEN);
        return (cents.signum() < 0 ? "-$" : "+$") + cents.abs().toPlainString();
    }
}
