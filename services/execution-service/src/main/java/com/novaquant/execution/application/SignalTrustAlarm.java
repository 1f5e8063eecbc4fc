package com.novaquant.execution.application;

import com.novaquant.events.Severity;
import com.novaquant.execution.domain.Refusal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pages once per source and reason when a signal is refused as untrustworthy (unsealed, sealed with an unknown or
 * wrong key, or naming a symbol the desk does not trade): a forger or a misconfigured producer writes on and on, and
 * one page says it all; the count is in {@code nova_execution_signals_total{outcome}}.
 */
public class SignalTrustAlarm {

    private final Alerts alerts;
    private final Set<String> raised = ConcurrentHashMap.newKeySet();

    public SignalTrustAlarm(Alerts alerts) {
        this.alerts = alerts;
    }

    /**
     * @param source who the record says it is from (the seal's key id, or the producer's client id), for the page
     */
    public void refused(Refusal reason, String source, String detail) {
        String key = "signal-trust:" + source + ":" + reason;
        if (raised.add(key)) {
            alerts.raise(Severity.CRITICAL, "SIGNAL_REFUSED", "Signal refused before trading: " + reason + " from "
                    + source + " (" + detail + "). Nothing was traded; further refusals of this kind are counted,"
                    + " not paged. Check who writes nova.signals and the signing keys.", key);
        }
    }
}
