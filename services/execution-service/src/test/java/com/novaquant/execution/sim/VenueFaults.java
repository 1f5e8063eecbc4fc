package com.novaquant.execution.sim;

import java.util.Random;

/**
 * How often the {@link SimulatedVenue} misbehaves, as probabilities per call, so that one seeded run exercises every
 * answer the engine must survive. The six placement faults exclude one another (one draw per order decides which, if
 * any), so their sum may not exceed 1; ban, vanishShort and queryFails are drawn on their own.
 *
 * @param rejectRetryable -1003 "Too many requests", retryable; nothing happens
 * @param rejectPermanent -2019 (USD-M) / -2010 (spot), not retryable; nothing happens
 * @param ambiguousFilled the order executes but the answer is Unknown (-1007)
 * @param ambiguousLost   the answer is Unknown and the order never reaches the book
 * @param ambiguousLate   the answer is Unknown and the order reaches the book later, within 80% of the recvWindow
 * @param partialFill     the order fills a random whole number of steps below its quantity, then EXPIRED
 * @param ban             per call: every call fails for 1 s .. {@code maxBanMs} of SimClock time
 * @param vanishShort     per call: one random short is liquidated (set to zero) at once
 * @param queryFails      per query: the query answers Failed
 * @param maxLatencyMs    each call advances the SimClock by 1..maxLatencyMs ms; 0 = calls take no time
 * @param maxBanMs        the longest drawn ban, at least 1000
 */
public record VenueFaults(double rejectRetryable, double rejectPermanent, double ambiguousFilled, double ambiguousLost,
                          double ambiguousLate, double partialFill, double ban, double vanishShort, double queryFails,
                          long maxLatencyMs, long maxBanMs) {

    public static final long DEFAULT_MAX_LATENCY_MS = 50;
    public static final long DEFAULT_MAX_BAN_MS = 30_000;

    public VenueFaults {
        for (double p : new double[]{rejectRetryable, rejectPermanent, ambiguousFilled, ambiguousLost, ambiguousLate,
                partialFill, ban, vanishShort, queryFails}) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("a probability is within 0..1: " + p);
            }
        }
        if (rejectRetryable + rejectPermanent + ambiguousFilled + ambiguousLost + ambiguousLate + partialFill > 1) {
            throw new IllegalArgumentException("the placement faults exclude one another: their sum may not exceed 1");
        }
        if (maxLatencyMs < 0 || maxBanMs < 1_000) {
            throw new IllegalArgumentException("maxLatencyMs >= 0 and maxBanMs >= 1000");
        }
    }

    /** A perfect venue whose calls take no time: unit tests move the clock themselves. */
    public static VenueFaults none() {
        return new VenueFaults(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, DEFAULT_MAX_BAN_MS);
    }

    /**
     * A mix where about 18% of orders meet a placement fault, so that a trade (two legs) sees one in about a third of
     * trades; queries fail one time in twenty; bans and vanishing shorts are rare because each one hits many calls.
     */
    public static VenueFaults chaos() {
        return new VenueFaults(0.04, 0.02, 0.03, 0.02, 0.03, 0.04, 0.0002, 0.001, 0.05,
                DEFAULT_MAX_LATENCY_MS, DEFAULT_MAX_BAN_MS);
    }

    /** What befalls one order. */
    public enum PlacementFault { NONE, REJECT_RETRYABLE, REJECT_PERMANENT, AMBIGUOUS_FILLED, AMBIGUOUS_LOST, AMBIGUOUS_LATE, PARTIAL_FILL }

    /** Sum of the placement faults: the chance that one order meets one of them. */
    public double placementFaults() {
        return rejectRetryable + rejectPermanent + ambiguousFilled + ambiguousLost + ambiguousLate + partialFill;
    }

    /** One draw decides an order's fault; nothing is drawn when no placement fault is set. */
    public PlacementFault drawPlacementFault(Random random) {
        if (placementFaults() <= 0) {
            return PlacementFault.NONE;
        }
        double u = random.nextDouble();
        double[] chances = {rejectRetryable, rejectPermanent, ambiguousFilled, ambiguousLost, ambiguousLate, partialFill};
        double edge = 0;
        for (int i = 0; i < chances.length; i++) {
            edge += chances[i];
            if (u < edge) {
                return PlacementFault.values()[i + 1];
            }
        }
        return PlacementFault.NONE;
    }

    public VenueFaults withRejectRetryable(double p) {
        return new VenueFaults(p, rejectPermanent, ambiguousFilled, ambiguousLost, ambiguousLate, partialFill, ban,
                vanishShort, queryFails, maxLatencyMs, maxBanMs);
    }

    public VenueFaults withRejectPermanent(double p) {
        return new VenueFaults(rejectRetryable, p, ambiguousFilled, ambiguousLost, ambiguousLate, partialFill, ban,
                vanishShort, queryFails, maxLatencyMs, maxBanMs);
    }

    public VenueFaults withAmbiguousFilled(double p) {
        return new VenueFaults(rejectRetryable, rejectPermanent, p, ambiguousLost, ambiguousLate, partialFill, ban,
                vanishShort, queryFails, maxLatencyMs, maxBanMs);
    }

    public VenueFaults withAmbiguousLost(double p) {
        return new VenueFaults(rejectRetryable, rejectPermanent, ambiguousFilled, p, ambiguousLate, partialFill, ban,
                vanishShort, queryFails, maxLatencyMs, maxBanMs);
    }

    public VenueFaults withAmbiguousLate(double p) {
        return new VenueFaults(rejectRetryable, rejectPermanent, ambiguousFilled, ambiguousLost, p, partialFill, ban,
                vanishShort, queryFails, maxLatencyMs, maxBanMs);
    }

    public VenueFaults withPartialFill(double p) {
        return new VenueFaults(rejectRetryable, rejectPermanent, ambiguousFilled, ambiguousLost, ambiguousLate, p, ban,
                vanishShort, queryFails, maxLatencyMs, maxBanMs);
    }

    public VenueFaults withBan(double p) {
        return new VenueFaults(rejectRetryable, rejectPermanent, ambiguousFilled, ambiguousLost, ambiguousLate,
                partialFill, p, vanishShort, queryFails, maxLatencyMs, maxBanMs);
    }

    public VenueFaults withVanishShort(double p) {
        return new VenueFaults(rejectRetryable, rejectPermanent, ambiguousFilled, ambiguousLost, ambiguousLate,
                partialFill, ban, p, queryFails, maxLatencyMs, maxBanMs);
    }

    public VenueFaults withQueryFails(double p) {
        return new VenueFaults(rejectRetryable, rejectPermanent, ambiguousFilled, ambiguousLost, ambiguousLate,
                partialFill, ban, vanishShort, p, maxLatencyMs, maxBanMs);
    }

    public VenueFaults withMaxLatencyMs(long ms) {
        return new VenueFaults(rejectRetryable, rejectPermanent, ambiguousFilled, ambiguousLost, ambiguousLate,
                partialFill, ban, vanishShort, queryFails, ms, maxBanMs);
    }

    public VenueFaults withMaxBanMs(long ms) {
        return new VenueFaults(rejectRetryable, rejectPermanent, ambiguousFilled, ambiguousLost, ambiguousLate,
                partialFill, ban, vanishShort, queryFails, maxLatencyMs, ms);
    }
}
