package com.novaquant.strategy.pair;

/**
 * The funding state of one perpetual: the current (predicted) rate, how many consecutive intervals have been
 * negative, and the funding interval. An interval counts as settled when {@code nextFundingTimeMs} moves forward;
 * the last rate seen before that is the rate the interval settled at.
 *
 * <p>The interval comes, in order of precedence ({@link IntervalSource}), from the latest update when it carries
 * one (the exchange's listing, published by ingestion), else from observation, else from configuration. It is
 * observed from the move at a funding time: the next one moves on by exactly one interval, the new one (Binance moves
 * symbols between 8 h, 4 h and 1 h). A move is trusted only when it is one of the intervals Binance runs and the
 * updates on either side of it are less than the shortest interval apart, so that they cannot straddle two funding
 * times (a feed gap, a restart).
 */
public final class FundingTracker {

    private static final long HOUR_MS = 3_600_000L;
    /** The funding intervals Binance runs, in hours. */
    private static final int[] KNOWN_INTERVAL_HOURS = {1, 2, 4, 8};
    /** Binance's next funding times are whole hours; this only absorbs a simulator's rounding. */
    private static final long STEP_TOLERANCE_MS = 1_000;

    private double rate = Double.NaN;
    private long nextFundingTimeMs = Long.MIN_VALUE;
    private long receivedAtMicros = Long.MIN_VALUE;
    private int settledNegativeStreak;
    /** Read by the metrics thread; written only at a funding time. */
    private volatile double intervalHours = Double.NaN;
    /** The interval the latest update carried; 0 when it carried none. Read by the metrics thread. */
    private volatile int publishedIntervalHours;

    /** An update that carries no interval of its own. */
    public void update(double rate, long nextFundingTimeMs, long receivedAtMicros) {
        update(rate, nextFundingTimeMs, receivedAtMicros, 0);
    }

    /**
     * @param publishedIntervalHours the funding interval the update carries, 0 when its publisher did not know it
     *                               (then observation or configuration decide until an update carries one again)
     */
    public void update(double rate, long nextFundingTimeMs, long receivedAtMicros, int publishedIntervalHours) {
        this.publishedIntervalHours = Math.max(0, publishedIntervalHours);
        if (seen() && nextFundingTimeMs > this.nextFundingTimeMs) {
            settledNegativeStreak = this.rate < 0 ? settledNegativeStreak + 1 : 0;
            learnInterval(nextFundingTimeMs - this.nextFundingTimeMs, receivedAtMicros - this.receivedAtMicros);
        }
        if (nextFundingTimeMs >= this.nextFundingTimeMs || !seen()) {
            this.rate = rate;
            this.nextFundingTimeMs = nextFundingTimeMs;
        }
        this.receivedAtMicros = Math.max(this.receivedAtMicros, receivedAtMicros);
    }

    private void learnInterval(long stepMs, long gapMicros) {
        if (gapMicros >= KNOWN_INTERVAL_HOURS[0] * HOUR_MS * 1_000) {
            return;
        }
        for (int hours : KNOWN_INTERVAL_HOURS) {
            if (Math.abs(stepMs - hours * HOUR_MS) <= STEP_TOLERANCE_MS) {
                intervalHours = hours;
                return;
            }
        }
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

    /** The funding interval in hours: the published one, else the observed one, else {@code configured}. */
    public double intervalHours(double configured) {
        int published = publishedIntervalHours;
        if (published > 0) {
            return published;
        }
        double observed = intervalHours;
        return Double.isNaN(observed) ? configured : observed;
    }

    /** Where {@link #intervalHours} takes the interval from now. */
    public IntervalSource intervalSource() {
        if (publishedIntervalHours > 0) {
            return IntervalSource.PUBLISHED;
        }
        return Double.isNaN(intervalHours) ? IntervalSource.CONFIGURED : IntervalSource.OBSERVED;
    }

    /** The interval the latest update carried; 0 when it carried none. */
    public int publishedIntervalHours() {
        return publishedIntervalHours;
    }

    /** The observed funding interval in hours; NaN until a funding time has been seen to pass. */
    public double observedIntervalHours() {
        return intervalHours;
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
