package com.novaquant.history;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Mirrors data.binance.vision's monthly funding and 1-minute kline files into a local root, in the same layout
 * ({@link BulkLayout}), for {@link BulkReader} to read. A file whose checksum already verifies is not downloaded
 * again, so a run can be repeated to extend the range or to retry what failed. A few downloads run at a time: the
 * site serves large files and throttles eager clients.
 */
public final class BulkFetcher {

    /** Binance's public bulk-download site. */
    public static final URI BINANCE = URI.create("https://data.binance.vision/");

    private final Path root;
    private final URI base;
    private final int parallelDownloads;
    private final Duration timeout;

    /**
     * From Binance, four downloads at a time, a minute's timeout to connect, to start each response and between two
     * reads of its body.
     */
    public BulkFetcher(Path root) {
        this(root, BINANCE, 4, Duration.ofMinutes(1));
    }

    /**
     * @param root              the local mirror's root
     * @param base              the site's root, e.g. {@link #BINANCE}
     * @param parallelDownloads how many files are downloaded at once
     * @param timeout           the longest wait to connect, for a response to start and for its next bytes
     */
    public BulkFetcher(Path root, URI base, int parallelDownloads, Duration timeout) {
        if (parallelDownloads < 1) {
            throw new IllegalArgumentException("parallelDownloads must be at least 1: " + parallelDownloads);
        }
        this.root = root;
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.parallelDownloads = parallelDownloads;
        this.timeout = timeout;
    }

    /** The funding, spot kline and USD-M kline files of each symbol, months {@code from} to {@code to} inclusive. */
    public FetchSummary fetch(Collection<String> symbols, YearMonth from, YearMonth to) {
        List<String> zips = new ArrayList<>();
        for (String symbol : symbols) {
            for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                for (BulkDataset dataset : BulkDataset.values()) {
                    zips.add(BulkLayout.zip(dataset, symbol, month));
                }
            }
        }
        return fetch(zips);
    }

    /** The given relative zip paths, each with its checksum file. */
    public FetchSummary fetch(List<String> zips) {
        List<String> unique = List.copyOf(new LinkedHashSet<>(zips)); // two downloads of one file would race
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
             ExecutorService downloads = Executors.newFixedThreadPool(parallelDownloads)) {
            VerifiedDownload download = new VerifiedDownload(client, base, root, timeout);
            List<Future<FileOutcome>> outcomes = new ArrayList<>();
            for (String zip : unique) {
                outcomes.add(downloads.submit(() -> download.mirror(zip)));
            }
            return summarise(unique, outcomes);
        }
    }

    private static FetchSummary summarise(List<String> zips, List<Future<FileOutcome>> outcomes) {
        List<String> fetched = new ArrayList<>();
        List<String> present = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        TreeMap<String, String> failed = new TreeMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            FileOutcome outcome = outcomeOf(zips.get(i), outcomes.get(i));
            switch (outcome.kind()) {
                case FETCHED -> fetched.add(outcome.zip());
                case ALREADY_PRESENT -> present.add(outcome.zip());
                case MISSING -> missing.add(outcome.zip());
                case FAILED -> failed.put(outcome.zip(), outcome.reason());
            }
        }
        fetched.sort(null);
        present.sort(null);
        missing.sort(null);
        return new FetchSummary(fetched, present, missing, failed);
    }

    /** A download that threw (a full disk, a bug) fails its own file only. */
    private static FileOutcome outcomeOf(String zip, Future<FileOutcome> outcome) {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            return FileOutcome.failed(zip, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FileOutcome.failed(zip, "interrupted");
        }
    }
}
