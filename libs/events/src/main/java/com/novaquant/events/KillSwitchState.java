package com.novaquant.events;

/**
 * The desk's risk state on the compacted {@code nova.control} topic (key {@code kill-switch}): {@link DeskMode} with
 * why, who and when. "Engaged" means HALTED or FROZEN.
 */
public record KillSwitchState(
        DeskMode mode,
        String reason,
        String by,
        long atMs) implements NovaEvent {

    public static final KillSwitchState RELEASED = new KillSwitchState(DeskMode.TRADING, "initial", "system", 0);

    public KillSwitchState {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
    }

    /** True while HALTED or FROZEN. */
    public boolean engaged() {
        return mode != DeskMode.TRADING;
    }

    public boolean frozen() {
        return mode == DeskMode.FROZEN;
    }

    @Override
    public String key() {
        return Topics.KILL_SWITCH_KEY;
    }
}
