package com.novaquant.strategy.universe;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Spreads the notional budget ({@link AllocationRules#notionalBudget()}: the capital net of the perpetual's margin,
 * and the total cap) over the chosen pairs, by weight, with each pair held to its own cap (per-pair cap, book depth,
 * 24 h volume). A pair that reaches its cap keeps it and the rest is shared again among the others; a pair whose
 * share falls under the minimum notional gets nothing and the others share its part. Notionals are whole cents,
 * rounded down, so no sum exceeds its limit.
 */
public final class CapitalAllocator {

    private CapitalAllocator() {
    }

    public static Allocation allocate(List<Ranked> members, AllocationRules rules) {
        int n = members.size();
        double[] caps = new double[n];
        Allocation.Limit[] capLimits = new Allocation.Limit[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            Ranked member = members.get(i);
            cap(member.candidate(), rules, caps, capLimits, i);
            weights[i] = rules.weighting() == AllocationRules.Weighting.EQUAL ? 1
                    : Math.max(0, nanToZero(member.netCarryApr()));
        }
        if (rules.weighting() == AllocationRules.Weighting.BY_CARRY && sum(weights) == 0) {
            java.util.Arrays.fill(weights, 1);
        }
        Set<Integer> dropped = new HashSet<>();
        double[] shares;
        while (true) {
            shares = waterFill(caps, weights, dropped, rules.notionalBudget());
            int smallest = smallestBelowMinimum(shares, weights, dropped, rules.minNotional());
            if (smallest < 0) {
                break;
            }
            dropped.add(smallest);
        }
        List<Allocation.Budget> budgets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double notional = dropped.contains(i) ? 0 : cents(shares[i]);
            Allocation.Limit limit = weights[i] <= 0 ? Allocation.Limit.NO_CARRY
                    : dropped.contains(i) ? Allocation.Limit.BELOW_MINIMUM
                    : shares[i] >= caps[i] ? capLimits[i] : Allocation.Limit.SHARE;
            budgets.add(new Allocation.Budget(members.get(i).symbol(), notional, caps[i], limit));
        }
        return new Allocation(List.copyOf(budgets));
    }

    private static void cap(Candidate c, AllocationRules rules, double[] caps, Allocation.Limit[] limits, int i) {
        double cap = rules.perPairCap();
        Allocation.Limit limit = Allocation.Limit.PAIR_CAP;
        double byBook = rules.bookFraction() * nanToZero(c.openingDepth());
        if (byBook < cap) {
            cap = byBook;
            limit = Allocation.Limit.BOOK;
        }
        double byVolume = rules.volumeFraction() * nanToZero(c.thinnerVolume());
        if (byVolume < cap) {
            cap = byVolume;
            limit = Allocation.Limit.VOLUME;
        }
        caps[i] = Math.max(0, cents(cap));
        limits[i] = limit;
    }

    /**
     * Shares of {@code budget} by weight, each held to its cap: capped pairs take their cap and the remainder is
     * shared again among the others, until no share exceeds its cap.
     */
    private static double[] waterFill(double[] caps, double[] weights, Set<Integer> dropped, double budget) {
        int n = caps.length;
        double[] shares = new double[n];
        boolean[] fixed = new boolean[n];
        for (int i = 0; i < n; i++) {
            fixed[i] = dropped.contains(i) || caps[i] <= 0 || weights[i] <= 0;
        }
        double remaining = Math.max(0, budget);
        boolean capped = true;
        while (capped) {
            capped = false;
            double weightSum = 0;
            for (int i = 0; i < n; i++) {
                if (!fixed[i]) {
                    weightSum += weights[i];
                }
            }
            if (weightSum == 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (!fixed[i] && remaining * weights[i] / weightSum >= caps[i]) {
                    shares[i] = caps[i];
                    fixed[i] = true;
                    remaining -= caps[i];
                    capped = true;
                }
            }
            if (!capped) {
                for (int i = 0; i < n; i++) {
                    if (!fixed[i]) {
                        shares[i] = remaining * weights[i] / weightSum;
                    }
                }
            }
        }
        return shares;
    }

    /** The member with the smallest share under the minimum (not yet dropped), or -1. */
    private static int smallestBelowMinimum(double[] shares, double[] weights, Set<Integer> dropped,
                                            double minNotional) {
        int smallest = -1;
        for (int i = 0; i < shares.length; i++) {
            if (!dropped.contains(i) && weights[i] > 0 && cents(shares[i]) < minNotional
                    && (smallest < 0 || shares[i] < shares[smallest])) {
                smallest = i;
            }
        }
        return smallest;
    }

    private static double cents(double value) {
        return Math.floor(value * 100) / 100;
    }

    private static double nanToZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum;
    }
}
