package com.novaquant.signal.application;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The JSON form of {@link SignalProperties}: what {@code GET /admin/config} shows, what {@code PUT} takes and what
 * the shared settings topic carries. camelCase names, durations as ISO-8601 ({@code "PT30S"}). Strict on input: an
 * unknown field is a typo (or a newer build's setting), not something to ignore. Thread-safe.
 */
public final class SettingsJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();

    private SettingsJson() {
    }

    /** The mapper, for reading request bodies and writing responses alike. */
    public static JsonMapper mapper() {
        return JSON;
    }

    public static String write(SignalProperties properties) {
        return JSON.writeValueAsString(properties);
    }

    public static ObjectNode tree(SignalProperties properties) {
        return JSON.valueToTree(properties);
    }

    /** @throws tools.jackson.core.JacksonException when the object does not bind (unknown field, wrong type) */
    public static SignalProperties read(JsonNode settings) {
        return JSON.treeToValue(settings, SignalProperties.class);
    }

    /** {@code patch} merged into {@code target}: nested objects field by field, anything else replaced. */
    public static void merge(ObjectNode target, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode patchObject) {
                merge(existingObject, patchObject);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    /** The paths (e.g. {@code sizing.totalCap}) whose values differ between two sets of settings. */
    public static List<String> differences(SignalProperties a, SignalProperties b) {
        List<String> paths = new ArrayList<>();
        differences("", tree(a), tree(b), paths);
        return paths;
    }

    private static void differences(String prefix, JsonNode a, JsonNode b, List<String> paths) {
        if (a instanceof ObjectNode objectA && b instanceof ObjectNode objectB) {
            TreeSet<String> names = new TreeSet<>(objectA.propertyNames());
            names.addAll(objectB.propertyNames());
            for (String name : names) {
                JsonNode left = objectA.get(name);
                JsonNode right = objectB.get(name);
                if (left == null || right == null) {
                    paths.add(prefix + name);
                } else {
                    differences(prefix + name + ".", left, right, paths);
                }
            }
        } else if (!a.equals(b)) {
            paths.add(prefix.substring(0, prefix.length() - 1));
        }
    }
}
