package com.novaquant.events;

/**
 * A payload that is not a valid Nova event. Consumers count it by {@link #reason()} and skip the record; it never
 * stops a listener.
 */
public final class EventDecodeException extends org.apache.kafka.common.errors.SerializationException {

    public enum Reason {
        /** Not JSON, truncated, wrong field types, missing fields. */
        MALFORMED,
        /** A {@code type} this build does not know. */
        UNKNOWN_TYPE,
        /** A schema version this build does not understand. */
        UNSUPPORTED_VERSION,
        /** A valid event of another type than the consumer expects. */
        UNEXPECTED_TYPE
    }

    private final Reason reason;

    public EventDecodeException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
