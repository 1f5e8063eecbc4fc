package com.novaquant.strategy.pair;

/**
 * The carry of a hedged pair (long spot, short the USD-M perpetual), as annualised fractions (0.12 = 12 %/year).
 * Pure arithmetic on doubles: it runs on every tick, so it allocates nothing.
 *
 * <pre>
 * fundingApr     = fundingRate × (8760 h / fundingIntervalHours)
 * roundTripFees  = 2 × spotFee + 2 × perpFee                 (open and close, both legs; taker rates by default)
 * entryBasisCost = (spotAsk − perpBid) / spotAsk             (buy spot at the ask, sell the perp at the bid)
 * exitBasisCost  = (perpAsk − spotBid) / spotBid             (sell spot at the bid, buy the perp back at the ask)
 * roundTripCost  = roundTripFees + entryBasisCost + exitBasisCost
 * netCarryApr    = fundingApr − roundTripCost × (8760 h / expectedHoldingHours)        (entry rule)
 * costOfLeaving  = spotFee + perpFee + exitBasisCost
 * holdCarryApr   = fundingApr − costOfLeaving × (8760 h / exitHorizonHours)           (exit rule)
 * </pre>
 *
 * An opening pays every cost, so the entry rule charges them all. A pair already open has paid its entry: closing
 * it saves nothing of that, so the exit rule charges only what leaving costs. {@code holdCarryApr ≥ 0} exactly
 * when the carry still to be earned over the horizon ({@link #carryToEarn}) covers the cost of leaving.
 *
 * <p>The exit cost is priced at today's books: a premium earned on entry (perp bid above spot ask) is assumed to be
 * paid back on exit, so the model takes no credit for a convergence that may not come. Convergence that does come
 * is harvested by the take-profit rule instead ({@link #basisGain}).
 */
public final class CarryModel {

    /** Hours in a 365-day year. */
    public static final double HOURS_PER_YEAR = 8760.0;

    private CarryModel() {
    }

    /** The funding rate of one interval, annualised. */
    public static double fundingApr(double fundingRate, double fundingIntervalHours) {
        return fundingRate * (HOURS_PER_YEAR / fundingIntervalHours);
    }

    /** Fees of opening and closing both legs, as a fraction of notional. */
    public static double roundTripFees(double spotFee, double perpFee) {
        return 2 * spotFee + 2 * perpFee;
    }

    /** What crossing both books to open costs, as a fraction of notional; negative when the perp bid is above the spot ask. */
    public static double entryBasisCost(double spotAsk, double perpBid) {
        return (spotAsk - perpBid) / spotAsk;
    }

    /** What crossing both books to close costs now, as a fraction of notional. */
    public static double exitBasisCost(double spotBid, double perpAsk) {
        return (perpAsk - spotBid) / spotBid;
    }

    /** Fees of closing both legs, as a fraction of notional. */
    public static double exitFees(double spotFee, double perpFee) {
        return spotFee + perpFee;
    }

    /** A one-off cost (fraction of notional) spread over the expected holding time, annualised. */
    public static double amortisedApr(double cost, double holdingHours) {
        return cost * (HOURS_PER_YEAR / holdingHours);
    }

    /** The expected net carry of a round trip (every cost), annualised: the entry rule's measure. */
    public static double netCarryApr(double fundingRate, double fundingIntervalHours,
                                     double spotBid, double spotAsk, double perpBid, double perpAsk,
                                     double roundTripFees, double holdingHours) {
        double roundTripCost = roundTripFees + entryBasisCost(spotAsk, perpBid) + exitBasisCost(spotBid, perpAsk);
        return fundingApr(fundingRate, fundingIntervalHours) - amortisedApr(roundTripCost, holdingHours);
    }

    /**
     * The carry of staying in an open pair net of the cost of leaving it, annualised: the exit rule's measure.
     * Non-negative exactly when {@link #carryToEarn} over {@code horizonHours} covers {@link #costOfLeaving}.
     */
    public static double holdCarryApr(double fundingRate, double fundingIntervalHours, double spotBid, double perpAsk,
                                      double exitFees, double horizonHours) {
        return fundingApr(fundingRate, fundingIntervalHours)
                - amortisedApr(costOfLeaving(exitFees, spotBid, perpAsk), horizonHours);
    }

    /** The funding still to be earned over {@code horizonHours} at the current rate, as a fraction of notional. */
    public static double carryToEarn(double fundingRate, double fundingIntervalHours, double horizonHours) {
        return fundingRate * (horizonHours / fundingIntervalHours);
    }

    /** What closing now costs: fees on both legs and crossing today's books, as a fraction of notional. */
    public static double costOfLeaving(double exitFees, double spotBid, double perpAsk) {
        return exitFees + exitBasisCost(spotBid, perpAsk);
    }

    /**
     * The basis profit of closing now a pair opened at {@code entryPremium} (perp bid over spot ask at entry, as a
     * fraction): the premium received on entry minus the premium paid back crossing today's books.
     */
    public static double basisGain(double entryPremium, double spotBid, double perpAsk) {
        return entryPremium - exitBasisCost(spotBid, perpAsk);
    }

    /** The premium captured by opening now: perp bid over spot ask, as a fraction of the spot ask. */
    public static double entryPremium(double spotAsk, double perpBid) {
        return -entryBasisCost(spotAsk, perpBid);
    }
}
