package com.novaquant.execution.application;

import com.novaquant.events.DeskMode;
import com.novaquant.ids.PairId;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Execution's own automatic holds, each under a key so the check that placed it can lift it once its cause is gone
 * (derived state: the checks re-derive it after a restart). A hold has a level and a scope:
 * <ul>
 *   <li>{@link #halt}: desk-wide, nothing grows (a reconciliation mismatch, an exchange read that failed);</li>
 *   <li>{@link #haltSymbol}: one symbol, nothing grows on it (a broken pair);</li>
 *   <li>{@link #freeze}: desk-wide, no signal-driven trade at all (an account the desk cannot trade safely).</li>
 * </ul>
 * Closes and reductions pass every HALT; operator actions pass every hold.
 */
public class TradingGate {

    /** One hold: its level, the symbol it is scoped to (null: every symbol) and why. */
    public record Hold(String key, DeskMode level, String symbol, String reason) {
        boolean touches(String s) {
            return symbol == null || symbol.equals(s);
        }
    }

    private final Map<String, Hold> holds = new ConcurrentSkipListMap<>();

    /** The key of the hold a broken pair places. */
    public static String pairKey(PairId pairId) {
        return "pair:" + pairId;
    }

    public void halt(String key, String reason) {
        holds.put(key, new Hold(key, DeskMode.HALTED, null, reason));
    }

    public void haltSymbol(String key, String symbol, String reason) {
        holds.put(key, new Hold(key, DeskMode.HALTED, symbol, reason));
    }

    public void freeze(String key, String reason) {
        holds.put(key, new Hold(key, DeskMode.FROZEN, null, reason));
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

    public boolean held(String key) {
        return holds.containsKey(key);
    }

    /** The strictest level of the holds that touch the symbol: TRADING when none does. */
    public DeskMode levelFor(String symbol) {
        DeskMode level = DeskMode.TRADING;
        for (Hold hold : holds.values()) {
            if (hold.touches(symbol) && hold.level().compareTo(level) > 0) {
                level = hold.level();
            }
        }
        return level;
    }

    /** The strictest level of the desk-wide holds: TRADING when none. */
    public DeskMode deskLevel() {
        return levelFor(null);
    }

    /** The reasons of the holds that touch the symbol, joined; empty when none does. */
    public String reasonFor(String symbol) {
        return String.join("; ", holds.values().stream().filter(h -> h.touches(symbol)).map(Hold::reason).toList());
    }

    /** Every current reason, joined; empty when trading is free. */
    public String reason() {
        return String.join("; ", holds.values().stream().map(Hold::reason).toList());
    }

    public List<Hold> all() {
        return List.copyOf(holds.values());
    }
}
