package com.novaquant.execution.application;

import com.novaquant.events.DeskMode;
import com.novaquant.events.DeskMode;
import com.novaquant.events.EpochMicros;
import com.novaquant.events.KillSwitchEvent;
import com.novaquant.events.KillSwitchState;
import com.novaquant.events.Severity;
import com.novaquant.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The desk's risk state execution owns ({@link DeskMode}): TRADING, HALTED (nothing grows; closes, reductions,
 * repairs and flatten run) or FROZEN (nothing moves but what an operator orders). A change is held in memory first,
 * then published on the compacted {@code nova.control} topic, as a {@link KillSwitchEvent} on the audit trail and as
 * one KILL_SWITCH alert saying which state, why and how it ends, then written to the ledger's history. Releasing is
 * always an explicit operator action.
 * <p>
 * A state set by someone else on {@code nova.control} (seen through {@link ControlView}) also counts: the stricter
 * of the two holds.
 */
public class KillSwitch {

    private static final Logger log = LoggerFactory.getLogger(KillSwitch.class);

    private final Ledger ledger;
    private final ExecutionEvents events;
    private final Alerts alerts;
    private final ControlView view;
    private final Clock clock;
    private final AtomicReference<KillSwitchState> own = new AtomicReference<>(KillSwitchState.RELEASED);

    public KillSwitch(Ledger ledger, ExecutionEvents events, Alerts alerts, ControlView view, Clock clock) {
        this.ledger = ledger;
        this.events = events;
        this.alerts = alerts;
        this.view = view;
        this.clock = clock;
    }

    /** Restores the last state from the ledger and republishes it, so the topic agrees with the ledger. */
    public synchronized void restore() {
        ledger.latestKillSwitch().ifPresent(state -> {
            own.set(state);
            view.apply(state);
            events.publish(Topics.CONTROL, state);
            if (state.engaged()) {
                log.warn("Desk is {} since {} by {}: {}", state.mode(), state.atMs(), state.by(), state.reason());
            }
        });
    }

    /** Engages; a no-op (returning false) when already engaged by this service. */
    public synchronized boolean engage(String reason, String by) {
        if (own.get().engaged()) {
            return false;
        }
        change(new KillSwitchState(DeskMode.HALTED, reason, by, nextAtMs()));
        alerts.raise(Severity.CRITICAL, "KILL_SWITCH", "KILL SWITCH ENGAGED by " + by + ": " + reason, "kill-switch");
        return true;
    }

    /** Releases (operator only). Also clears a state engaged by another writer on the control topic. */
    public synchronized boolean release(String reason, String by) {
        if (!engaged()) {
            return false;
        }
        change(new KillSwitchState(DeskMode.TRADING, reason, by, nextAtMs()));
        alerts.raise(Severity.WARNING, "KILL_SWITCH", "Kill switch released by " + by + ": " + reason, "kill-switch");
        return true;
    }

    public boolean engaged() {
        return own.get().engaged() || view.engaged();
    }

    public KillSwitchState current() {
        KillSwitchState mine = own.get();
        KillSwitchState seen = view.current();
        if (mine.engaged()) {
            return mine;
        }
        return seen.engaged() ? seen : mine;
    }

    /**
     * Memory first, then the topic, then the ledger's history: a switch engaged while the database is down still
     * holds every decision of this instance and tells every other service. A history row that cannot be written is
     * logged and alerted, never a reason not to engage.
     */
    private void change(KillSwitchState state) {
        own.set(state);
        view.apply(state);
        events.publish(Topics.CONTROL, state);
        events.publish(Topics.EXEC_EVENTS, new KillSwitchEvent("*", state.mode(), state.reason(), state.by(),
                EpochMicros.now(clock)));
        log.warn("Desk {} by {}: {}", state.mode(), state.by(), state.reason());
        try {
            ledger.recordKillSwitch(state);
        } catch (RuntimeException e) {
            log.error("Kill switch state not written to the ledger ({}); it holds in memory and on the control topic",
                    e.toString());
        }
    }

    /** Strictly newer than anything seen, so the newest-wins rule of every reader picks this state. */
    private long nextAtMs() {
        return Math.max(clock.millis(), Math.max(own.get().atMs(), view.current().atMs()) + 1);
    }
}
