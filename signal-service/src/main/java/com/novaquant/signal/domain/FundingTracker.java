package com.novaquant.signal.domain;

/**
 * The funding state of one perpetual: the current (predicted) rate and how many consecutive intervals have been
 * negative. An interval counts as settled when {@code nextFundingTimeMs} moves forward; the last rate seen before
 * that is the rate the interval settled at.
 */
public final class FundingTracker {

    private double rate = Double.NaN;
    private long nextFundingTimeMs = Long.MIN_VALUE;
    private long receivedAtMicros = Long.MIN_VALUE;
    private int settledNegativeStreak;

    public void update(double rate, long nextFundingTimeMs, long receivedAtMicros) {
        if (seen() && nextFundingTimeMs > this.nextFundingTimeMs) {
            settledNegativeStreak = this.rate < 0 ? settledNegativeStreak + 1 : 0;
        }
        if (nextFundingTimeMs >= this.nextFundingTimeMs || !seen()) {
            this.rate = rate;
            this.nextFundingTimeMs = nextFundingTimeMs;
        }
        this.receivedAtMicros = Math.max(this.receivedAtMicros, receivedAtMicros);
    }

    public boolean seen() {
        return receivedAtMicros != Long.MIN_VALUE;
    }

    /**
     * Consecutive negative intervals, counting the current one by its predicted rate: zero as soon as the predicted
     * rate is not negative.
     */
    public int negativeStreak() {
        return rate < 0 ? settledNegativeStreak + 1 : 0;
    }

    public double rate() {
        return rate;
    }

    public long nextFundingTimeMs() {
        return nextFundingTimeMs;
    }

    public long receivedAtMicros() {
        return receivedAtMicros;
    }
}
