package com.novaquant.observability;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The static half of the proof: every metric an expression names must be in what the services expose (or be one of
 * Prometheus's own series, or a recording rule's output). Catches a renamed metric even when no Prometheus runs.
 */
public final class MetricNameCheck {

    private final Set<String> known;

    /**
     * @param exposedNames  sample names of the services' expositions ({@link Exposition#sampleNames})
     * @param recordedNames series created by recording rules
     */
    public MetricNameCheck(Set<String> exposedNames, Set<String> recordedNames) {
        Set<String> all = new HashSet<>(exposedNames);
        all.addAll(recordedNames);
        all.addAll(Exposition.SYNTHETIC);
        this.known = Set.copyOf(all);
    }

    public List<Problem> check(List<Query> queries) {
        List<Problem> problems = new ArrayList<>();
        for (Query query : queries) {
            for (String metric : PromQl.metricNames(query.expr())) {
                if (!known.contains(metric)) {
                    problems.add(new Problem(Problem.Kind.UNKNOWN_METRIC, query.origin(), query.expr(),
                            "no scraped service exposes " + metric));
                }
            }
        }
        return problems;
    }
}
