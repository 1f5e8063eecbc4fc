package com.novaquant.backtest;

import com.novaquant.history.BulkReader;
import com.novaquant.history.DemoData;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code demo}: the offline demonstration. Writes the project's generated history (twelve symbols, one week, in
 * Binance's bulk-file layouts) unless it is already there, and backtests the default rules on it.
 */
final class DemoCommand {

    static final Set<String> OPTIONS = RunCommand.union(Set.of("dir"), RuleOptions.NAMES);

    private DemoCommand() {
    }

    static int run(String[] args, PrintStream out) throws Exception {
        Options options = new Options("demo", args, 1, OPTIONS);
        Path dir = Path.of(options.text("dir", Files.isDirectory(Path.of("tools/backtest")) ? "tools/backtest/target/demo"
                : "backtest-demo"));
        Path data = dir.resolve("data");
        DemoData.Spec spec = DemoData.Spec.demo();
        if (!new BulkReader(data).symbols().containsAll(spec.symbols())) {
            DemoData.write(data, spec);
            out.println("Demo history written to " + data + " (" + spec.symbols().size() + " symbols, "
                    + spec.days() + " days of " + spec.from() + ")");
        }
        return RunCommand.backtest(data, spec.symbols(), spec.from(), spec.to(), RuleOptions.settings(options),
                dir.resolve("report"), "demo", out);
    }
}
