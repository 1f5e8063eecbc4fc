package com.novaquant.simulator.domain.source;

import com.novaquant.history.FundingRecord;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * One symbol's settled fundings as the history files list them, read without look-ahead. The files hold settled
 * rates only, so at a history instant the rate shown is the last one settled by then, never the one about to settle;
 * the next funding time is the next record's (Binance announces it ahead, the interval change included), and past the
 * last record it is the last one plus its interval.
 */
public final class RecordedFundings {

    private static final long HOUR_MS = 3_600_000L;

    private final List<FundingRecord> records;

    public RecordedFundings(List<FundingRecord> records) {
        this.records = records.stream().sorted(Comparator.comparingLong(FundingRecord::calcTimeMs)).toList();
    }

    /** The rate last settled at or before {@code historyMs}; null when none has been. */
    public BigDecimal rateShownAt(long historyMs) {
        int next = firstAfter(historyMs);
        return next == 0 ? null : records.get(next - 1).lastFundingRate();
    }

    /** The first settlement strictly after {@code historyMs}; 0 when there is no record at all. */
    public long nextFundingAfter(long historyMs) {
        if (records.isEmpty()) {
            return 0;
        }
        int next = firstAfter(historyMs);
        if (next < records.size()) {
            return records.get(next).calcTimeMs();
        }
        // Past the files' end the last interval is assumed to go on: the first of its beats after now.
        FundingRecord last = records.getLast();
        long interval = last.intervalHours() * HOUR_MS;
        return last.calcTimeMs() + ((historyMs - last.calcTimeMs()) / interval + 1) * interval;
    }

    /** The index of the first record settling strictly after {@code historyMs} ({@link #size()} when none does). */
    public int firstAfter(long historyMs) {
        int low = 0;
        int high = records.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (records.get(middle).calcTimeMs() <= historyMs) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    public FundingRecord get(int index) {
        return records.get(index);
    }

    public int size() {
        return records.size();
    }
}
