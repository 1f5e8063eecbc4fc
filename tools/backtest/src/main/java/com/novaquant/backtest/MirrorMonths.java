package com.novaquant.backtest;

import com.novaquant.history.BulkReader;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Collection;
import java.util.SortedSet;

/** The range of months a run or sweep replays: the one its options name, else every month the mirror holds. */
final class MirrorMonths {

    private MirrorMonths() {
    }

    /** The range the options name, else the first to the last month any of the symbols has a funding file for. */
    static YearMonth[] of(Options options, Path root, Collection<String> symbols) {
        if (options.has("from")) {
            YearMonth from = options.month("from");
            return new YearMonth[]{from, options.has("to") ? options.month("to") : from};
        }
        SortedSet<YearMonth> months = new BulkReader(root).fundingMonths(symbols);
        if (months.isEmpty()) {
            throw new Options.UsageException(
                    "no funding files under " + root + ": fetch some first (fetch --data " + root + " ...)");
        }
        return new YearMonth[]{months.first(), months.last()};
    }
}
