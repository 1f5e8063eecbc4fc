package com.novaquant.history;

/**
 * The CSV lines of Binance's monthly files. Funding files and USD-M kline files start with a header line; spot kline
 * files have none, and from 2025 on write their open and close times in microseconds, which become milliseconds here.
 */
final class BulkCsv {

    static final String FUNDING_HEADER = "calc_time,funding_interval_hours,last_funding_rate";
    static final String KLINE_HEADER = "open_time,open,high,low,close,volume,close_time,quote_volume,count,"
            + "taker_buy_volume,taker_buy_quote_volume,ignore";
    static final int KLINE_FIELDS = 12;

    /** Any time above this is in microseconds: 1e14 ms is the year 5138, 1e14 µs is 1973. */
    private static final long MICROSECONDS_ABOVE = 100_000_000_000_000L;

    private BulkCsv() {
    }

    /** {@code 1704067200000,8,0.00037409} */
    static FundingRecord funding(CsvFields fields, String line) {
        fields.split(line, 3);
        long hours = fields.integer(1, "funding_interval_hours");
        if (hours < 1 || hours > 24) {
            throw new IllegalArgumentException("funding_interval_hours out of range: " + hours);
        }
        return new FundingRecord(fields.integer(0, "calc_time"), (int) hours,
                fields.decimal(2, "last_funding_rate"));
    }

    /** The 12 columns of {@link #KLINE_HEADER}; the taker-buy columns and {@code ignore} are checked for count only. */
    static Kline kline(CsvFields fields, String line) {
        fields.split(line, KLINE_FIELDS);
        return new Kline(millis(fields.integer(0, "open_time")),
                fields.decimal(1, "open"), fields.decimal(2, "high"), fields.decimal(3, "low"),
                fields.decimal(4, "close"), fields.decimal(5, "volume"),
                millis(fields.integer(6, "close_time")),
                fields.decimal(7, "quote_volume"), fields.integer(8, "count"));
    }

    /** Milliseconds from a time in either unit. */
    static long millis(long time) {
        return time > MICROSECONDS_ABOVE ? time / 1_000 : time;
    }
}
