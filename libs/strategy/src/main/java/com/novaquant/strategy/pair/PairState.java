package com.novaquant.strategy.pair;

import com.novaquant.events.Signal;

/**
 * Everything the service knows about one symbol: both book tops, the funding state and the standing target.
 * Not thread-safe: its owner serialises access.
 */
public final class PairState {

    private final String symbol;
    private final BookTop spot = new BookTop();
    private final BookTop perp = new BookTop();
    private final FundingTracker funding = new FundingTracker();

    private Position position = Position.UNKNOWN;
    private Signal.Reason standingReason;
    private double targetQty;
    private double targetNotional;
    private double entryPremium = Double.NaN;
    private double sizedOnNotional;
    private long lastMoveMicros = Long.MIN_VALUE;
    private long lastPublishMicros = Long.MIN_VALUE;
    /** Read by the metrics thread for the carry gauge. */
    private volatile double carryApr = Double.NaN;

    public PairState(String symbol) {
        this.symbol = symbol;
    }

    /**
     * Records a published decision: the new standing target and, when it moves a position (an opening, or the close
     * of an open pair), the start of the cooldown. A flat target from unknown only confirms what is held: a cooldown
     * started by it would hold back the first opening for nothing.
     */
    public void applyDecision(Verdict verdict, long nowMicros) {
        if (verdict.targetQty() > 0 || position == Position.OPEN) {
            lastMoveMicros = nowMicros;
        }
        targetQty = verdict.targetQty();
        targetNotional = verdict.targetNotional();
        standingReason = verdict.reason();
        position = targetQty > 0 ? Position.OPEN : Position.FLAT;
        entryPremium = verdict.entryPremium();
        sizedOnNotional = verdict.sizedOnNotional();
        lastPublishMicros = nowMicros;
    }

    public void markRefreshed(long nowMicros) {
        lastPublishMicros = nowMicros;
    }

    void carryApr(double carryApr) {
        this.carryApr = carryApr;
    }

    public String symbol() {
        return symbol;
    }

    public BookTop spot() {
        return spot;
    }

    public BookTop perp() {
        return perp;
    }

    public FundingTracker funding() {
        return funding;
    }

    public Position position() {
        return position;
    }

    public Signal.Reason standingReason() {
        return standingReason;
    }

    public double targetQty() {
        return targetQty;
    }

    /** The notional the standing target commits, for the total cap; zero when flat or unknown. */
    public double targetNotional() {
        return position == Position.OPEN ? targetNotional : 0;
    }

    public double entryPremium() {
        return entryPremium;
    }

    /**
     * The symbol's notional (its allocation) the standing target was sized on; zero when flat or unknown. An open pair
     * is resized when the allocation moves away from it beyond the resize band.
     */
    public double sizedOnNotional() {
        return position == Position.OPEN ? sizedOnNotional : 0;
    }

    /** When a decision last moved a position (the cooldown counts from it); Long.MIN_VALUE before any. */
    public long lastMoveMicros() {
        return lastMoveMicros;
    }

    public long lastPublishMicros() {
        return lastPublishMicros;
    }

    /** The last net carry computed on sound data, NaN while the data is not sound. */
    public double carryApr() {
        return carryApr;
    }
}
