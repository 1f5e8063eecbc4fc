package com.novaquant.events;

/** A kill-switch change, recorded in the audit trail (the live state is on {@code nova.control}). */
public record KillSwitchEvent(
        String symbol,
        boolean engaged,
        String reason,
        String by,
        long atMicros) implements ExecutionEvent {
}
