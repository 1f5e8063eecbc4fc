package com.novaquant.backtest.sweep;

import com.novaquant.strategy.universe.AllocationRules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The grid of a parameter sweep: a list of values per swept setting, every combination a point. Read from JSON:
 * <pre>
 * {"entryThresholdApr": [0.10, 0.15], "exitThresholdApr": [0], "holdingHours": [72, 168],
 *  "universeSize": [3, 5], "allocation": ["EQUAL", "BY_CARRY"], "capital": 10000}
 * </pre>
 * A setting left out takes the backtest's default. Points are numbered in a fixed order, and point {@code i} belongs
 * to slice {@code i mod slices}, so that slices of a grid split across machines are of even size.
 */
public record SweepGrid(List<Double> entryThresholdApr, List<Double> exitThresholdApr, List<Double> holdingHours,
                        List<Integer> universeSize, List<AllocationRules.Weighting> allocation, double capital) {

    private static final Set<String> KEYS = Set.of("entryThresholdApr", "exitThresholdApr", "holdingHours",
            "universeSize", "allocation", "capital");

    public SweepGrid {
        for (List<?> values : List.of(entryThresholdApr, exitThresholdApr, holdingHours, universeSize, allocation)) {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("every swept setting needs at least one value");
            }
        }
        if (!(capital > 0)) {
            throw new IllegalArgumentException("capital must be above 0, was " + capital);
        }
    }

    public static SweepGrid parse(String json) {
        JsonNode root = JsonMapper.builder().build().readTree(json);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a sweep grid is a JSON object");
        }
        for (String name : root.propertyNames()) {
            if (!KEYS.contains(name)) {
                throw new IllegalArgumentException("unknown grid setting '" + name + "'; known: " + KEYS);
            }
        }
        return new SweepGrid(doubles(root, "entryThresholdApr", 0.15), doubles(root, "exitThresholdApr", 0.0),
                doubles(root, "holdingHours", 168.0), integers(root, "universeSize", 5), weightings(root),
                root.has("capital") ? root.get("capital").asDouble()
                        : com.novaquant.backtest.engine.BacktestSettings.DEFAULT_CAPITAL);
    }

    /** Every point of the grid, numbered. */
    public List<SweepPoint> points() {
        List<SweepPoint> points = new ArrayList<>();
        for (double entry : entryThresholdApr) {
            for (double exit : exitThresholdApr) {
                for (double holding : holdingHours) {
                    for (int size : universeSize) {
                        for (AllocationRules.Weighting weighting : allocation) {
                            points.add(new SweepPoint(points.size(), entry, exit, holding, size, weighting));
                        }
                    }
                }
            }
        }
        return points;
    }

    /** The points of slice {@code slice} (0-based) of {@code slices}. */
    public List<SweepPoint> slice(int slice, int slices) {
        if (slices < 1 || slice < 0 || slice >= slices) {
            throw new IllegalArgumentException("slice " + slice + " of " + slices + " does not exist");
        }
        return points().stream().filter(p -> p.index() % slices == slice).toList();
    }

    private static List<Double> doubles(JsonNode root, String name, double fallback) {
        return values(root, name, fallback, node -> {
            if (!node.isNumber()) {
                throw new IllegalArgumentException(name + " holds a value that is not a number: " + node);
            }
            return node.asDouble();
        });
    }

    private static List<Integer> integers(JsonNode root, String name, int fallback) {
        return values(root, name, fallback, node -> {
            if (!node.isIntegralNumber() || node.asInt() < 1) {
                throw new IllegalArgumentException(name + " holds a value that is not a whole number >= 1: " + node);
            }
            return node.asInt();
        });
    }

    private static List<AllocationRules.Weighting> weightings(JsonNode root) {
        return values(root, "allocation", AllocationRules.Weighting.BY_CARRY, node -> {
            try {
                return AllocationRules.Weighting.valueOf(node.asString());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("allocation is EQUAL or BY_CARRY, not " + node);
            }
        });
    }

    private static <T> List<T> values(JsonNode root, String name, T fallback,
                                      java.util.function.Function<JsonNode, T> read) {
        JsonNode node = root.get(name);
        if (node == null) {
            return List.of(fallback);
        }
        if (!node.isArray()) {
            return List.of(read.apply(node));
        }
        List<T> out = new ArrayList<>();
        for (JsonNode value : node) {
            out.add(read.apply(value));
        }
        return out;
    }
}
