package com.novaquant.ingestion.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The funding interval of each symbol, in hours, as last read from the exchange. A symbol without one reads as
 * {@link #UNKNOWN} (0), which is what a funding event carries until the first successful read.
 */
public record FundingIntervals(Map<String, Integer> hoursBySymbol) {

    public static final int UNKNOWN = 0;
    public static final FundingIntervals NONE = new FundingIntervals(Map.of());

    public FundingIntervals {
        hoursBySymbol.forEach((symbol, hours) -> {
            if (hours == null || hours < 1 || hours > 24) {
                throw new IllegalArgumentException("funding interval of " + symbol + " must be 1..24 h, was " + hours);
            }
        });
        hoursBySymbol = Map.copyOf(hoursBySymbol);
    }

    /** The symbol's interval in hours, or {@link #UNKNOWN}. */
    public int hoursOf(String symbol) {
        return hoursBySymbol.getOrDefault(symbol, UNKNOWN);
    }

    /** One symbol whose interval differs from an earlier reading ({@link #UNKNOWN} when it had none). */
    public record Change(String symbol, int before, int after) {
    }

    /** The symbols whose interval is not what {@code earlier} said, in symbol order. */
    public List<Change> changesFrom(FundingIntervals earlier) {
        List<Change> changes = new ArrayList<>();
        new TreeMap<>(hoursBySymbol).forEach((symbol, hours) -> {
            int before = earlier.hoursOf(symbol);
            if (before != hours) {
                changes.add(new Change(symbol, before, hours));
            }
        });
        return changes;
    }
}
