package com.novaquant.history;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.math.BigDecimal;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV fields are read exactly as written, whatever the numbers. */
class BulkCsvPropertiesTest {

    /** 2017-08-17 (Binance's first klines) to 2100, in milliseconds. */
    private static final long FIRST_MS = 1_502_928_000_000L;
    private static final long LAST_MS = 4_102_444_800_000L;

    @Property
    void aKlineLineReadsBackWithTheDecimalsAsWritten(@ForAll @LongRange(min = FIRST_MS, max = LAST_MS) long openMs,
                                                     @ForAll("amounts") BigDecimal open,
                                                     @ForAll("amounts") BigDecimal high,
                                                     @ForAll("amounts") BigDecimal volume,
                                                     @ForAll @LongRange(min = 0, max = 10_000_000) long trades) {
        String line = openMs + "," + open + "," + high + "," + open + "," + high + "," + volume + ","
                + (openMs + 59_999) + "," + volume + "," + trades + ",0,0,0";

        Kline kline = BulkCsv.kline(new CsvFields(BulkCsv.KLINE_FIELDS), line);

        assertThat(kline).isEqualTo(new Kline(openMs, open, high, open, high, volume, openMs + 59_999, volume, trades));
    }

    @Property
    void aTimeInMicrosecondsReadsAsItsMillisecond(@ForAll @LongRange(min = FIRST_MS, max = LAST_MS) long ms,
                                                  @ForAll @IntRange(min = 0, max = 999) int micros) {
        assertThat(BulkCsv.millis(ms * 1_000 + micros)).isEqualTo(ms);
        assertThat(BulkCsv.millis(ms)).isEqualTo(ms);
    }

    @Property
    void aFundingLineReadsBackExactly(@ForAll @LongRange(min = FIRST_MS, max = LAST_MS) long calcMs,
                                      @ForAll("intervals") int hours, @ForAll("rates") BigDecimal rate) {
        FundingRecord record = BulkCsv.funding(new CsvFields(3), calcMs + "," + hours + "," + rate.toPlainString());

        assertThat(record).isEqualTo(new FundingRecord(calcMs, hours, rate));
    }

    @Property
    void fixedPointWritesWhatBigDecimalWrites(@ForAll @LongRange(min = -1_000_000_000_000_000L,
            max = 1_000_000_000_000_000L) long units, @ForAll @IntRange(min = 0, max = 8) int scale) {
        assertThat(FixedPoint.append(new StringBuilder(), units, scale).toString())
                .isEqualTo(BigDecimal.valueOf(units, scale).toPlainString());
    }

    @Property
    void aChecksumFileReadsBackAsItsDigestAndName(@ForAll("digests") String hex,
                                                  @ForAll @LongRange(min = 0, max = 99) long month) {
        BulkChecksum checksum = new BulkChecksum(hex, "BTCUSDT-1m-20" + month + ".zip");

        assertThat(BulkChecksum.parse(checksum.content())).isEqualTo(Optional.of(checksum));
        assertThat(BulkChecksum.parse(hex.substring(1) + "  x.zip\n")).isEmpty();
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("10000000"))
                .ofScale(8).map(value -> value.setScale(Math.max(0, value.stripTrailingZeros().scale())));
    }

    @Provide
    Arbitrary<BigDecimal> rates() {
        return Arbitraries.bigDecimals().between(new BigDecimal("-0.03"), new BigDecimal("0.03")).ofScale(8);
    }

    @Provide
    Arbitrary<Integer> intervals() {
        return Arbitraries.of(1, 2, 4, 8);
    }

    @Provide
    Arbitrary<String> digests() {
        return Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
    }
}
