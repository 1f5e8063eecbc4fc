package com.novaquant.simulator.application;

import com.novaquant.simulator.domain.source.HistoryMinute;

import java.time.YearMonth;
import java.util.List;
import java.util.function.Function;

/**
 * One symbol's minutes on one market, in time order, read a month at a time as play reaches it: only the month being
 * played is in memory, so a long range costs what one month costs. A month without a file is skipped.
 */
final class MinuteTape {

    private final Function<YearMonth, List<HistoryMinute>> readMonth;
    private final YearMonth from;
    private final YearMonth to;
    private YearMonth month;
    private List<HistoryMinute> minutes = List.of();
    private int index;

    MinuteTape(Function<YearMonth, List<HistoryMinute>> readMonth, YearMonth from, YearMonth to) {
        this.readMonth = readMonth;
        this.from = from;
        this.to = to;
    }

    /** The next minute to play, or null at the end of the range. */
    HistoryMinute peek() {
        while (index >= minutes.size()) {
            YearMonth next = month == null ? from : month.plusMonths(1);
            if (next.isAfter(to)) {
                return null;
            }
            minutes = readMonth.apply(next);
            month = next;
            index = 0;
        }
        return minutes.get(index);
    }

    /** Moves past the minute {@link #peek()} gave. */
    void skip() {
        index++;
    }

    /** Back to the first minute of the range. */
    void rewind() {
        month = null;
        minutes = List.of();
        index = 0;
    }
}
