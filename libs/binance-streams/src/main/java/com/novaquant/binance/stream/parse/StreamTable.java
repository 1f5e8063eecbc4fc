package com.novaquant.binance.stream.parse;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The streams one connection carries, looked up by the {@code stream} name of the combined envelope. A frame of a
 * stream not (or no longer) in the table is refused as {@link ParseStatus#UNKNOWN_STREAM}.
 *
 * <p>It changes while frames are parsed ({@link #add}, {@link #remove}) the way {@link SymbolTable} does: a new
 * immutable lookup table per change, published with one volatile write; the parser pays one volatile read per frame.
 */
public final class StreamTable {

    /** What the parser reads: one volatile read, then the table itself. */
    private volatile ByteKeyTable<StreamKey> table;
    /** Written together with {@code table}, under the lock. */
    private volatile List<StreamKey> streams;

    public StreamTable(List<StreamKey> streams) {
        Map<String, StreamKey> entries = new LinkedHashMap<>();
        for (StreamKey stream : streams) {
            if (entries.put(stream.name(), stream) != null) {
                throw new IllegalArgumentException("stream listed twice: " + stream.name());
            }
        }
        publish(entries);
    }

    /** The streams now in the table, in the order they were added. */
    public List<StreamKey> streams() {
        return streams;
    }

    public int size() {
        return streams.size();
    }

    /** Adds streams; a stream whose name is already in the table is left as it is. */
    public synchronized void add(Collection<StreamKey> streams) {
        Map<String, StreamKey> entries = entries();
        boolean changed = false;
        for (StreamKey stream : streams) {
            changed |= entries.putIfAbsent(stream.name(), stream) == null;
        }
        if (changed) {
            publish(entries);
        }
    }

    /** Removes streams by name: their frames are refused from now on. */
    public synchronized void remove(Collection<StreamKey> streams) {
        Map<String, StreamKey> entries = entries();
        boolean changed = false;
        for (StreamKey stream : streams) {
            changed |= entries.remove(stream.name()) != null;
        }
        if (changed) {
            publish(entries);
        }
    }

    private Map<String, StreamKey> entries() {
        Map<String, StreamKey> entries = new LinkedHashMap<>();
        streams.forEach(stream -> entries.put(stream.name(), stream));
        return entries;
    }

    private void publish(Map<String, StreamKey> entries) {
        streams = List.copyOf(entries.values());
        table = new ByteKeyTable<>(entries);
    }

    StreamKey resolve(byte[] buf, int from, int to) {
        return table.get(buf, from, to);
    }
}
