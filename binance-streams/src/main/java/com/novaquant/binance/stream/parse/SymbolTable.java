package com.novaquant.binance.stream.parse;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The configured symbols (upper case, e.g. {@code BTCUSDT}). A payload naming any other symbol is rejected with
 * {@link ParseStatus#UNKNOWN_SYMBOL}; a known one resolves to the same String instance every time, without
 * allocation. Immutable.
 */
public final class SymbolTable {

    private final ByteKeyTable<String> table;
    private final Set<String> symbols;

    public SymbolTable(Collection<String> symbols) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String symbol : symbols) {
            String upper = symbol.trim().toUpperCase(Locale.ROOT);
            if (upper.isEmpty() || !upper.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                throw new IllegalArgumentException("not a Binance symbol: '" + symbol + "'");
            }
            entries.put(upper, upper);
        }
        this.table = new ByteKeyTable<>(entries);
        this.symbols = Set.copyOf(entries.keySet());
    }

    public Set<String> symbols() {
        return symbols;
    }

    /** The interned symbol for the bytes, or null when not configured. */
    String resolve(byte[] buf, int from, int to) {
        return table.get(buf, from, to);
    }
}
