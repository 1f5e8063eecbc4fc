package com.novaquant.observability;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The expressions of a Prometheus rules file ({@code groups[].rules[]}), alerting and recording alike. */
public final class RuleQueries {

    private final List<Query> queries;
    private final Set<String> recordedNames;

    private RuleQueries(List<Query> queries, Set<String> recordedNames) {
        this.queries = List.copyOf(queries);
        this.recordedNames = Set.copyOf(recordedNames);
    }

    public static RuleQueries read(Path rulesFile) {
        try {
            return parse(rulesFile.getFileName().toString(), Files.readString(rulesFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules " + rulesFile, e);
        }
    }

    @SuppressWarnings("unchecked")
    public static RuleQueries parse(String name, String yaml) {
        Map<String, Object> root = new Yaml().load(yaml);
        List<Query> queries = new ArrayList<>();
        Set<String> recorded = new LinkedHashSet<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) root.getOrDefault("groups", List.of())) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.getOrDefault("rules", List.of())) {
                String expr = String.valueOf(rule.get("expr")).strip();
                if (rule.containsKey("record")) {
                    String record = String.valueOf(rule.get("record"));
                    recorded.add(record);
                    queries.add(new Query(name + " › " + group.get("name") + " › record " + record, expr, Query.Kind.PANEL));
                } else {
                    queries.add(new Query(name + " › " + group.get("name") + " › " + rule.get("alert"), expr, Query.Kind.ALERT));
                }
            }
        }
        return new RuleQueries(queries, recorded);
    }

    public List<Query> queries() {
        return queries;
    }

    /** Series names the recording rules create: dashboards and alerts may read them although no service exposes them. */
    public Set<String> recordedNames() {
        return recordedNames;
    }
}
