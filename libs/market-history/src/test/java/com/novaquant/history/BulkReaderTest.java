package com.novaquant.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import static com.novaquant.history.BulkCsv.FUNDING_HEADER;
import static com.novaquant.history.BulkCsv.KLINE_HEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading Binance's monthly files as the site publishes them, from small hand-written copies of real lines. */
class BulkReaderTest {

    private static final YearMonth JAN_2024 = YearMonth.of(2024, 1);
    private static final YearMonth FEB_2024 = YearMonth.of(2024, 2);
    private static final YearMonth MAR_2024 = YearMonth.of(2024, 3);
    private static final YearMonth JAN_2025 = YearMonth.of(2025, 1);

    private static final String USDM_FIRST = "1704067200000,42314.00,42335.80,42289.60,42331.90,289.641,"
            + "1704067259999,12254006.36230,3303,150.696,6375788.59640,0";
    private static final String USDM_SECOND = "1704067260000,42331.90,42353.10,42331.80,42350.40,216.563,"
            + "1704067319999,9170968.56040,2135,148.749,6298993.89710,0";
    private static final String SPOT_FIRST = "1704067200000,42283.58000000,42298.62000000,42261.02000000,"
            + "42298.61000000,35.92724000,1704067259999,1519032.23650540,1294,19.98216000,844856.06022880,0";
    private static final String SPOT_2025_IN_MICROSECONDS = "1735689600000000,93576.00000000,93610.93000000,"
            + "93537.50000000,93610.93000000,8.21827000,1735689659999999,768978.86281860,1891,5.45000000,"
            + "509938.06225140,0";

    @TempDir
    Path root;

    private BulkReader reader() {
        return new BulkReader(root);
    }

    @Test
    void usdmKlinesAreReadPastTheirHeaderLineWithExactDecimals() {
        MirrorFiles.zip(root, BulkLayout.klineZip(Market.USDM, "BTCUSDT", JAN_2024), KLINE_HEADER, USDM_FIRST,
                USDM_SECOND);

        List<Kline> klines = reader().klines(Market.USDM, "BTCUSDT", JAN_2024, JAN_2024);

        assertThat(klines).containsExactly(
                new Kline(1704067200000L, new BigDecimal("42314.00"), new BigDecimal("42335.80"),
                        new BigDecimal("42289.60"), new BigDecimal("42331.90"), new BigDecimal("289.641"),
                        1704067259999L, new BigDecimal("12254006.36230"), 3303),
                new Kline(1704067260000L, new BigDecimal("42331.90"), new BigDecimal("42353.10"),
                        new BigDecimal("42331.80"), new BigDecimal("42350.40"), new BigDecimal("216.563"),
                        1704067319999L, new BigDecimal("9170968.56040"), 2135));
    }

    @Test
    void spotKlinesWithoutAHeaderLineAreReadFromTheirFirstLine() {
        MirrorFiles.zip(root, BulkLayout.klineZip(Market.SPOT, "BTCUSDT", JAN_2024), SPOT_FIRST);

        List<Kline> klines = reader().klines(Market.SPOT, "BTCUSDT", JAN_2024, JAN_2024);

        assertThat(klines).singleElement().satisfies(kline -> {
            assertThat(kline.openTimeMs()).isEqualTo(1704067200000L);
            assertThat(kline.open()).isEqualTo(new BigDecimal("42283.58000000"));
            assertThat(kline.quoteVolume()).isEqualTo(new BigDecimal("1519032.23650540"));
            assertThat(kline.trades()).isEqualTo(1294);
        });
    }

    @Test
    void spotTimesInMicrosecondsFrom2025AreReadAsMilliseconds() {
        MirrorFiles.zip(root, BulkLayout.klineZip(Market.SPOT, "BTCUSDT", JAN_2025), SPOT_2025_IN_MICROSECONDS);

        Kline kline = reader().klines(Market.SPOT, "BTCUSDT", JAN_2025, JAN_2025).getFirst();

        assertThat(kline.openTimeMs()).isEqualTo(1735689600000L);
        assertThat(kline.closeTimeMs()).isEqualTo(1735689659999L);
        assertThat(kline.close()).isEqualTo(new BigDecimal("93610.93000000"));
    }

