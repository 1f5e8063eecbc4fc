package com.novaquant.observability;

/**
 * One thing wrong with a dashboard or a rule.
 *
 * @param kind   what is wrong
 * @param origin where the expression was written
 * @param expr   the expression (or the selector inside it) that failed
 * @param detail Prometheus's error text, or the missing metric name
 */
public record Problem(Kind kind, String origin, String expr, String detail) {

    public enum Kind {
        /** Prometheus refused the expression (syntax, unknown function, type error). */
        INVALID,
        /** Prometheus evaluated it and found no series. */
        NO_DATA,
        /** The expression names a metric that no scraped service exposes. */
        UNKNOWN_METRIC,
        /** Prometheus could not be asked at all. */
        UNREACHABLE
    }

    @Override
    public String toString() {
        return kind + "  " + origin + "\n      " + expr + "\n      " + detail;
    }
}
