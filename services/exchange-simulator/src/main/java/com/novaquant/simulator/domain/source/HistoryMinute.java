package com.novaquant.simulator.domain.source;

import java.math.BigDecimal;

/**
 * What the history source keeps of one 1-minute kline: when it opened, its close and the base quantity traded. The
 * rest of the kline is dropped as the month is read, so that a month of minutes stays small in memory.
 */
public record HistoryMinute(long openTimeMs, BigDecimal close, BigDecimal volume) {

    public static final long LENGTH_MS = 60_000L;

    /** The instant the close is known: the end of the minute, when the next one opens. */
    public long closedAtMs() {
        return openTimeMs + LENGTH_MS;
    }
}