    @Test
    void fundingRatesAreReadPastTheirHeaderLine() {
        MirrorFiles.zip(root, BulkLayout.fundingZip("BTCUSDT", JAN_2024), FUNDING_HEADER,
                "1704067200000,8,0.00037409", "1704096000000,8,-0.00001250");

        assertThat(reader().fundingRates("BTCUSDT", JAN_2024, JAN_2024)).containsExactly(
                new FundingRecord(1704067200000L, 8, new BigDecimal("0.00037409")),
                new FundingRecord(1704096000000L, 8, new BigDecimal("-0.00001250")));
    }

    @Test
    void everyMonthOfTheRangeIsReadInTimeOrderAndAMissingMonthIsListed() {
        MirrorFiles.zip(root, BulkLayout.fundingZip("ETHUSDT", MAR_2024), FUNDING_HEADER, "1709251200000,8,0.0003");
        MirrorFiles.zip(root, BulkLayout.fundingZip("ETHUSDT", JAN_2024), FUNDING_HEADER, "1704096000000,8,0.0002",
                "1704067200000,8,0.0001");
        BulkReader reader = reader();

        List<FundingRecord> rates = reader.fundingRates("ETHUSDT", JAN_2024, MAR_2024);

        assertThat(rates).extracting(FundingRecord::calcTimeMs)
                .containsExactly(1704067200000L, 1704096000000L, 1709251200000L);
        assertThat(reader.missing()).containsExactly(BulkLayout.fundingZip("ETHUSDT", FEB_2024));
    }

    @Test
    void monthsOutsideTheRangeAreNotRead() {
        MirrorFiles.zip(root, BulkLayout.fundingZip("ETHUSDT", JAN_2024), FUNDING_HEADER, "1704067200000,8,0.0001");
        MirrorFiles.zip(root, BulkLayout.fundingZip("ETHUSDT", MAR_2024), FUNDING_HEADER, "1709251200000,8,0.0003");

        assertThat(reader().fundingRates("ETHUSDT", FEB_2024, MAR_2024)).extracting(FundingRecord::calcTimeMs)
                .containsExactly(1709251200000L);
    }

    @Test
    void anExtractedCsvBesideWhereTheZipWouldBeIsRead() throws IOException {
        MirrorFiles.csv(root, BulkLayout.csvOf(BulkLayout.klineZip(Market.USDM, "BTCUSDT", JAN_2024)),
                KLINE_HEADER, USDM_FIRST);

        BulkReader reader = reader();

        assertThat(reader.klines(Market.USDM, "BTCUSDT", JAN_2024, JAN_2024)).hasSize(1);
        assertThat(reader.missing()).isEmpty();
    }

    @Test
    void repeatedTimesAreDroppedKeepingTheFirst() {
        String repeatWithOtherClose = USDM_FIRST.replace("42331.90,289.641", "99999.90,289.641");
        MirrorFiles.zip(root, BulkLayout.klineZip(Market.USDM, "BTCUSDT", JAN_2024), KLINE_HEADER, USDM_FIRST,
                repeatWithOtherClose, USDM_SECOND);
        MirrorFiles.zip(root, BulkLayout.klineZip(Market.USDM, "BTCUSDT", FEB_2024), KLINE_HEADER, USDM_SECOND);

        List<Kline> klines = reader().klines(Market.USDM, "BTCUSDT", JAN_2024, FEB_2024);

        assertThat(klines).extracting(Kline::openTimeMs).containsExactly(1704067200000L, 1704067260000L);
        assertThat(klines.getFirst().close()).isEqualTo(new BigDecimal("42331.90"));
    }

