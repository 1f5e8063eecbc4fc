package com.novaquant.events;

/** A change of the desk's risk state, recorded in the audit trail (the live state is on {@code nova.control}). */
public record KillSwitchEvent(
        String symbol,
        DeskMode mode,
        String reason,
        String by,
        long atMicros) implements ExecutionEvent {
}
