package com.novaquant.execution.domain;

import java.math.BigDecimal;

/**
 * The one base quantity both legs can trade: rounded down to both venues' steps, so the legs stay equal (a hedge
 * with unequal legs is a small naked position from the start).
 */
public final class PairSizing {

    /**
     * The largest share of a spot leg that commission paid in the base asset can explain (0.1 % on Binance, with
     * headroom): a leg above the account by no more than this is commission a query could not show, booked as such;
     * more is a real shortfall.
     */
    public static final BigDecimal FEE_DUST = new BigDecimal("0.002");

    private PairSizing() {
    }

    /** The largest quantity not above {@code wanted} that is on both venues' steps (zero if none). */
    public static BigDecimal common(BigDecimal wanted, SymbolFilters spot, SymbolFilters perp) {
        BigDecimal quantity = wanted.abs();
        for (int i = 0; i < 4; i++) {
            BigDecimal next = perp.roundDown(spot.roundDown(quantity));
            if (next.compareTo(quantity) == 0) {
                return next;
            }
            quantity = next;
        }
        return spot.onStep(quantity) && perp.onStep(quantity) ? quantity : BigDecimal.ZERO;
    }
}
