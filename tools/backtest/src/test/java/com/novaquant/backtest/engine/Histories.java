package com.novaquant.backtest.engine;

import com.novaquant.history.FundingRecord;
import com.novaquant.history.Kline;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/** Hand-made histories for the engine tests: flat prices, a chosen funding rate per settlement. */
final class Histories {

    static final long MINUTE_MS = 60_000L;
    static final long HOUR_MS = 3_600_000L;
    static final long START = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();

    private Histories() {
    }

    /** Klines at one price, {@code baseVolume} traded every minute, for {@code minutes} minutes from START. */
    static List<Kline> flat(String price, long baseVolume, int minutes) {
        BigDecimal p = new BigDecimal(price);
        BigDecimal volume = BigDecimal.valueOf(baseVolume);
        List<Kline> out = new ArrayList<>(minutes);
        for (int i = 0; i < minutes; i++) {
            long open = START + i * MINUTE_MS;
            out.add(new Kline(open, p, p, p, p, volume, open + MINUTE_MS - 1, p.multiply(volume), 100));
        }
        return out;
    }

    /** A settlement every {@code intervalHours} from START while before {@code endMs}, at the rate given per time. */
    static List<FundingRecord> funding(int intervalHours, long endMs, LongFunction<String> rateAt) {
        List<FundingRecord> out = new ArrayList<>();
        for (long t = START; t < endMs; t += intervalHours * HOUR_MS) {
            out.add(new FundingRecord(t, intervalHours, new BigDecimal(rateAt.apply(t))));
        }
        return out;
    }
}
