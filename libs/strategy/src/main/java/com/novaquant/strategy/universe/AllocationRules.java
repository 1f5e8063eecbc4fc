package com.novaquant.strategy.universe;

/**
 * How capital is spread over the chosen pairs.
 *
 * @param weighting      equal shares, or shares in proportion to each pair's expected net carry
 * @param capital        the quote currency the desk commits: a pair of notional n takes n on spot and
 *                       n / perpLeverage of margin on the perpetual
 * @param perpLeverage   the perpetual's leverage (at least 1)
 * @param perPairCap     the most notional one pair may hold
 * @param totalCap       the most notional all pairs may hold together
 * @param bookFraction   a pair holds at most this fraction of the value at the top of both books (opening side)
 * @param volumeFraction a pair holds at most this fraction of the thinner market's 24 h traded value
 * @param minNotional    a pair allocated less than this gets nothing and its share goes to the others
 */
public record AllocationRules(Weighting weighting, double capital, double perpLeverage, double perPairCap,
                              double totalCap, double bookFraction, double volumeFraction, double minNotional) {

    /** How shares are weighted before the caps. */
    public enum Weighting {
        EQUAL,
        BY_CARRY
    }

    public AllocationRules {
        if (!(perpLeverage >= 1)) {
            throw new IllegalArgumentException("perpLeverage must be at least 1, was " + perpLeverage);
        }
        if (!(capital >= 0) || !(perPairCap >= 0) || !(totalCap >= 0) || !(minNotional >= 0)
                || !(bookFraction >= 0) || !(volumeFraction >= 0)) {
            throw new IllegalArgumentException("capital, caps, fractions and minNotional must be at least 0");
        }
    }

    /** The capital one unit of pair notional takes: the spot leg plus the perpetual's margin. */
    public double capitalPerNotional() {
        return 1 + 1 / perpLeverage;
    }

    /** The most notional the capital and the total cap allow. */
    public double notionalBudget() {
        return Math.min(capital / capitalPerNotional(), totalCap);
    }
}
