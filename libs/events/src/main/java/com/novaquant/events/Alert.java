package com.novaquant.events;

/**
 * An alert for the sentinel ({@code nova.alerts}, key = dedup key).
 *
 * @param source   the service that raised it, e.g. {@code ingestion-service}
 * @param code     a stable machine code, e.g. {@code FEED_LAG}
 * @param text     what a human reads on the phone
 * @param dedupKey identical alerts within a window share this key and collapse into one message
 * @param atMs     when it was raised, epoch milliseconds
 */
public record Alert(
        Severity severity,
        String source,
        String code,
        String text,
        String dedupKey,
        long atMs) implements NovaEvent {

    @Override
    public String key() {
        return dedupKey;
    }

    public static Alert of(Severity severity, String source, String code, String text, String dedupKey) {
        return new Alert(severity, source, code, text, dedupKey, System.currentTimeMillis());
    }
}
