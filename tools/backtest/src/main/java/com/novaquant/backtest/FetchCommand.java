package com.novaquant.backtest;

import com.novaquant.history.BulkFetcher;
import com.novaquant.history.FetchSummary;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** {@code fetch}: mirrors Binance's bulk files (funding rates, spot and USD-M 1-minute klines) for a month range. */
final class FetchCommand {

    static final Set<String> OPTIONS = Set.of("data", "symbols", "from", "to", "base-url", "parallel");

    private FetchCommand() {
    }

    static int run(String[] args, PrintStream out) throws Exception {
        Options options = new Options("fetch", args, 1, OPTIONS);
        Path data = Path.of(options.required("data"));
        URI base = URI.create(options.text("base-url", BulkFetcher.BINANCE.toString()));
        BulkFetcher fetcher = new BulkFetcher(data, base, options.whole("parallel", 4), Duration.ofMinutes(1));
        FetchSummary summary = fetcher.fetch(HistoryLoader.symbols(options.required("symbols"), data),
                options.month("from"), options.has("to") ? options.month("to") : options.month("from"));
        out.printf("Fetched %d files, %d already present, %d not published, %d failed%n", summary.fetched().size(),
                summary.alreadyPresent().size(), summary.missing().size(), summary.failed().size());
        summary.missing().forEach(file -> out.println("  not published: " + file));
        summary.failed().forEach((file, why) -> out.println("  FAILED " + file + ": " + why));
        return summary.failed().isEmpty() ? 0 : 1;
    }
}
