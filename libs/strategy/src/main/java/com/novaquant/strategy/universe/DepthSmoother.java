package com.novaquant.strategy.universe;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The quantities at the top of each symbol's books, smoothed over a time window before the liquidity filters judge
 * them: one snapshot flickers (an order pulled for a moment empties the top, a large one parks there for a second),
 * and a pair must not enter or leave the universe on such a moment.
 *
 * <p>The statistic is the <b>median</b> of the window's samples, for each quantity separately: it follows a book
 * that really thinned or deepened once that lasts for half the window, while a minority of outlying snapshots, in
 * either direction, moves it not at all. The mean would be dragged by one very large resting order; the minimum
 * would exclude a symbol for one empty snapshot. With an even number of samples it is the mean of the two middle
 * ones. A quantity that is not finite or is negative is not a sample; a quantity with no sample in the window is NaN
 * (the candidate's data is then unsound).
 *
 * <p>Not thread-safe: its owner serialises access.
 */
public final class DepthSmoother {

    private final long windowMs;
    private final Map<String, Deque<Sample>> samples = new HashMap<>();

    /** @param windowMs the samples of the last {@code windowMs} count, at least 1 */
    public DepthSmoother(long windowMs) {
        if (windowMs < 1) {
            throw new IllegalArgumentException("the window must be at least 1 ms, was " + windowMs);
        }
        this.windowMs = windowMs;
    }

    /** The four top-of-book quantities of a symbol (base units). */
    public record Depth(double spotBidQty, double spotAskQty, double perpBidQty, double perpAskQty) {
    }

    /**
     * Records one snapshot of the symbol's top-of-book quantities taken at {@code atMs} and returns the medians over
     * the window ending there, this snapshot included. Samples older than the window are forgotten.
     */
    public Depth smooth(String symbol, long atMs, Depth snapshot) {
        Deque<Sample> window = samples.computeIfAbsent(symbol, s -> new ArrayDeque<>());
        window.addLast(new Sample(atMs, snapshot));
        evict(window, atMs);
        return new Depth(
                median(window, Depth::spotBidQty),
                median(window, Depth::spotAskQty),
                median(window, Depth::perpBidQty),
                median(window, Depth::perpAskQty));
    }

    /** Forgets every symbol with no sample in the window ending at {@code atMs} (delisted, no longer scanned). */
    public void forgetOlderThanWindow(long atMs) {
        Iterator<Deque<Sample>> windows = samples.values().iterator();
        while (windows.hasNext()) {
            Deque<Sample> window = windows.next();
            evict(window, atMs);
            if (window.isEmpty()) {
                windows.remove();
            }
        }
    }

    /** How many symbols have samples, for tests and status pages. */
    public int symbols() {
        return samples.size();
    }

    private void evict(Deque<Sample> window, long atMs) {
        while (!window.isEmpty() && window.peekFirst().atMs() <= atMs - windowMs) {
            window.removeFirst();
        }
    }

    private static double median(Deque<Sample> window, java.util.function.ToDoubleFunction<Depth> quantity) {
        double[] values = new double[window.size()];
        int n = 0;
        for (Sample sample : window) {
            double value = quantity.applyAsDouble(sample.depth());
            if (Double.isFinite(value) && value >= 0) {
                values[n++] = value;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(values, 0, n);
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private record Sample(long atMs, Depth depth) {
    }
}
