package com.novaquant.observability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Both checks over the one source of dashboards and rules: the static metric-name check against the services'
 * expositions, and the live query check against a Prometheus that scrapes them.
 */
public final class Checker {

    /** What a run found. */
    public record Report(int queries, List<Problem> problems) {
        public boolean passed() {
            return problems.isEmpty();
        }

        public String render() {
            StringBuilder out = new StringBuilder();
            out.append(queries).append(" expressions checked, ").append(problems.size()).append(" problem(s)\n");
            problems.forEach(p -> out.append("  ").append(p).append('\n'));
            return out.toString();
        }
    }

    private final List<Query> dashboardQueries;
    private final RuleQueries rules;

    public Checker(List<Query> dashboardQueries, RuleQueries rules) {
        this.dashboardQueries = List.copyOf(dashboardQueries);
        this.rules = rules;
    }

    public static Checker of(Path dashboardDirectory, Path rulesFile) {
        return new Checker(DashboardQueries.readAll(dashboardDirectory), RuleQueries.read(rulesFile));
    }

    public List<Query> queries() {
        List<Query> all = new ArrayList<>(dashboardQueries);
        all.addAll(rules.queries());
        return all;
    }

    /** Every metric named anywhere must be exposed by one of the services (texts of their /actuator/prometheus). */
    public Report checkMetricNames(Collection<String> expositions) {
        MetricNameCheck check = new MetricNameCheck(Exposition.sampleNames(expositions), rules.recordedNames());
        List<Query> all = queries();
        return new Report(all.size(), check.check(all));
    }

    /** Every expression must parse and return data on the given Prometheus. */
    public Report checkQueries(PrometheusApi prometheus) {
        List<Query> all = queries();
        return new Report(all.size(), new QueryCheck(prometheus).check(all));
    }
}
