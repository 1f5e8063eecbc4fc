package com.novaquant.observability;

/**
 * A PromQL expression and where it was written.
 *
 * @param origin   human-readable location, e.g. {@code desk-overview.json › Open pairs › A} or {@code rules.yml › NovaServiceDown}
 * @param expr     the expression as Prometheus will receive it (Grafana variables already substituted)
 * @param kind     whether Prometheus must return data for the whole expression ({@link Kind#PANEL}) or only for each
 *                 selector in it ({@link Kind#ALERT}: a healthy desk makes most alert expressions empty)
 */
public record Query(String origin, String expr, Kind kind) {

    public enum Kind {
        /** A dashboard panel target or a recording rule: the whole expression must return data. */
        PANEL,
        /** An alerting rule: the expression must parse and every metric selector in it must return data. */
        ALERT
    }
}
