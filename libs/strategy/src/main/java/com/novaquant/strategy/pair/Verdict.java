package com.novaquant.strategy.pair;

import com.novaquant.events.Signal;

/**
 * The outcome of one evaluation. One instance is reused by its evaluator (mutable on purpose: the evaluation path
 * runs per tick and must not allocate).
 */
public final class Verdict {

    /** What to do with the evaluation. */
    public enum Kind {
        /** Nothing to publish. */
        HOLD,
        /** A guard refused the evaluation: see {@link #rejectReason()}. */
        REJECT,
        /** A new target: publish it and start the cooldown. */
        DECIDE,
        /** The standing target, re-published on schedule. */
        REFRESH
    }

    private Kind kind = Kind.HOLD;
    private RejectReason rejectReason;
    private Signal.Reason reason;
    private double targetQty;
    private double targetNotional;
    private double carryApr = Double.NaN;
    private double entryPremium = Double.NaN;
    private double sizedOnNotional;

    void hold(double carryApr) {
        set(Kind.HOLD, null, null, 0, 0, carryApr, Double.NaN);
    }

    void reject(RejectReason why, double carryApr) {
        set(Kind.REJECT, why, null, 0, 0, carryApr, Double.NaN);
    }

    /** A target that closes: nothing is sized. */
    void decideFlat(Signal.Reason reason, double carryApr) {
        set(Kind.DECIDE, null, reason, 0, 0, carryApr, Double.NaN);
    }

    /** A sized target: {@code sizedOnNotional} is the symbol's notional it was sized on, kept for the resize band. */
    void decide(Signal.Reason reason, double targetQty, double targetNotional, double carryApr, double entryPremium,
                double sizedOnNotional) {
        set(Kind.DECIDE, null, reason, targetQty, targetNotional, carryApr, entryPremium);
        this.sizedOnNotional = targetQty > 0 ? sizedOnNotional : 0;
    }

    void refresh(Signal.Reason reason, double targetQty, double targetNotional, double carryApr) {
        set(Kind.REFRESH, null, reason, targetQty, targetNotional, carryApr, Double.NaN);
    }

    private void set(Kind kind, RejectReason rejectReason, Signal.Reason reason, double targetQty,
                     double targetNotional, double carryApr, double entryPremium) {
        this.kind = kind;
        this.rejectReason = rejectReason;
        this.reason = reason;
        this.targetQty = targetQty;
        this.targetNotional = targetNotional;
        this.carryApr = carryApr;
        this.entryPremium = entryPremium;
        this.sizedOnNotional = 0;
    }

    public Kind kind() {
        return kind;
    }

    /** Set when {@link #kind()} is {@link Kind#REJECT}. */
    public RejectReason rejectReason() {
        return rejectReason;
    }

    /** Set when a signal is to be published. */
    public Signal.Reason reason() {
        return reason;
    }

    public double targetQty() {
        return targetQty;
    }

    public double targetNotional() {
        return targetNotional;
    }

    /** NaN when the data did not allow computing it. */
    public double carryApr() {
        return carryApr;
    }

    /** The premium captured by an opening decision, NaN otherwise. */
    public double entryPremium() {
        return entryPremium;
    }

    /** The symbol's notional a sized target was sized on; 0 for any other outcome. */
    public double sizedOnNotional() {
        return sizedOnNotional;
    }

    public boolean publishes() {
        return kind == Kind.DECIDE || kind == Kind.REFRESH;
    }

    @Override
    public String toString() {
        return kind == Kind.REJECT ? "REJECT " + rejectReason
                : kind + " " + reason + " qty=" + targetQty + " carry=" + carryApr;
    }
}
