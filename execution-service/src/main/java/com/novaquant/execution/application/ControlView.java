package com.novaquant.execution.application;

import com.novaquant.events.KillSwitchState;

/** The kill switch as every service sees it on {@code nova.control}: a port, the compacted topic in production. */
public interface ControlView {

    KillSwitchState current();

    /** Takes a state this service decided, before the topic echoes it back. */
    void apply(KillSwitchState state);

    default boolean engaged() {
        return current().engaged();
    }
}
