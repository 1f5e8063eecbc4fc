package com.novaquant.history;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Generates a small mirror of data.binance.vision in its exact layout ({@link BulkLayout}): for each coin and month,
 * the funding, spot kline and USD-M kline zips with their checksum files, so that the reader, the fetcher (served
 * from it) and the backtest can run without the network. The same spec always writes the same bytes: each coin's
 * path comes from a {@link java.util.Random} seeded by the spec's seed and the symbol, and every function of it is
 * {@link StrictMath}'s.
 */
public final class DemoData {

    private DemoData() {
    }

    /**
     * What to generate.
     *
     * @param coins the symbols and their character
     * @param from  the first month
     * @param to    the last month (inclusive)
     * @param days  how many days of each month, from the 1st (a whole month when at least its length)
     * @param seed  the random seed
     */
    public record Spec(List<DemoCoin> coins, YearMonth from, YearMonth to, int days, long seed) {

        public Spec {
            coins = List.copyOf(coins);
            if (coins.isEmpty() || from.isAfter(to) || days < 1) {
                throw new IllegalArgumentException("nothing to generate: " + coins.size() + " coins, " + from
                        + " to " + to + ", " + days + " days");
            }
            if (new HashSet<>(coins.stream().map(DemoCoin::symbol).toList()).size() != coins.size()) {
                throw new IllegalArgumentException("a symbol is listed twice");
            }
        }

        /** The twelve {@link DemoCoin#twelve() demo coins}, the first 7 days of March 2024. */
        public static Spec demo() {
            return new Spec(DemoCoin.twelve(), YearMonth.of(2024, 3), YearMonth.of(2024, 3), 7, 20_240_301L);
        }

        public List<String> symbols() {
            return coins.stream().map(DemoCoin::symbol).toList();
        }

        /** The days generated of {@code month}. */
        public int daysOf(YearMonth month) {
            return Math.min(days, month.lengthOfMonth());
        }

        long totalMinutes() {
            long minutes = 0;
            for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                minutes += daysOf(month) * 1_440L;
            }
            return minutes;
        }
    }

    /** Writes the spec's files under {@code root}, replacing any there; returns the zips' relative paths. */
    public static List<String> write(Path root, Spec spec) {
        List<String> written = new ArrayList<>();
        for (DemoCoin coin : spec.coins()) {
            DemoCoinWriter writer = new DemoCoinWriter(coin, root, spec.seed(), spec.totalMinutes());
            for (YearMonth month = spec.from(); !month.isAfter(spec.to()); month = month.plusMonths(1)) {
                written.addAll(writer.writeMonth(month, spec.daysOf(month)));
            }
        }
        return written;
    }
}
