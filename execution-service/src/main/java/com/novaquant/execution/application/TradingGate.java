package com.novaquant.execution.application;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Holds trading (every signal-driven order) while something is unresolved: a reconciliation mismatch, an order
 * whose outcome is unknown, a broken pair. Each hold has a key so the check that raised it can lift it once its
 * cause is gone. Derived state: reconciliation re-derives it at start-up.
 */
public class TradingGate {

    private final Map<String, String> holds = new ConcurrentSkipListMap<>();

    /** The key of the hold a broken pair places. */
    public static String pairKey(String pairId) {
        return "pair:" + pairId;
    }

    public void hold(String key, String reason) {
        holds.put(key, reason);
    }

    public void lift(String key) {
        holds.remove(key);
    }

    /** Lifts every hold whose key starts with the prefix (a check that found its whole area clean). */
    public void liftAll(String prefix) {
        holds.keySet().removeIf(k -> k.startsWith(prefix));
    }

    public boolean held() {
        return !holds.isEmpty();
    }

    /** Every current reason, joined; empty when trading is free. */
    public String reason() {
        return String.join("; ", holds.values());
    }
}
