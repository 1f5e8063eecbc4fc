package com.novaquant.simulator.domain.source;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Funding that rotates through a universe: each symbol's rate follows a cosine over {@code period} (market time) on a
 * phase of its own, spread evenly over the listed symbols with a seeded jitter, so the symbol with the best carry
 * changes several times a period and each one's carry rises above an entry level and falls back. A seeded choice of
 * {@code negativeCount} symbols stays negative throughout (between half and one and a half times {@code negativeRate}).
 * Rates are given per 8 h and scaled to each symbol's funding interval, so a 4 h symbol pays half as much per settlement
 * for the same yearly carry. The same seed gives the same rates.
 */
public final class RotatingFunding implements FundingPath {

    private static final double EIGHT_HOURS_MILLIS = Duration.ofHours(8).toMillis();
    /** The smallest share of the full swing a symbol's own amplitude can have. */
    private static final double MIN_AMPLITUDE = 0.7;

    private final long periodMillis;
    private final double mid;
    private final double halfSwing;
    private final double negativeRate;
    private final double[] phases;
    private final double[] amplitudes;
    private final double[] intervalScales;
    private final boolean[] negative;

    /**
     * @param intervals     each listed symbol's funding interval, in listing order
     * @param peakRate      the highest rate a symbol reaches, per 8 h
     * @param troughRate    the lowest rate of the swing, per 8 h (below {@code peakRate})
     * @param negativeCount how many symbols stay negative (at most all of them)
     * @param negativeRate  their rate, per 8 h (below zero)
     */
    public RotatingFunding(List<Duration> intervals, long seed, Duration period, BigDecimal peakRate,
                           BigDecimal troughRate, int negativeCount, BigDecimal negativeRate) {
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("the rotation period must be positive, was " + period);
        }
        if (peakRate.compareTo(troughRate) <= 0) {
            throw new IllegalArgumentException("the rotation's peak rate (" + peakRate + ") must be above its trough ("
                    + troughRate + ")");
        }
        if (negativeRate.signum() >= 0) {
            throw new IllegalArgumentException("the negative symbols' rate must be below zero, was " + negativeRate);
        }
        if (negativeCount < 0 || negativeCount > intervals.size()) {
            throw new IllegalArgumentException("negative symbols must number 0 to " + intervals.size() + ", was "
                    + negativeCount);
        }
        int n = intervals.size();
        this.periodMillis = period.toMillis();
        this.mid = (peakRate.doubleValue() + troughRate.doubleValue()) / 2;
        this.halfSwing = (peakRate.doubleValue() - troughRate.doubleValue()) / 2;
        this.negativeRate = negativeRate.doubleValue();
        this.phases = new double[n];
        this.amplitudes = new double[n];
        this.intervalScales = new double[n];
        this.negative = new boolean[n];
        SplittableRandom random = new SplittableRandom(seed * 0x2545F4914F6CDD1DL + 0x5DEECE66DL);
        for (int i = 0; i < n; i++) {
            phases[i] = (i + (random.nextDouble() - 0.5) * 0.5) / n;
            amplitudes[i] = MIN_AMPLITUDE + random.nextDouble() * (1 - MIN_AMPLITUDE);
            intervalScales[i] = intervals.get(i).toMillis() / EIGHT_HOURS_MILLIS;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new java.util.Random(random.nextLong()));
        order.subList(0, negativeCount).forEach(i -> negative[i] = true);
    }

    @Override
    public BigDecimal rateAt(int index, long marketElapsedMillis) {
        return BigDecimal.valueOf(rate(index, marketElapsedMillis));
    }

    /** The rate per the symbol's own interval, as a double (the market adds its noise in doubles). */
    @Override
    public double rate(int index, long marketElapsedMillis) {
        double angle = 2 * Math.PI * ((double) Math.floorMod(marketElapsedMillis, periodMillis) / periodMillis - phases[index]);
        double perEightHours = negative[index]
                ? negativeRate * (1 + 0.5 * Math.sin(angle))
                : mid + halfSwing * amplitudes[index] * Math.cos(angle);
        return perEightHours * intervalScales[index];
    }

    /** Whether the symbol at {@code index} is one that stays negative. */
    public boolean negative(int index) {
        return negative[index];
    }

    public int symbolCount() {
        return phases.length;
    }
}
