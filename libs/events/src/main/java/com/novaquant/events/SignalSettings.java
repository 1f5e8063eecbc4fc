package com.novaquant.events;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The signal service's settings in force, on the compacted {@code nova.signal-settings} topic
 * ({@link Topics#SIGNAL_SETTINGS}, key {@value #KEY}), written by signal-service only, each time an operator changes
 * them. Every signal-service replica reads the topic from the beginning and holds the last record on it that it
 * can verify and validate, so all replicas run the same settings and a restarted one comes back with them.
 *
 * @param revision which change this is: the writer takes one above the highest revision on the topic, so it
 *                 grows with every change; at least 1 (0 is a replica's start-up properties)
 * @param settings the complete settings, as signal-service's {@code GET /admin/config} shows them (a JSON object:
 *                 camelCase names, durations as ISO-8601); signal-service validates them as it does a change
 * @param by       who changed them: the authenticated admin account (see service-support's {@code AuditActor})
 * @param atMs     when, epoch milliseconds
 */
public record SignalSettings(long revision, JsonNode settings, String by, long atMs) implements NovaEvent {

    /** The record key: one key, so compaction keeps the latest settings only. */
    public static final String KEY = "signal-settings";

    public SignalSettings {
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1, was " + revision);
        }
        if (!(settings instanceof ObjectNode)) {
            throw new IllegalArgumentException("settings must be a JSON object");
        }
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("by is required");
        }
        settings = settings.deepCopy();
    }

    /** A copy of the settings object: the record stays unchanged whatever the caller does with it. */
    @Override
    public JsonNode settings() {
        return settings.deepCopy();
    }

    @Override
    public String key() {
        return KEY;
    }
}
