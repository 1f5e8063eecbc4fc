package com.novaquant.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * Reads a local mirror of data.binance.vision (see {@link BulkLayout}): every month of a range that is there, as a zip
 * or as its extracted CSV, in time order with repeated times dropped. Months that are not there are skipped and
 * listed by {@link #missing()}, since a symbol listed in March has no January file.
 */
public final class BulkReader {

    private final Path root;
    private final SequencedSet<String> missing = new LinkedHashSet<>();

    /** @param root the mirror's root, the folder holding {@code data/} */
    public BulkReader(Path root) {
        this.root = root;
    }

    /** A perpetual's settled funding rates, months {@code from} to {@code to} inclusive. */
    public List<FundingRecord> fundingRates(String symbol, YearMonth from, YearMonth to) {
        return read(BulkDataset.FUNDING, symbol, from, to, BulkCsv.FUNDING_HEADER, BulkCsv::funding,
                FundingRecord::calcTimeMs);
    }

    /** A market's 1-minute klines, months {@code from} to {@code to} inclusive, times in milliseconds. */
    public List<Kline> klines(Market market, String symbol, YearMonth from, YearMonth to) {
        return read(BulkDataset.klines(market), symbol, from, to, BulkCsv.KLINE_HEADER, BulkCsv::kline,
                Kline::openTimeMs);
    }

    /** The relative zip paths of the months asked for so far that were not there, in the order asked. */
    public synchronized List<String> missing() {
        return List.copyOf(missing);
    }

    /**
     * The symbols with funding files and spot and USD-M 1-minute kline files, in alphabetical order: those a carry
     * pair can be made of.
     */
    public SortedSet<String> symbols() {
        SortedSet<String> symbols = symbolsWithFiles(BulkDataset.FUNDING);
        symbols.retainAll(symbolsWithFiles(BulkDataset.SPOT_KLINES_1M));
        symbols.retainAll(symbolsWithFiles(BulkDataset.USDM_KLINES_1M));
        return Collections.unmodifiableSortedSet(symbols);
    }

    /**
     * The months any of {@code symbols} has a funding file for (zipped or extracted), in order: what a replay of
     * the mirror can cover when no range is given.
     */
    public SortedSet<YearMonth> fundingMonths(Collection<String> symbols) {
        SortedSet<YearMonth> months = new TreeSet<>();
        for (String symbol : symbols) {
            Path folder = root.resolve(BulkDataset.FUNDING.symbolFolder(symbol));
            if (!Files.isDirectory(folder)) {
                continue;
            }
            String prefix = symbol + "-" + BulkDataset.FUNDING.fileTag() + "-";
            try (Stream<Path> files = Files.list(folder)) {
                files.map(file -> file.getFileName().toString())
                        .filter(name -> name.startsWith(prefix) && (name.endsWith(".zip") || name.endsWith(".csv")))
                        .map(name -> name.substring(prefix.length(), name.length() - ".zip".length()))
                        .forEach(month -> {
                            try {
                                months.add(YearMonth.parse(month));
                            } catch (java.time.format.DateTimeParseException ignored) {
                                // not a month file of this layout
                            }
                        });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + folder, e);
            }
        }
        return Collections.unmodifiableSortedSet(months);
    }

    private <T> List<T> read(BulkDataset dataset, String symbol, YearMonth from, YearMonth to, String header,
                             BiFunction<CsvFields, String, T> parser, ToLongFunction<T> time) {
        List<T> records = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            String zip = BulkLayout.zip(dataset, symbol, month);
            MonthFile.find(root, zip).ifPresentOrElse(
                    file -> file.read(header, parser, records::add),
                    () -> noteMissing(zip));
        }
        return inTimeOrderWithoutRepeats(records, time);
    }

    private synchronized void noteMissing(String zip) {
        missing.add(zip);
    }

    /** The files are in order already, so the (stable) sort costs one pass; the first of equal times is kept. */
    private static <T> List<T> inTimeOrderWithoutRepeats(List<T> records, ToLongFunction<T> time) {
        records.sort(Comparator.comparingLong(time));
        List<T> unique = new ArrayList<>(records.size());
        for (T record : records) {
            if (unique.isEmpty() || time.applyAsLong(unique.getLast()) != time.applyAsLong(record)) {
                unique.add(record);
            }
        }
        return unique;
    }

    private SortedSet<String> symbolsWithFiles(BulkDataset dataset) {
        SortedSet<String> symbols = new TreeSet<>();
        Path directory = root.resolve(dataset.directory());
        if (!Files.isDirectory(directory)) {
            return symbols;
        }
        try (Stream<Path> folders = Files.list(directory)) {
            folders.map(folder -> folder.getFileName().toString())
                    .filter(symbol -> hasMonthFiles(root.resolve(dataset.symbolFolder(symbol))))
                    .forEach(symbols::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        return symbols;
    }

    private static boolean hasMonthFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .anyMatch(name -> name.endsWith(".zip") || name.endsWith(".csv"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
