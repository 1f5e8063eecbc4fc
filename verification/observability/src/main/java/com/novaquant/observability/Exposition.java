package com.novaquant.observability;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sample names in Prometheus text exposition ({@code /actuator/prometheus}): {@code nova_x_seconds_bucket},
 * {@code nova_x_seconds_count}, ... exactly as a query has to name them.
 */
public final class Exposition {

    /**
     * Series Prometheus itself attaches to every scrape or alert, so any expression may read them although no service
     * exposes them.
     */
    public static final Set<String> SYNTHETIC = Set.of(
            "up", "scrape_duration_seconds", "scrape_samples_scraped", "scrape_samples_post_metric_relabeling",
            "scrape_series_added", "ALERTS", "ALERTS_FOR_STATE");

    private Exposition() {
    }

    /** The distinct sample names in one exposition text. */
    public static Set<String> sampleNames(String text) {
        Set<String> names = new TreeSet<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < trimmed.length() && trimmed.charAt(end) != '{' && trimmed.charAt(end) != ' ') {
                end++;
            }
            names.add(trimmed.substring(0, end));
        }
        return names;
    }

    /** The union of the sample names of several expositions. */
    public static Set<String> sampleNames(Collection<String> texts) {
        Set<String> names = new TreeSet<>();
        texts.forEach(t -> names.addAll(sampleNames(t)));
        return names;
    }
}
