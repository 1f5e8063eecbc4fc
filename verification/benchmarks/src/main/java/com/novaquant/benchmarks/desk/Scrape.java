package com.novaquant.benchmarks.desk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One reading of a process's {@code /actuator/prometheus}: every sample by its series (name and labels as written).
 * Two readings give a window's counters and histograms: {@link #minus} then {@link #sum} or {@link #quantile}.
 */
record Scrape(Map<String, Double> samples) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Reads a process; an unreachable one reads empty (its figures then show as absent, not as zero). */
    static Scrape of(int managementPort) {
        try {
            String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort
                    + "/actuator/prometheus")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return parse(body);
        } catch (IOException e) {
            return new Scrape(Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Scrape(Map.of());
        }
    }

    static Scrape parse(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            try {
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                // Not a sample line: nothing to read from it.
            }
        }
        return new Scrape(samples);
    }

    /** This reading less an earlier one: what the window added (a series absent before counts from zero). */
    Scrape minus(Scrape earlier) {
        Map<String, Double> delta = new LinkedHashMap<>();
        samples.forEach((series, value) -> delta.put(series, value - earlier.samples.getOrDefault(series, 0.0)));
        return new Scrape(delta);
    }

    static String name(String series) {
        int brace = series.indexOf('{');
        return brace < 0 ? series : series.substring(0, brace);
    }

    /** A label's value in a series, or "" without it. */
    static String label(String series, String label) {
        int at = series.indexOf(label + "=\"");
        if (at < 0) {
            return "";
        }
        int start = at + label.length() + 2;
        return series.substring(start, series.indexOf('"', start));
    }

    /** The sum of a metric's series whose labels pass {@code labels}. */
    double sum(String metric, Predicate<String> labels) {
        double sum = 0;
        for (Map.Entry<String, Double> e : samples.entrySet()) {
            if (name(e.getKey()).equals(metric) && labels.test(e.getKey())) {
                sum += e.getValue();
            }
        }
        return sum;
    }

    double sum(String metric) {
        return sum(metric, series -> true);
    }

    /**
     * The q-quantile of a histogram's observations ({@code metric_bucket{le=...}}, summed over the series the
     * predicate takes), interpolated linearly inside the bucket it falls in, in the histogram's unit; -1 without
     * observations. Exact to the bucket's width: the report says so.
     */
    double quantile(String histogram, Predicate<String> labels, double q) {
        TreeMap<Double, Double> cumulative = new TreeMap<>();
        for (Map.Entry<String, Double> e : samples.entrySet()) {
            String series = e.getKey();
            if (name(series).equals(histogram + "_bucket") && labels.test(series)) {
                String le = label(series, "le");
                double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                cumulative.merge(bound, e.getValue(), Double::sum);
            }
        }
        if (cumulative.isEmpty() || cumulative.lastEntry().getValue() <= 0) {
            return -1;
        }
        double total = cumulative.lastEntry().getValue();
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        List<Map.Entry<Double, Double>> buckets = new ArrayList<>(cumulative.entrySet());
        for (Map.Entry<Double, Double> bucket : buckets) {
            if (bucket.getValue() >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return lowerBound; // beyond the last finite bound: all that can be said is "at least"
                }
                double inBucket = bucket.getValue() - lowerCount;
                double fraction = inBucket <= 0 ? 1 : (rank - lowerCount) / inBucket;
                return lowerBound + (bucket.getKey() - lowerBound) * fraction;
            }
            lowerBound = bucket.getKey();
            lowerCount = bucket.getValue();
        }
        return lowerBound;
    }

    /** Observations in a histogram (its {@code _count}). */
    double count(String histogram, Predicate<String> labels) {
        return sum(histogram + "_count", labels);
    }
}
