package com.novaquant.strategy.pair;

/**
 * The latest best bid and ask of one venue for one symbol, in doubles. Mutable and reused tick after tick so the
 * evaluation path allocates nothing; owned by one {@link PairState} and guarded by its owner's lock.
 */
public final class BookTop {

    private double bid = Double.NaN;
    private double bidQty = Double.NaN;
    private double ask = Double.NaN;
    private double askQty = Double.NaN;
    private long receivedAtMicros = Long.MIN_VALUE;

    public void update(double bid, double bidQty, double ask, double askQty, long receivedAtMicros) {
        this.bid = bid;
        this.bidQty = bidQty;
        this.ask = ask;
        this.askQty = askQty;
        this.receivedAtMicros = receivedAtMicros;
    }

    public boolean seen() {
        return receivedAtMicros != Long.MIN_VALUE;
    }

    /** Positive, finite prices and quantities. */
    public boolean plausible() {
        return positive(bid) && positive(ask) && positive(bidQty) && positive(askQty);
    }

    /** Bid at or above ask: a book no one can trade on as shown. */
    public boolean crossed() {
        return bid >= ask;
    }

    public double mid() {
        return (bid + ask) / 2;
    }

    public double bid() {
        return bid;
    }

    public double bidQty() {
        return bidQty;
    }

    public double ask() {
        return ask;
    }

    public double askQty() {
        return askQty;
    }

    public long receivedAtMicros() {
        return receivedAtMicros;
    }

    private static boolean positive(double value) {
        return value > 0 && value < Double.POSITIVE_INFINITY;
    }
}
