package com.novaquant.simulator.domain.market;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Optional;

/**
 * Binance's kline intervals. Minute to three-day candles open at multiples of their length since the epoch (so 1d
 * opens at 00:00 UTC), weekly candles on Monday 00:00 UTC, monthly candles on the first of the month 00:00 UTC.
 */
public enum KlineInterval {
    M1("1m", 60_000L),
    M3("3m", 3 * 60_000L),
    M5("5m", 5 * 60_000L),
    M15("15m", 15 * 60_000L),
    M30("30m", 30 * 60_000L),
    H1("1h", 3_600_000L),
    H2("2h", 2 * 3_600_000L),
    H4("4h", 4 * 3_600_000L),
    H6("6h", 6 * 3_600_000L),
    H8("8h", 8 * 3_600_000L),
    H12("12h", 12 * 3_600_000L),
    D1("1d", 86_400_000L),
    D3("3d", 3 * 86_400_000L),
    W1("1w", 7 * 86_400_000L),
    MONTH1("1M", 0L);

    /** 1970-01-05, the first Monday after the epoch: weekly candles open at it plus whole weeks. */
    private static final long FIRST_MONDAY = 4 * 86_400_000L;

    private final String code;
    private final long millis;

    KlineInterval(String code, long millis) {
        this.code = code;
        this.millis = millis;
    }

    /** The interval as Binance names it ({@code 1m} ... {@code 1M}). */
    public String code() {
        return code;
    }

    public static Optional<KlineInterval> parse(String code) {
        return Arrays.stream(values()).filter(i -> i.code.equals(code)).findFirst();
    }

    /** The length of a candle; a month counts as 31 days (an upper bound). */
    long approximateMillis() {
        return this == MONTH1 ? 31 * 86_400_000L : millis;
    }

    /** The open time of the candle that holds {@code millis}. */
    public long openTime(long millis) {
        if (this == MONTH1) {
            ZonedDateTime t = Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC);
            return t.withDayOfMonth(1).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        long offset = this == W1 ? FIRST_MONDAY : 0;
        return Math.floorDiv(millis - offset, this.millis) * this.millis + offset;
    }

    /** The close time of the candle that opens at {@code openTime}: one millisecond before the next one opens. */
    public long closeTime(long openTime) {
        if (this == MONTH1) {
            return Instant.ofEpochMilli(openTime).atZone(ZoneOffset.UTC).plusMonths(1).toInstant().toEpochMilli() - 1;
        }
        return openTime + millis - 1;
    }
}
