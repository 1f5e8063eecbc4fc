package com.novaquant.simulator.application;

/**
 * Where the history source stands.
 *
 * @param plan          what it plays
 * @param startMs       the history instant play began at (the first minute's close)
 * @param historyTimeMs the history instant the market is at now (the last close once the end is reached)
 * @param wallTimeMs    the wall time of that reading
 * @param minutesPlayed history minutes played since the start, every lap counted
 * @param lap           1 for the first pass over the range, 2 for the first repeat, ...
 * @param finished      the end was reached and the market stays at its last state
 */
public record HistoryStatus(HistoryPlan plan, long startMs, long historyTimeMs, long wallTimeMs, long minutesPlayed,
                            int lap, boolean finished) {
}
