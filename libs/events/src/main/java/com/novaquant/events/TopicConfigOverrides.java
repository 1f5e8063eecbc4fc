package com.novaquant.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Topic settings of a deployment, in the one-line form an environment variable carries
 * ({@code NOVA_KAFKA_TOPIC_CONFIGS}): {@code topic:key=value} entries separated by commas, e.g.
 * {@code nova.quotes:retention.ms=7200000,nova.exec.events:retention.ms=2592000000}.
 */
public final class TopicConfigOverrides {

    private TopicConfigOverrides() {
    }

    /** @throws IllegalArgumentException quoting the entry that is not {@code topic:key=value} */
    public static Map<String, Map<String, String>> parse(String text) {
        Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return overrides;
        }
        for (String entry : text.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            int equals = trimmed.indexOf('=', colon + 1);
            if (colon <= 0 || equals <= colon + 1 || equals == trimmed.length() - 1) {
                throw new IllegalArgumentException("topic setting '" + trimmed + "' is not topic:key=value");
            }
            overrides.computeIfAbsent(trimmed.substring(0, colon).strip(), topic -> new LinkedHashMap<>())
                    .put(trimmed.substring(colon + 1, equals).strip(), trimmed.substring(equals + 1).strip());
        }
        return overrides;
    }
}
