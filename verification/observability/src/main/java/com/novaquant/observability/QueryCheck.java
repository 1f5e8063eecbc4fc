package com.novaquant.observability;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The live half of the proof: asks a Prometheus that scrapes the running services to evaluate each expression.
 *
 * <p>A panel query must parse and return at least one series: an empty panel is a broken panel. An alerting rule
 * must parse, and every selector in it must return data (a healthy desk leaves {@code up == 0} empty, but {@code up}
 * itself must exist, or the alert could never fire).
 */
public final class QueryCheck {

    private final PrometheusApi prometheus;

    public QueryCheck(PrometheusApi prometheus) {
        this.prometheus = prometheus;
    }

    public List<Problem> check(List<Query> queries) {
        List<Problem> problems = new ArrayList<>();
        for (Query query : queries) {
            try {
                problems.addAll(check(query));
            } catch (IOException e) {
                problems.add(new Problem(Problem.Kind.UNREACHABLE, query.origin(), query.expr(),
                        prometheus.base() + ": " + e.getMessage()));
            }
        }
        return problems;
    }

    private List<Problem> check(Query query) throws IOException {
        PrometheusApi.Answer answer = prometheus.query(query.expr());
        if (!answer.valid()) {
            return List.of(new Problem(Problem.Kind.INVALID, query.origin(), query.expr(), answer.error()));
        }
        if (query.kind() == Query.Kind.PANEL) {
            return answer.series() > 0 ? List.of()
                    : List.of(new Problem(Problem.Kind.NO_DATA, query.origin(), query.expr(), "no series"));
        }
        List<Problem> problems = new ArrayList<>();
        Set<String> selectors = new LinkedHashSet<>();
        PromQl.selectors(query.expr()).forEach(s -> selectors.add(s.text()));
        for (String selector : selectors) {
            PrometheusApi.Answer selected = prometheus.query(selector);
            if (!selected.valid()) {
                problems.add(new Problem(Problem.Kind.INVALID, query.origin(), selector, selected.error()));
            } else if (selected.series() == 0) {
                problems.add(new Problem(Problem.Kind.NO_DATA, query.origin(), selector,
                        "no series: this alert could never fire"));
            }
        }
        return problems;
    }
}