    @Test
    void aLineWithAMissingColumnNamesTheFileInsideTheZipAndTheLineNumber() {
        String zip = BulkLayout.klineZip(Market.USDM, "BTCUSDT", JAN_2024);
        MirrorFiles.zip(root, zip, KLINE_HEADER, USDM_FIRST, USDM_SECOND.substring(0, USDM_SECOND.lastIndexOf(',')));

        assertThatThrownBy(() -> reader().klines(Market.USDM, "BTCUSDT", JAN_2024, JAN_2024))
                .isInstanceOf(MalformedBulkFileException.class)
                .hasMessageContaining(root.resolve(zip) + "!/BTCUSDT-1m-2024-01.csv:3:")
                .hasMessageContaining("12 fields expected, 11 found")
                .satisfies(e -> assertThat(((MalformedBulkFileException) e).lineNumber()).isEqualTo(3));
    }

    @Test
    void aRateThatIsNoNumberNamesTheCsvAndTheLineNumber() throws IOException {
        String csv = BulkLayout.csvOf(BulkLayout.fundingZip("BTCUSDT", JAN_2024));
        MirrorFiles.csv(root, csv, FUNDING_HEADER, "1704067200000,8,0.0001", "1704096000000,8,0.00O1");

        assertThatThrownBy(() -> reader().fundingRates("BTCUSDT", JAN_2024, JAN_2024))
                .isInstanceOf(MalformedBulkFileException.class)
                .hasMessageContaining(root.resolve(csv) + ":3:")
                .hasMessageContaining("last_funding_rate is not a number: '0.00O1'");
    }

    @Test
    void aHeaderLineAnywhereButTheTopIsMalformed() {
        MirrorFiles.zip(root, BulkLayout.klineZip(Market.SPOT, "BTCUSDT", JAN_2024), SPOT_FIRST, KLINE_HEADER);

        assertThatThrownBy(() -> reader().klines(Market.SPOT, "BTCUSDT", JAN_2024, JAN_2024))
                .isInstanceOf(MalformedBulkFileException.class)
                .hasMessageContaining(":2: open_time is not a whole number");
    }

    @Test
    void symbolsAreThoseWithFundingAndSpotAndUsdmKlineFiles() throws IOException {
        for (String symbol : List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT")) {
            if (!symbol.equals("ETHUSDT")) {
                MirrorFiles.zip(root, BulkLayout.fundingZip(symbol, JAN_2024), FUNDING_HEADER);
            }
            if (!symbol.equals("SOLUSDT")) {
                MirrorFiles.zip(root, BulkLayout.klineZip(Market.SPOT, symbol, JAN_2024), SPOT_FIRST);
            }
            MirrorFiles.zip(root, BulkLayout.klineZip(Market.USDM, symbol, JAN_2024), KLINE_HEADER);
        }
        Files.delete(root.resolve(BulkLayout.klineZip(Market.USDM, "XRPUSDT", JAN_2024)));

        assertThat(reader().symbols()).containsExactly("BTCUSDT");
    }

    @Test
    void anEmptyRootHasNoSymbols() {
        assertThat(reader().symbols()).isEmpty();
    }

    @Test
    void fundingMonthsAreThoseAnyOfTheSymbolsHasAFundingFileFor() throws IOException {
        MirrorFiles.zip(root, BulkLayout.fundingZip("BTCUSDT", JAN_2024), FUNDING_HEADER);
        MirrorFiles.zip(root, BulkLayout.fundingZip("BTCUSDT", JAN_2024.plusMonths(2)), FUNDING_HEADER);
        MirrorFiles.zip(root, BulkLayout.fundingZip("ETHUSDT", JAN_2024.minusMonths(1)), FUNDING_HEADER);
        MirrorFiles.zip(root, BulkLayout.fundingZip("SOLUSDT", JAN_2024.plusMonths(5)), FUNDING_HEADER);
        Files.writeString(root.resolve(BulkLayout.checksumOf(BulkLayout.fundingZip("BTCUSDT", JAN_2024))), "x");

        assertThat(reader().fundingMonths(List.of("BTCUSDT", "ETHUSDT", "NOPEUSDT")))
                .containsExactly(JAN_2024.minusMonths(1), JAN_2024, JAN_2024.plusMonths(2));
        assertThat(reader().fundingMonths(List.of("NOPEUSDT"))).isEmpty();
    }
}
