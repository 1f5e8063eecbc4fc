package com.novaquant.history;

import java.util.Random;

/**
 * One demo coin's funding: its interval, and a rate that wanders within its {@link DemoCoin.Carry regime}. Rates are
 * drawn per 8 hours and scaled to the interval, as Binance's baseline of 0.0001 per 8 hours is 0.00005 per 4 hours.
 * The perpetual's basis is pulled towards the current rate, so that rich funding comes with a premium.
 */
final class DemoFundingRates {

    static final int RATE_SCALE = 8;
    private static final double BASELINE = 0.0001;
    private static final long HOUR_MS = 3_600_000L;

    private final DemoCoin coin;
    private int intervalHours;
    private double ratePer8Hours;

    DemoFundingRates(DemoCoin coin) {
        this.coin = coin;
        this.intervalHours = coin.schedule() == DemoCoin.Schedule.FOUR_HOURS ? 4 : 8;
        this.ratePer8Hours = coin.carry() == DemoCoin.Carry.RICH ? 0.0006 : BASELINE;
    }

    /**
     * Whether a funding settles at {@code timeMs}. An 8-then-4-hour symbol moves to 4 hours at the first 8-hour
     * boundary once {@code progress} (the share of the generated range gone by) reaches one half.
     */
    boolean settlesAt(long timeMs, double progress) {
        if (coin.schedule() == DemoCoin.Schedule.EIGHT_THEN_FOUR && intervalHours == 8 && progress >= 0.5
                && timeMs % (8 * HOUR_MS) == 0) {
            intervalHours = 4;
        }
        return timeMs % (intervalHours * HOUR_MS) == 0;
    }

    int intervalHours() {
        return intervalHours;
    }

    /** Draws the rate settled now, per interval, in units of 1e-8. */
    long settle(double progress, Random random) {
        ratePer8Hours = switch (coin.carry()) {
            case RICH -> towards(0.0006, 0.00012, 0.0003, 0.001, random);
            case BASELINE -> baseline(random);
            case TURNS_NEGATIVE -> progress >= 0.3 && progress < 0.7
                    ? towards(-0.0003, 0.0001, -0.0008, -0.00003, random)
                    : baseline(random);
        };
        return FixedPoint.round(ratePer8Hours * intervalHours / 8, RATE_SCALE);
    }

    /** The premium the perpetual drifts to: a little more than a rate's worth. */
    double basisTarget() {
        return ratePer8Hours * 1.5;
    }

    private double towards(double mean, double noise, double min, double max, Random random) {
        double next = ratePer8Hours + 0.3 * (mean - ratePer8Hours) + noise * random.nextGaussian();
        return Math.max(min, Math.min(max, next));
    }

    /** Most settlements at exactly the baseline, some a little above it. */
    private static double baseline(Random random) {
        if (random.nextDouble() < 0.8) {
            return BASELINE;
        }
        return BASELINE + Math.min(0.0002, 0.00005 * Math.abs(random.nextGaussian()));
    }
}
