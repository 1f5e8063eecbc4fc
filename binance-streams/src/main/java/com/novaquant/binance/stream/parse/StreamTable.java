package com.novaquant.binance.stream.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The streams one connection subscribed to, looked up by the {@code stream} name of the combined envelope. */
public final class StreamTable {

    private final ByteKeyTable<StreamKey> table;
    private final List<StreamKey> streams;

    public StreamTable(List<StreamKey> streams) {
        Map<String, StreamKey> entries = new LinkedHashMap<>();
        for (StreamKey stream : streams) {
            if (entries.put(stream.name(), stream) != null) {
                throw new IllegalArgumentException("stream listed twice: " + stream.name());
            }
        }
        this.table = new ByteKeyTable<>(entries);
        this.streams = List.copyOf(streams);
    }

    public List<StreamKey> streams() {
        return streams;
    }

    StreamKey resolve(byte[] buf, int from, int to) {
        return table.get(buf, from, to);
    }
}
