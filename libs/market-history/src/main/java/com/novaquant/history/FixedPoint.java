package com.novaquant.history;

/**
 * Decimal numbers held as whole units of {@code 10^-scale} (a price of 62000.15 at scale 2 is 6200015), so that the
 * generated files hold exact decimals and are written without a {@code BigDecimal} per field.
 */
final class FixedPoint {

    static final int MAX_SCALE = 8;
    private static final long[] POWERS = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L};

    private FixedPoint() {
    }

    static long round(double value, int scale) {
        return Math.round(value * POWERS[scale]);
    }

    static long ceil(double value, int scale) {
        return (long) Math.ceil(value * POWERS[scale]);
    }

    static long floor(double value, int scale) {
        return (long) Math.floor(value * POWERS[scale]);
    }

    static double toDouble(long units, int scale) {
        return (double) units / POWERS[scale];
    }

    /** The same number at a larger scale: 6200015 at 2 is 62000150000000 at 8. */
    static long rescale(long units, int fromScale, int toScale) {
        return units * POWERS[toScale - fromScale];
    }

    /** Appends {@code units} at {@code scale} as Binance writes numbers: {@code -0.00012000}, {@code 62000.15}. */
    static StringBuilder append(StringBuilder out, long units, int scale) {
        if (units < 0) {
            out.append('-');
            units = -units;
        }
        long power = POWERS[scale];
        out.append(units / power);
        if (scale > 0) {
            out.append('.');
            String fraction = Long.toString(units % power);
            out.repeat('0', scale - fraction.length()).append(fraction);
        }
        return out;
    }
}
