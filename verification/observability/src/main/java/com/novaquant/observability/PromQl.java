package com.novaquant.observability;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the vector selectors (metric name plus label matchers) in a PromQL expression, without a full parser.
 *
 * <p>It is a lexer that knows which identifiers are not metric names: functions (followed by {@code (}), aggregation
 * operators and keywords, label names inside {@code {...}} and inside {@code by/without/on/ignoring/group_left/
 * group_right (...)}, strings, numbers and durations. Whether the expression is valid is Prometheus's call (the query
 * check asks it); this class only has to name the metrics a valid expression reads.
 */
public final class PromQl {

    /** One vector selector as written: the metric name and its matchers (empty, or {@code {...}} verbatim). */
    public record Selector(String metric, String matchers) {
        public String text() {
            return metric + matchers;
        }
    }

    private static final Set<String> LABEL_LIST_KEYWORDS = Set.of(
            "by", "without", "on", "ignoring", "group_left", "group_right");

    private static final Set<String> KEYWORDS = Set.of(
            "and", "or", "unless", "bool", "offset", "atan2", "inf", "nan",
            "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values",
            "bottomk", "topk", "quantile", "limitk", "limit_ratio");

    private PromQl() {
    }

    /** Every vector selector in the expression, in order of appearance. */
    public static List<Selector> selectors(String expr) {
        List<Selector> found = new ArrayList<>();
        int i = 0;
        int n = expr.length();
        while (i < n) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(expr, i);
            } else if (c == '#') {
                while (i < n && expr.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '{') {
                i = skipBalanced(expr, i, '{', '}');
            } else if (c == '[') {
                i = skipBalanced(expr, i, '[', ']');
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(expr.charAt(i + 1)))) {
                while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '.'
                        || expr.charAt(i) == '_')) {
                    i++;
                }
            } else if (isIdentifierStart(c)) {
                int start = i;
                while (i < n && isIdentifierPart(expr.charAt(i))) {
                    i++;
                }
                String word = expr.substring(start, i);
                int next = skipSpace(expr, i);
                char following = next < n ? expr.charAt(next) : 0;
                String lower = word.toLowerCase(java.util.Locale.ROOT);
                if (LABEL_LIST_KEYWORDS.contains(lower)) {
                    if (following == '(') {
                        i = skipBalanced(expr, next, '(', ')');
                    }
                } else if (KEYWORDS.contains(lower) || following == '(') {
                    // an operator, keyword or function call: not a metric
                } else if (following == '{') {
                    int end = skipBalanced(expr, next, '{', '}');
                    found.add(new Selector(word, expr.substring(next, end)));
                    i = end;
                } else {
                    found.add(new Selector(word, ""));
                }
            } else {
                i++;
            }
        }
        return found;
    }

    /** The distinct metric names the expression reads. */
    public static Set<String> metricNames(String expr) {
        Set<String> names = new LinkedHashSet<>();
        for (Selector selector : selectors(expr)) {
            names.add(selector.metric());
        }
        return names;
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9');
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipString(String s, int i) {
        char quote = s.charAt(i);
        i++;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return i;
    }

    /** Index just past the bracket that closes the one at {@code i}, strings inside respected. */
    private static int skipBalanced(String s, int i, char open, char close) {
        int depth = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(s, i);
                continue;
            }
            if (c == open) {
                depth++;
            } else if (c == close) {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return i;
    }
}
