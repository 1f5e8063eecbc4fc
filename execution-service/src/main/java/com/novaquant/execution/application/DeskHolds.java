package com.novaquant.execution.application;

import com.novaquant.execution.domain.TradeFacts;

/**
 * Everything that stops a decision from trading right now, read from memory in one place: the trading gate, the kill
 * switch, the margin alarm and the symbols whose last trade was cut short.
 */
public class DeskHolds {

    private final TradingGate gate;
    private final KillSwitch killSwitch;
    private final MarginAlarm margin;
    private final UnresolvedSymbols unresolved;

    public DeskHolds(TradingGate gate, KillSwitch killSwitch, MarginAlarm margin, UnresolvedSymbols unresolved) {
        this.gate = gate;
        this.killSwitch = killSwitch;
        this.margin = margin;
        this.unresolved = unresolved;
    }

    public TradeFacts.Holds of(String symbol) {
        return new TradeFacts.Holds(gate.held() ? gate.reason() : null,
                killSwitch.engaged() ? killSwitch.current().reason() : null, margin.critical(),
                unresolved.contains(symbol));
    }
}
