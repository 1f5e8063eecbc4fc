package com.novaquant.binance.stream.parse;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The subscribed symbols (upper case, e.g. {@code BTCUSDT}). A payload naming any other symbol is rejected with
 * {@link ParseStatus#UNKNOWN_SYMBOL}; a known one resolves to the same String instance every time, without
 * allocation.
 *
 * <p>The set changes while frames are parsed ({@link #add}, {@link #remove}): each change builds a new immutable
 * lookup table and publishes it with one volatile write, so a parser on an event loop pays one volatile read per
 * lookup, never a lock or an allocation, and sees either the old set or the new one. Changes are rare (the traded
 * universe moves a few times a day) and serialised on the table.
 */
public final class SymbolTable {

    /** What the parsers read: one volatile read, then the table itself. */
    private volatile ByteKeyTable<String> table;
    /** Written together with {@code table}, under the lock. */
    private volatile Set<String> symbols;

    public SymbolTable(Collection<String> symbols) {
        publishEntries(normalise(symbols));
    }

    public Set<String> symbols() {
        return symbols;
    }

    public boolean contains(String symbol) {
        return symbols.contains(symbol);
    }

    /** Adds symbols (normalised to upper case); known ones are left as they are. */
    public synchronized void add(Collection<String> symbols) {
        Map<String, String> entries = new LinkedHashMap<>(asEntries(this.symbols));
        entries.putAll(normalise(symbols));
        publish(entries);
    }

    /** Removes symbols: their frames are refused as {@link ParseStatus#UNKNOWN_SYMBOL} from now on. */
    public synchronized void remove(Collection<String> symbols) {
        Map<String, String> entries = new LinkedHashMap<>(asEntries(this.symbols));
        normalise(symbols).keySet().forEach(entries::remove);
        publish(entries);
    }

    /** The interned symbol for the bytes, or null when not subscribed. */
    String resolve(byte[] buf, int from, int to) {
        return table.get(buf, from, to);
    }

    private void publish(Map<String, String> entries) {
        if (!entries.keySet().equals(symbols)) {
            publishEntries(entries);
        }
    }

    private void publishEntries(Map<String, String> entries) {
        symbols = Set.copyOf(entries.keySet());
        table = new ByteKeyTable<>(entries);
    }

    private static Map<String, String> asEntries(Set<String> symbols) {
        Map<String, String> entries = new LinkedHashMap<>();
        // The same String instances stay in the new table: a listener comparing by identity keeps working.
        symbols.forEach(symbol -> entries.put(symbol, symbol));
        return entries;
    }

    private static Map<String, String> normalise(Collection<String> symbols) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String symbol : List.copyOf(symbols)) {
            String upper = symbol.trim().toUpperCase(Locale.ROOT);
            if (upper.isEmpty() || !upper.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                throw new IllegalArgumentException("not a Binance symbol: '" + symbol + "'");
            }
            entries.put(upper, upper);
        }
        return entries;
    }
}
