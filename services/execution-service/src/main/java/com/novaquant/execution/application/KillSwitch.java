package com.novaquant.execution.application;

import com.novaquant.events.DeskMode;
import com.novaquant.events.EpochMicros;
import com.novaquant.events.KillSwitchEvent;
import com.novaquant.events.KillSwitchState;
import com.novaquant.events.Severity;
import com.novaquant.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.Executor;
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
    private final Executor historyWriter;
    private final Object historyLock = new Object();
    private final AtomicReference<KillSwitchState> own = new AtomicReference<>(KillSwitchState.RELEASED);
    /** The newest state the ledger has not taken yet; written by {@link #persistPending()} until it is. */
    private final AtomicReference<KillSwitchState> unwritten = new AtomicReference<>();

    public KillSwitch(Ledger ledger, ExecutionEvents events, Alerts alerts, ControlView view, Clock clock) {
        this(ledger, events, alerts, view, clock, Runnable::run);
    }

    /**
     * @param historyWriter runs the ledger writes, so an engage never waits on a database that may be down (a direct
     *                      executor in tests, one thread of its own in the service)
     */
    public KillSwitch(Ledger ledger, ExecutionEvents events, Alerts alerts, ControlView view, Clock clock,
                      Executor historyWriter) {
        this.historyWriter = historyWriter;
        this.ledger = ledger;
        this.events = events;
        this.alerts = alerts;
        this.view = view;
        this.clock = clock;
    }

    /**
     * Restores the last state from the ledger and republishes it, so the topic agrees with the ledger. A state this
     * instance changed while the ledger was away is newer than anything in it and stays.
     */
    public synchronized void restore() {
        if (unwritten.get() != null) {
            persistPending();
            return;
        }
        ledger.latestKillSwitch().ifPresent(state -> {
            own.set(state);
            view.apply(state);
            events.publish(Topics.CONTROL, state);
            if (state.engaged()) {
                log.warn("Desk is {} since {} by {}: {}", state.mode(), state.atMs(), state.by(), state.reason());
            }
        });
    }

    /** HALTS the desk; a no-op (returning false) when this service already holds it HALTED or FROZEN. */
    public synchronized boolean engage(String reason, String by) {
        return moveTo(DeskMode.HALTED, reason, by);
    }

    /** FREEZES the desk; a no-op (returning false) when this service already holds it FROZEN. */
    public synchronized boolean freeze(String reason, String by) {
        return moveTo(DeskMode.FROZEN, reason, by);
    }

    /** Releases to TRADING (operator only). Also clears a state set by another writer on the control topic. */
    public synchronized boolean release(String reason, String by) {
        if (!engaged()) {
            return false;
        }
        change(new KillSwitchState(DeskMode.TRADING, reason, by, nextAtMs()));
        alerts.raise(Severity.WARNING, "KILL_SWITCH", "Desk TRADING again: released by " + by + ": " + reason
                + ". Pairs may open again.", "kill-switch");
        return true;
    }

    /** The control topic this switch reads beside its own state. */
    public ControlView view() {
        return view;
    }

    public boolean engaged() {
        return mode() != DeskMode.TRADING;
    }

    /** The stricter of this service's own state and the one seen on the control topic. */
    public DeskMode mode() {
        return current().mode();
    }

    public KillSwitchState current() {
        KillSwitchState mine = own.get();
        KillSwitchState seen = view.current();
        return seen.mode().compareTo(mine.mode()) > 0 ? seen : mine;
    }

    private boolean moveTo(DeskMode mode, String reason, String by) {
        if (own.get().mode().compareTo(mode) >= 0) {
            return false;
        }
        change(new KillSwitchState(mode, reason, by, nextAtMs()));
        alerts.raise(Severity.CRITICAL, "KILL_SWITCH", text(mode, reason, by), "kill-switch");
        return true;
    }

    /** The alert: which state, why, and how it ends. */
    static String text(DeskMode mode, String reason, String by) {
        return switch (mode) {
            case HALTED -> "KILL SWITCH ENGAGED: desk HALTED by " + by + ": " + reason
                    + ". No new exposure; closes, reductions, repairs and flatten continue."
                    + " Ends when an operator releases it (/resume).";
            case FROZEN -> "DESK FROZEN by " + by + ": " + reason
                    + ". Nothing trades except what an operator orders (flatten, reduce, repair)."
                    + " Ends when an operator releases it (/resume).";
            case TRADING -> "Desk TRADING: " + reason;
        };
    }

    /**
     * Memory first, then the topic, then the ledger's history: a switch engaged while the database is down still
     * holds every decision of this instance and tells every other service. A history row that cannot be written is
     * kept and written by {@link #persistPending()} when the database is back, so a restart restores it; never a
     * reason not to engage.
     */
    private void change(KillSwitchState state) {
        own.set(state);
        view.apply(state);
        events.publish(Topics.CONTROL, state);
        events.publish(Topics.EXEC_EVENTS, new KillSwitchEvent("*", state.mode(), state.reason(), state.by(),
                EpochMicros.now(clock)));
        log.warn("Desk {} by {}: {}", state.mode(), state.by(), state.reason());
        unwritten.set(state);
        historyWriter.execute(this::persistPending);
    }

    /**
     * Writes the newest unwritten state to the ledger's history; a no-op when there is none. Handed to the history
     * writer after every change and retried by the supervisor until it succeeds; never under the switch's own lock,
     * so a write stuck on the database cannot delay an engage. Only the newest state is written: an older one that
     * never reached the ledger is superseded, not history worth blocking on.
     *
     * @return whether the ledger now holds this instance's newest state
     */
    public boolean persistPending() {
        synchronized (historyLock) {
            return writeUnwritten();
        }
    }

    private boolean writeUnwritten() {
        KillSwitchState state = unwritten.get();
        if (state == null) {
            return true;
        }
        try {
            ledger.recordKillSwitch(state);
            unwritten.compareAndSet(state, null);
            log.info("Kill switch state {} written to the ledger", state.mode());
            return true;
        } catch (RuntimeException e) {
            log.error("Kill switch state {} not written to the ledger ({}); it holds in memory and on the control"
                    + " topic, and is written when the database is back", state.mode(), e.toString());
            return false;
        }
    }

    /** Whether a state change is still waiting for the ledger (a restart now would restore an older state). */
    public boolean unpersisted() {
        return unwritten.get() != null;
    }

    /** Strictly newer than anything seen, so the newest-wins rule of every reader picks this state. */
    private long nextAtMs() {
        return Math.max(clock.millis(), Math.max(own.get().atMs(), view.current().atMs()) + 1);
    }
}
