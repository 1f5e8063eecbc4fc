package com.novaquant.backtest;

import com.novaquant.history.BulkReader;
import com.novaquant.backtest.engine.BacktestEngine;
import com.novaquant.backtest.engine.BacktestSettings;
import com.novaquant.backtest.engine.SymbolHistory;
import com.novaquant.backtest.report.BacktestReport;
import com.novaquant.backtest.report.ReportFiles;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code run}: one backtest over a bulk-file mirror, reported as Markdown, JSON and HTML. */
final class RunCommand {

    static final Set<String> OPTIONS = union(Set.of("data", "symbols", "from", "to", "out", "name"), RuleOptions.NAMES);

    private RunCommand() {
    }

    static int run(String[] args, PrintStream out) throws Exception {
        Options options = new Options("run", args, 1, OPTIONS);
        Path data = Path.of(options.required("data"));
        BacktestSettings settings = RuleOptions.settings(options);
        List<String> symbols = HistoryLoader.symbols(options.text("symbols", "all"), data);
        YearMonth[] range = MirrorMonths.of(options, data, symbols);
        YearMonth from = range[0];
        YearMonth to = range[1];
        return backtest(data, symbols, from, to, settings, Path.of(options.text("out", "backtest-report")),
                options.text("name", "backtest"), out);
    }

    static int backtest(Path data, List<String> symbols, YearMonth from, YearMonth to, BacktestSettings settings,
                        Path outDir, String name, PrintStream out) throws Exception {
        if (symbols.isEmpty()) {
            out.println("No symbol has funding, spot and USD-M kline files under " + data);
            return 1;
        }
        long started = System.nanoTime();
        BulkReader reader = new BulkReader(data);
        List<SymbolHistory> histories = HistoryLoader.load(reader, symbols, from, to);
        if (!reader.missing().isEmpty()) {
            out.println("Not in the mirror (" + reader.missing().size() + " files), left out: "
                    + String.join(", ", reader.missing().subList(0, Math.min(5, reader.missing().size())))
                    + (reader.missing().size() > 5 ? ", ..." : ""));
        }
        String title = "Carry backtest: " + symbols.size() + " symbols, " + from + (from.equals(to) ? "" : " to " + to);
        BacktestReport report = BacktestEngine.run(title, histories, settings);
        ReportFiles.Written files = ReportFiles.write(outDir, name, report);
        BacktestReport.Totals t = report.totals();
        out.printf(Locale.ROOT, "%s%n  net PnL %s USDT (funding %s, basis %s, fees %s), APR %.2f %%, max drawdown %.2f %%,"
                        + " %d trades, in market %.1f %% of the time%n",
                title, t.netPnl().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString(),
                t.fundingPnl().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString(),
                t.basisPnl().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString(),
                t.feePnl().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString(),
                t.apr() * 100, t.maxDrawdown() * 100, t.trades(), t.timeInMarket() * 100);
        out.printf(Locale.ROOT, "  report: %s%n          %s%n          %s%n  (%.1f s)%n", files.markdown(),
                files.json(), files.html(), (System.nanoTime() - started) / 1e9);
        return 0;
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
