package com.novaquant.observability;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every PromQL expression of every panel target of Grafana dashboards, with Grafana's variables replaced by what
 * Grafana would send.
 *
 * <p>Query variables of the form {@code label_values(selector, label)} contribute their selector. Built-in interval
 * variables become fixed durations; the dashboards' own variables (all of them label filters
 * used in {@code =~} matchers, such as {@code $application}) become their "All" value {@code .*}.
 */
public final class DashboardQueries {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What Grafana substitutes for its built-in time variables, at the dashboards' default refresh and range. */
    private static final Map<String, String> BUILT_INS = Map.of(
            "__rate_interval", "1m",
            "__interval", "30s",
            "__interval_ms", "30000",
            "__range", "1h",
            "__range_s", "3600",
            "__range_ms", "3600000");

    /** {@code $name}, {@code ${name}}, {@code ${name:format}} and the deprecated {@code [[name]]}. */
    private static final Pattern VARIABLE = Pattern.compile(
            "\\$\\{(\\w+)(?::[^}]*)?}|\\$(\\w+)|\\[\\[(\\w+)(?::[^]]*)?]]");

    /** Grafana's {@code label_values(selector, label)} with a selector (the one-argument form lists a label only). */
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*\\w+\\s*\\)");

    private DashboardQueries() {
    }

    /** Every query of every {@code *.json} dashboard in the directory, files in name order. */
    public static List<Query> readAll(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<Query> queries = new ArrayList<>();
            files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted()
                    .forEach(f -> queries.addAll(read(f)));
            return queries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list dashboards in " + directory, e);
        }
    }

    /** Every query of one dashboard file. */
    public static List<Query> read(Path dashboard) {
        try {
            return read(dashboard.getFileName().toString(), Files.readString(dashboard));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dashboard " + dashboard, e);
        }
    }

    /** Every query of a dashboard given as JSON text; {@code name} prefixes each query's origin. */
    public static List<Query> read(String name, String json) {
        JsonNode root = JSON.readTree(json);
        List<Query> queries = new ArrayList<>();
        collectVariables(name, root.path("templating").path("list"), queries);
        collect(name, root.path("panels"), queries);
        return queries;
    }

    /**
     * A query variable {@code label_values(selector, label)} lists what the selector returns: the selector must return
     * data, or the variable's dropdown is empty and every panel filtered on it goes blank.
     */
    private static void collectVariables(String name, JsonNode variables, List<Query> queries) {
        for (JsonNode variable : variables) {
            if (!"query".equals(variable.path("type").asString(""))) {
                continue;
            }
            JsonNode query = variable.path("query");
            String text = query.isObject() ? query.path("query").asString("") : query.asString("");
            Matcher m = LABEL_VALUES.matcher(text.strip());
            if (m.matches()) {
                queries.add(new Query(name + " › variable " + variable.path("name").asString("?"),
                        substituteVariables(m.group(1).strip()), Query.Kind.PANEL));
            }
        }
    }

    private static void collect(String name, JsonNode panels, List<Query> queries) {
        for (JsonNode panel : panels) {
            String title = panel.path("title").asString("(untitled panel " + panel.path("id").asString("") + ")");
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asString("");
                if (!expr.isBlank()) {
                    String origin = name + " › " + title + " › " + target.path("refId").asString("?");
                    queries.add(new Query(origin, substituteVariables(expr), Query.Kind.PANEL));
                }
            }
            // collapsed rows keep their panels inside the row
            collect(name, panel.path("panels"), queries);
        }
    }

    static String substituteVariables(String expr) {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String variable = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            m.appendReplacement(out, Matcher.quoteReplacement(BUILT_INS.getOrDefault(variable, ".*")));
        }
        m.appendTail(out);
        return out.toString();
    }
}
