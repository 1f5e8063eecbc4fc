package com.novaquant.backtest;

import com.novaquant.history.BulkReader;
import com.novaquant.backtest.engine.SymbolHistory;
import com.novaquant.backtest.sweep.SweepGrid;
import com.novaquant.backtest.sweep.SweepPoint;
import com.novaquant.backtest.sweep.SweepRunner;
import com.novaquant.backtest.sweep.SweepSlice;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/**
 * {@code sweep}: runs a grid of the rules' settings over a mirror, in parallel, all of it or one slice (a Kubernetes
 * Indexed Job gives each pod its slice in {@code JOB_COMPLETION_INDEX}), and writes {@code slice-<i>-of-<n>.json}.
 */
final class SweepCommand {

    static final Set<String> OPTIONS = Set.of("data", "grid", "out", "slice", "slices", "threads", "symbols", "from",
            "to");

    private SweepCommand() {
    }

    static int run(String[] args, PrintStream out) throws Exception {
        Options options = new Options("sweep", args, 1, OPTIONS);
        Path data = Path.of(options.required("data"));
        SweepGrid grid = SweepGrid.parse(Files.readString(Path.of(options.required("grid"))));
        int slices = options.whole("slices", 1);
        int slice = options.has("slice") ? options.whole("slice", 0) : indexFromEnvironment();
        if (slices < 1 || slice < 0 || slice >= slices) {
            throw new Options.UsageException("sweep: slice " + slice + " of " + slices + " does not exist");
        }
        List<String> symbols = HistoryLoader.symbols(options.text("symbols", "all"), data);
        YearMonth[] range = MirrorMonths.of(options, data, symbols);
        List<SymbolHistory> histories = HistoryLoader.load(new BulkReader(data), symbols, range[0], range[1]);
        List<SweepPoint> points = grid.slice(slice, slices);
        int threads = options.whole("threads", Runtime.getRuntime().availableProcessors());
        long started = System.nanoTime();
        SweepSlice result = new SweepSlice(slice, slices, grid.points().size(),
                SweepRunner.run(points, histories, grid.capital(), threads));
        Path file = result.write(Path.of(options.required("out")));
        out.printf("Sweep slice %d of %d: %d of %d points over %d symbols, %s to %s, in %.1f s -> %s%n", slice, slices,
                points.size(), grid.points().size(), symbols.size(), range[0], range[1],
                (System.nanoTime() - started) / 1e9, file);
        return 0;
    }

    private static int indexFromEnvironment() {
        String index = System.getenv("JOB_COMPLETION_INDEX");
        if (index == null) {
            return 0;
        }
        try {
            return Integer.parseInt(index.trim());
        } catch (NumberFormatException e) {
            throw new Options.UsageException("sweep: JOB_COMPLETION_INDEX is not a number: '" + index + "'");
        }
    }
}
