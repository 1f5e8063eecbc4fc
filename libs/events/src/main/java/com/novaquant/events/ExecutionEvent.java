package com.novaquant.events;

/** Events on {@code nova.exec.events}, the execution audit trail. Keyed by symbol. */
public sealed interface ExecutionEvent extends NovaEvent
        permits OrderEvent, FillEvent, PairEvent, LegRiskEvent, FundingPaymentEvent, KillSwitchEvent {

    String symbol();

    /** When the event happened, epoch microseconds. */
    long atMicros();

    @Override
    default String key() {
        return symbol();
    }
}
