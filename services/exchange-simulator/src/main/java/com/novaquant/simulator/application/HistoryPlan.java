package com.novaquant.simulator.application;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

/**
 * What the history source plays: the symbols, from which mirror and months, how fast, and whether it starts again at
 * the end.
 *
 * @param dir     the bulk-file mirror's root
 * @param symbols the symbols played
 * @param from    first month
 * @param to      last month (inclusive)
 * @param speed   history minutes per wall second
 * @param loop    start again from the first minute at the end
 */
public record HistoryPlan(Path dir, List<String> symbols, YearMonth from, YearMonth to, double speed, boolean loop) {

    public HistoryPlan {
        symbols = List.copyOf(symbols);
    }
}
