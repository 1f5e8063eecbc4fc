package com.novaquant.strategy.universe;

/**
 * What the scanner knows of one symbol that has a spot market and a USD-M perpetual, in the units the carry rules
 * use (doubles: ranking runs over hundreds of symbols on every scan and reaches neither an exchange nor the ledger).
 *
 * @param symbol               the symbol on both venues, e.g. {@code BTCUSDT}
 * @param tradable             both markets are open for trading (not halted, settling, delisted or pre-listed)
 * @param fundingRate          the perpetual's current (predicted) funding rate, per interval
 * @param fundingIntervalHours the symbol's own funding interval (8, 4, 2 or 1 hours)
 * @param spotQuoteVolume      24 h traded value on spot, quote currency
 * @param perpQuoteVolume      24 h traded value on the perpetual, quote currency
 */
public record Candidate(String symbol, boolean tradable, double fundingRate, double fundingIntervalHours,
                        double spotBid, double spotBidQty, double spotAsk, double spotAskQty,
                        double perpBid, double perpBidQty, double perpAsk, double perpAskQty,
                        double spotQuoteVolume, double perpQuoteVolume) {

    /** The value an opening can take at the top of the books: spot asks and perp bids, the smaller side. */
    public double openingDepth() {
        return Math.min(spotAsk * spotAskQty, perpBid * perpBidQty);
    }

    /** The wider of the two books' spreads, as a fraction of its mid. */
    public double widerSpread() {
        return Math.max(spread(spotBid, spotAsk), spread(perpBid, perpAsk));
    }

    /** The smaller of the two markets' 24 h traded value. */
    public double thinnerVolume() {
        return Math.min(spotQuoteVolume, perpQuoteVolume);
    }

    private static double spread(double bid, double ask) {
        return (ask - bid) / ((ask + bid) / 2);
    }
}
