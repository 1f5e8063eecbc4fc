package com.novaquant.simulator.application;

import com.novaquant.history.BulkReader;
import com.novaquant.history.FundingRecord;
import com.novaquant.history.Kline;
import com.novaquant.history.Market;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.source.HistoryMinute;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * A local mirror of Binance's bulk files (data.binance.vision's layout, as the backtest reads it), through
 * market-history's {@link BulkReader}: the symbols and months it holds, a month of minutes, the settled fundings.
 */
public final class HistoryMirror {

    private final Path root;
    private final BulkReader reader;

    public HistoryMirror(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("the history mirror " + root.toAbsolutePath() + " is not a directory");
        }
        this.root = root;
        this.reader = new BulkReader(root);
    }

    public Path root() {
        return root;
    }

    /** The symbols with funding, spot and USD-M kline files. */
    public SortedSet<String> symbols() {
        return reader.symbols();
    }

    /** A range of months, both included. */
    public record Months(YearMonth first, YearMonth last) {
    }

    /** The first and last month any of {@code symbols} has a funding file for; empty when none has any. */
    public Optional<Months> months(Collection<String> symbols) {
        SortedSet<YearMonth> months = reader.fundingMonths(symbols);
        return months.isEmpty() ? Optional.empty() : Optional.of(new Months(months.first(), months.last()));
    }

    /** One month of a symbol's 1-minute klines on a venue, as minutes; empty when the month's file is not there. */
    public List<HistoryMinute> minutes(Venue venue, String symbol, YearMonth month) {
        Market market = venue == Venue.SPOT ? Market.SPOT : Market.USDM;
        List<Kline> klines = reader.klines(market, symbol, month, month);
        return klines.stream().map(k -> new HistoryMinute(k.openTimeMs(), k.close(), k.volume())).toList();
    }

    /** A symbol's settled fundings, months {@code from} to {@code to} inclusive. */
    public List<FundingRecord> fundings(String symbol, YearMonth from, YearMonth to) {
        return reader.fundingRates(symbol, from, to);
    }
}
