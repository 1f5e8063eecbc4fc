package com.novaquant.execution.application;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Symbols whose last trade was cut short (a database or adapter failure mid-trade) and may still have orders whose
 * outcome nobody recorded. No decision trades such a symbol until reconciliation has resolved its orders: a
 * re-published signal must not open again on top of unresolved ones.
 */
public class UnresolvedSymbols {

    private final Set<String> symbols = ConcurrentHashMap.newKeySet();

    public void add(String symbol) {
        symbols.add(symbol);
    }

    public boolean contains(String symbol) {
        return symbols.contains(symbol);
    }

    public void resolved(String symbol) {
        symbols.remove(symbol);
    }

    public Set<String> snapshot() {
        return Set.copyOf(symbols);
    }
}
