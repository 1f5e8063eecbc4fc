package com.novaquant.signal.domain;

/**
 * The funding state of one perpetual: the current (predicted) rate, how many consecutive intervals have been
 * negative, and the funding interval as observed. An interval counts as settled when {@code nextFundingTimeMs}
 * moves forward; the last rate seen before that is the rate the interval settled at.
 *
 * <p>The interval is learned from that move: at a funding time the next one moves on by exactly one interval, the
 * new one (Binance moves symbols between 8 h, 4 h and 1 h). A move is trusted only when it is one of the intervals
 * Binance runs and the updates on either side of it are less than the shortest interval apart, so that they cannot
 * straddle two funding times (a feed gap, a restart). Until a move is trusted the interval is unknown and the
 * caller falls back to configuration.
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

    public void update(double rate, long nextFundingTimeMs, long receivedAtMicros) {
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

    /** The observed funding interval in hours, or {@code configured} while none has been observed. */
    public double intervalHours(double configured) {
        double observed = intervalHours;
        return Double.isNaN(observed) ? configured : observed;
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
