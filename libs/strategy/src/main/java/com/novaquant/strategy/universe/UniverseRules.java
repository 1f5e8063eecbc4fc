package com.novaquant.strategy.universe;

/**
 * How the universe is chosen.
 *
 * @param size              how many pairs the desk holds at most
 * @param minQuoteVolume    24 h traded value each market needs, quote currency
 * @param maxSpread         the widest spread either book may show, as a fraction of its mid
 * @param minDepthMultiple  the opening side of the top of both books must hold this many times the intended pair
 *                          notional ({@code intendedNotional})
 * @param intendedNotional  the notional one pair is meant to hold, quote currency (the per-pair cap)
 * @param entryCarryApr     a symbol enters only with its net carry (every cost of a round trip) at least this
 * @param switchMarginApr   the hysteresis: a member is replaced only by a symbol whose net carry beats it by more
 *                          than this, and stays while its own is at least {@code entryCarryApr - switchMarginApr}
 * @param liquidityStay     the hysteresis of the liquidity filters, in (0, 1]: a member stays while its volume and
 *                          depth reach this fraction of what an entry needs and its spread is within the maximum
 *                          divided by it (a book thinning overnight does not close and reopen a pair every day)
 * @param roundTripFees     fees of opening and closing both legs, as a fraction of notional
 * @param holdingHours      the holding time the round trip's costs are spread over
 */
public record UniverseRules(int size, double minQuoteVolume, double maxSpread, double minDepthMultiple,
                            double intendedNotional, double entryCarryApr, double switchMarginApr,
                            double liquidityStay, double roundTripFees, double holdingHours) {

    public UniverseRules {
        if (size < 0) {
            throw new IllegalArgumentException("size must be at least 0, was " + size);
        }
        if (!(switchMarginApr >= 0)) {
            throw new IllegalArgumentException("switchMarginApr must be at least 0, was " + switchMarginApr);
        }
        if (!(liquidityStay > 0 && liquidityStay <= 1)) {
            throw new IllegalArgumentException("liquidityStay must be in (0, 1], was " + liquidityStay);
        }
        if (!(holdingHours > 0)) {
            throw new IllegalArgumentException("holdingHours must be above 0, was " + holdingHours);
        }
    }

    /** The net carry under which a member leaves. */
    public double stayCarryApr() {
        return entryCarryApr - switchMarginApr;
    }
}
