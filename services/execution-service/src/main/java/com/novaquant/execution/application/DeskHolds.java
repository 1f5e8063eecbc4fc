package com.novaquant.execution.application;

import com.novaquant.events.DeskMode;
import com.novaquant.events.KillSwitchState;
import com.novaquant.execution.domain.TradeFacts;

/**
 * Everything that stops a decision from trading right now, read from memory in one place: the desk's risk state (the
 * kill switch), execution's own holds touching the symbol, the symbol's feed gate, the margin alarm and the symbols
 * whose last trade was cut short.
 */
public class DeskHolds {

    private final TradingGate gate;
    private final KillSwitch killSwitch;
    private final MarginAlarm margin;
    private final UnresolvedSymbols unresolved;
    private final ControlView control;

    public DeskHolds(TradingGate gate, KillSwitch killSwitch, MarginAlarm margin, UnresolvedSymbols unresolved,
                     ControlView control) {
        this.control = control;
        this.gate = gate;
        this.killSwitch = killSwitch;
        this.margin = margin;
        this.unresolved = unresolved;
    }

    public TradeFacts.Holds of(String symbol) {
        KillSwitchState desk = killSwitch.current();
        DeskMode gateLevel = gate.levelFor(symbol);
        return new TradeFacts.Holds(desk.mode(), desk.engaged() ? desk.reason() : null, gateLevel,
                gateLevel == DeskMode.TRADING ? null : gate.reasonFor(symbol), control.feedGated(symbol).orElse(null),
                margin.critical(), unresolved.contains(symbol));
    }
}
