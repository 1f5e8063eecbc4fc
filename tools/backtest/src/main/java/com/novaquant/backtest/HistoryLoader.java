package com.novaquant.backtest;

import com.novaquant.history.BulkReader;
import com.novaquant.history.Market;
import com.novaquant.backtest.engine.SymbolHistory;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Reads the symbols' histories from a bulk-file mirror, one symbol per thread (parsing is the slow part). */
final class HistoryLoader {

    private HistoryLoader() {
    }

    /** The symbols' histories, in the order given; the reader lists the files of the range that were not there. */
    static List<SymbolHistory> load(BulkReader reader, Collection<String> symbols, YearMonth from, YearMonth to)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<SymbolHistory>> futures = new ArrayList<>();
            for (String symbol : symbols) {
                futures.add(pool.submit(() -> new SymbolHistory(symbol,
                        reader.klines(Market.SPOT, symbol, from, to), reader.klines(Market.USDM, symbol, from, to),
                        reader.fundingRates(symbol, from, to))));
            }
            List<SymbolHistory> histories = new ArrayList<>();
            for (Future<SymbolHistory> future : futures) {
                histories.add(future.get());
            }
            return histories;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The symbols named (comma-separated), or every symbol of the mirror for {@code all}. */
    static List<String> symbols(String option, Path root) {
        if (option.equalsIgnoreCase("all")) {
            return List.copyOf(new BulkReader(root).symbols());
        }
        List<String> out = new ArrayList<>();
        for (String symbol : option.split(",")) {
            if (!symbol.isBlank()) {
                out.add(symbol.trim().toUpperCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }
}
