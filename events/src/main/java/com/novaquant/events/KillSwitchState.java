package com.novaquant.events;

/** The kill-switch state on the compacted {@code nova.control} topic (key {@code kill-switch}). */
public record KillSwitchState(
        boolean engaged,
        String reason,
        String by,
        long atMs) implements NovaEvent {

    public static final KillSwitchState RELEASED = new KillSwitchState(false, "initial", "system", 0);

    @Override
    public String key() {
        return Topics.KILL_SWITCH_KEY;
    }
}
