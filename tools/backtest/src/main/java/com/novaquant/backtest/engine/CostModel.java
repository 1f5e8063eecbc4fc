package com.novaquant.backtest.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the backtest turns 1-minute klines, which carry no book, into books and fills.
 *
 * @param spotHalfSpread  the spot book's bid and ask sit this fraction below and above the minute's close
 * @param perpHalfSpread  the same for the perpetual
 * @param slippage        a fill is this fraction worse than the touch it crosses (market orders walking the book)
 * @param depthShare      the top of each book holds this share of the base volume traded per minute over the last
 *                        hour; sizing takes at most the rules' top-of-book fraction of it
 */
public record CostModel(double spotHalfSpread, double perpHalfSpread, double slippage, double depthShare) {

    public CostModel {
        if (!(spotHalfSpread >= 0) || !(perpHalfSpread >= 0) || !(slippage >= 0) || !(depthShare > 0)) {
            throw new IllegalArgumentException("half spreads and slippage must be at least 0, depthShare above 0");
        }
    }

    /** The fill price of crossing a book at {@code close} ± {@code halfSpread}: the touch made worse by the slippage. */
    public BigDecimal fill(BigDecimal close, double halfSpread, boolean buy) {
        double factor = buy ? 1 + halfSpread + slippage : 1 - halfSpread - slippage;
        return close.multiply(BigDecimal.valueOf(factor)).setScale(PairBook.MONEY_SCALE, RoundingMode.HALF_EVEN);
    }

    /** One basis point each side on both books, one more of slippage, a tenth of a minute's volume on the touch. */
    public static CostModel typical() {
        return new CostModel(0.0001, 0.0001, 0.0001, 0.1);
    }
}
