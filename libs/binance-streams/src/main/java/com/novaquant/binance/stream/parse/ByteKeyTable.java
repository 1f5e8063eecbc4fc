package com.novaquant.binance.stream.parse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * An immutable map from ASCII keys to values, looked up by a byte range without creating a String: the symbol and
 * stream names of every frame are resolved here, so the hot path allocates nothing for them. Open addressing over a
 * power-of-two table; safe to share between threads once built.
 */
final class ByteKeyTable<V> {

    private final byte[][] keys;
    private final Object[] values;
    private final int mask;

    ByteKeyTable(Map<String, V> entries) {
        int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 4) - 1) << 1;
        this.keys = new byte[capacity][];
        this.values = new Object[capacity];
        this.mask = capacity - 1;
        entries.forEach((key, value) -> {
            byte[] bytes = key.getBytes(StandardCharsets.US_ASCII);
            int slot = hash(bytes, 0, bytes.length) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = bytes;
            values[slot] = value;
        });
    }

    @SuppressWarnings("unchecked")
    V get(byte[] buf, int from, int to) {
        int slot = hash(buf, from, to) & mask;
        byte[] key;
        while ((key = keys[slot]) != null) {
            if (Arrays.equals(key, 0, key.length, buf, from, to)) {
                return (V) values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    private static int hash(byte[] buf, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + buf[i];
        }
        return h ^ (h >>> 16);
    }
}
