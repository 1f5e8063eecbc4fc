package com.novaquant.backtest.sweep;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gathers the slices of a sweep into one report, best APR first: {@code sweep.md} and {@code sweep.json}. Every point
 * of the grid must be there exactly once; a slice missing or a point missing or repeated is an error naming it.
 */
public final class SweepReport {

    private SweepReport() {
    }

    /** Every outcome of the grid, by point index, from the slice files in {@code dir}. */
    public static List<SweepOutcome> gather(Path dir, int slices) throws IOException {
        List<Integer> missing = new ArrayList<>();
        Map<Integer, SweepOutcome> byIndex = new TreeMap<>();
        int gridSize = -1;
        for (int slice = 0; slice < slices; slice++) {
            Path file = dir.resolve(SweepSlice.fileName(slice, slices));
            if (!Files.exists(file)) {
                missing.add(slice);
                continue;
            }
            SweepSlice read = SweepSlice.read(file);
            if (gridSize >= 0 && read.gridSize() != gridSize) {
                throw new IOException(file + " is of a grid of " + read.gridSize() + " points, the others of " + gridSize);
            }
            gridSize = read.gridSize();
            for (SweepOutcome outcome : read.outcomes()) {
                int index = outcome.point().index();
                if (index % slices != slice || byIndex.put(index, outcome) != null) {
                    throw new IOException(file + " holds point " + index + ", which is not its own or is repeated");
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IOException("slices missing in " + dir + ": " + missing + " of " + slices);
        }
        if (byIndex.size() != gridSize) {
            throw new IOException("the slices hold " + byIndex.size() + " of the grid's " + gridSize + " points");
        }
        return List.copyOf(byIndex.values());
    }

    /** Writes {@code sweep.md} and {@code sweep.json} into {@code out}. */
    public static List<Path> write(Path out, List<SweepOutcome> outcomes) throws IOException {
        Files.createDirectories(out);
        List<SweepOutcome> ranked = ranked(outcomes);
        Path md = Files.writeString(out.resolve("sweep.md"), markdown(ranked));
        Path json = Files.writeString(out.resolve("sweep.json"),
                SweepSlice.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(ranked));
        return List.of(md, json);
    }

    /** Best APR first; ties by point index so the order is stable. */
    public static List<SweepOutcome> ranked(List<SweepOutcome> outcomes) {
        return outcomes.stream().sorted(Comparator.comparingDouble((SweepOutcome o) -> o.totals().apr()).reversed()
                .thenComparingInt(o -> o.point().index())).toList();
    }

    static String markdown(List<SweepOutcome> ranked) {
        StringBuilder out = new StringBuilder("# Parameter sweep\n\n")
                .append(ranked.size()).append(" points, best APR first.\n\n")
                .append("| # | entry APR | exit APR | holding h | universe | allocation | net PnL | funding | fees | basis"
                        + " | APR | max drawdown | trades | time in market |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (SweepOutcome o : ranked) {
            SweepPoint p = o.point();
            var t = o.totals();
            out.append("| ").append(p.index()).append(" | ").append(pct(p.entryThresholdApr())).append(" | ")
                    .append(pct(p.exitThresholdApr())).append(" | ").append(num(p.holdingHours())).append(" | ")
                    .append(p.universeSize()).append(" | ").append(p.allocation()).append(" | ")
                    .append(money(t.netPnl())).append(" | ").append(money(t.fundingPnl())).append(" | ")
                    .append(money(t.feePnl())).append(" | ").append(money(t.basisPnl())).append(" | ")
                    .append(pct(t.apr())).append(" | ").append(pct(t.maxDrawdown())).append(" | ")
                    .append(t.trades()).append(" | ").append(pct(t.timeInMarket())).append(" |\n");
        }
        return out.toString();
    }

    private static String money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.2f %%", fraction * 100);
    }

    private static String num(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
