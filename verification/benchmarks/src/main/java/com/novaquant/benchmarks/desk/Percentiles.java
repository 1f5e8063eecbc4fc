package com.novaquant.benchmarks.desk;

import java.util.Arrays;

/** A growable array of latency samples (microseconds) with exact percentiles. Single-threaded. */
final class Percentiles {

    private long[] values = new long[1 << 16];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int count() {
        return size;
    }

    /** The q-quantile (0..1) by nearest rank, or -1 without samples. */
    long quantile(double q) {
        if (size == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, rank))];
    }

    String describe() {
        return size == 0 ? "n/a" : String.format("%s / %s / %s (n=%d)", ms(quantile(0.5)), ms(quantile(0.99)), ms(quantile(0.999)), size);
    }

    static String ms(long micros) {
        return micros < 0 ? "n/a" : String.format("%.2f ms", micros / 1000.0);
    }
}
