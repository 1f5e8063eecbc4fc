package com.novaquant.history;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The generated demo mirror: Binance's layout and formats, the same bytes for the same spec, plausible markets. */
class DemoDataTest {

    private static final YearMonth DEC_2024 = YearMonth.of(2024, 12);
    private static final YearMonth JAN_2025 = YearMonth.of(2025, 1);
    private static final long MINUTE_MS = 60_000;
    private static final long HOUR_MS = 60 * MINUTE_MS;

    /** Two days of December 2024 and of January 2025: both spot time units, small enough to write often. */
    private static final DemoData.Spec ACROSS_2025 = new DemoData.Spec(DemoCoin.twelve(), DEC_2024, JAN_2025, 2, 7L);

    /** Written once for the tests that only read it. */
    @TempDir
    static Path written;
    private static List<String> writtenZips;

    @TempDir
    Path root;

    @BeforeAll
    static void writeTheMirrorTheReadingTestsShare() {
        writtenZips = DemoData.write(written, ACROSS_2025);
    }

    @Test
    void theSameSpecWritesByteIdenticalFiles() {
        DemoData.write(root, ACROSS_2025);

        Map<String, String> files = MirrorFiles.sha256ByPath(root);
        assertThat(files).hasSize(12 * 2 * 3 * 2).isEqualTo(MirrorFiles.sha256ByPath(written));
    }

    @Test
    void anotherSeedWritesOtherPrices() {
        DemoData.write(root, new DemoData.Spec(ACROSS_2025.coins(), DEC_2024, JAN_2025, 2, 8L));

        String zip = BulkLayout.klineZip(Market.SPOT, "BTCUSDT", DEC_2024);
        assertThat(BulkChecksum.sha256Of(root.resolve(zip))).isNotEqualTo(BulkChecksum.sha256Of(written.resolve(zip)));
    }

    @Test
    void everyZipHasAChecksumFileInBinancesFormatThatVerifies() throws IOException {
        assertThat(writtenZips).hasSize(12 * 2 * 3);
        for (String zip : writtenZips) {
            Path file = written.resolve(zip);
            assertThat(Files.readString(written.resolve(BulkLayout.checksumOf(zip)), StandardCharsets.US_ASCII))
                    .matches("[0-9a-f]{64}  " + Pattern.quote(BulkLayout.fileName(zip)) + "\n");
            assertThat(BulkChecksum.verifies(file)).as(zip).isTrue();
        }
    }

    @Test
    void usdmAndFundingFilesHaveTheirHeaderLineAndSpotFilesHaveNone() throws IOException {
        assertThat(MirrorFiles.linesInZip(written.resolve(BulkLayout.klineZip(Market.USDM, "SOLUSDT", DEC_2024))))
                .first().isEqualTo(BulkCsv.KLINE_HEADER);
        assertThat(MirrorFiles.linesInZip(written.resolve(BulkLayout.fundingZip("SOLUSDT", DEC_2024))))
                .first().isEqualTo(BulkCsv.FUNDING_HEADER);
        assertThat(MirrorFiles.linesInZip(written.resolve(BulkLayout.klineZip(Market.SPOT, "SOLUSDT", DEC_2024))))
                .first().asString().startsWith("1733011200000,");
    }

    @Test
    void spotTimesAreInMicrosecondsFrom2025AndReadAsTheUsdmMinutes() throws IOException {
        BulkReader reader = new BulkReader(written);

        String firstOf2025 = MirrorFiles.linesInZip(
                written.resolve(BulkLayout.klineZip(Market.SPOT, "BTCUSDT", JAN_2025))).getFirst();
        assertThat(firstOf2025).startsWith("1735689600000000,");
        assertThat(firstOf2025.split(",")[6]).isEqualTo("1735689659999999");
        assertThat(reader.klines(Market.SPOT, "BTCUSDT", DEC_2024, JAN_2025)).extracting(Kline::openTimeMs)
                .isEqualTo(reader.klines(Market.USDM, "BTCUSDT", DEC_2024, JAN_2025).stream()
                        .map(Kline::openTimeMs).toList());
    }

    @Test
    void everyMinuteOfTheGeneratedDaysReadsBackAsASensibleKline() {
        BulkReader reader = new BulkReader(written);

        for (String symbol : ACROSS_2025.symbols()) {
            for (Market market : Market.values()) {
                List<Kline> klines = reader.klines(market, symbol, DEC_2024, JAN_2025);
                assertThat(klines).as(symbol + " " + market).hasSize(2 * 2 * 1_440);
                assertThat(klines.getFirst().openTimeMs()).isEqualTo(1733011200000L);
                assertThat(klines.get(2 * 1_440).openTimeMs()).isEqualTo(1735689600000L);
                for (int i = 0; i < klines.size(); i++) {
                    Kline kline = klines.get(i);
                    assertThat(kline.closeTimeMs()).isEqualTo(kline.openTimeMs() + MINUTE_MS - 1);
                    assertThat(kline.high()).isGreaterThanOrEqualTo(kline.open().max(kline.close()));
                    assertThat(kline.low()).isLessThanOrEqualTo(kline.open().min(kline.close()))
                            .isPositive();
                    if (i > 0 && i != 2 * 1_440) {
                        assertThat(kline.open()).isEqualByComparingTo(klines.get(i - 1).close());
                    }
                }
            }
        }
    }

    @Test
    void thePerpetualTradesCloseToSpot() {
        BulkReader reader = new BulkReader(written);

        List<Kline> spot = reader.klines(Market.SPOT, "DOGEUSDT", DEC_2024, JAN_2025);
        List<Kline> perp = reader.klines(Market.USDM, "DOGEUSDT", DEC_2024, JAN_2025);
        for (int i = 0; i < spot.size(); i += 60) {
            double basis = perp.get(i).close().doubleValue() / spot.get(i).close().doubleValue() - 1;
            assertThat(basis).as("minute " + i).isBetween(-0.01, 0.01);
        }
    }

    @Test
    void theIlliquidSymbolHasMinutesWithoutTradesAndTheLiquidOnesNone() {
        BulkReader reader = new BulkReader(written);

        List<Kline> tru = reader.klines(Market.SPOT, "TRUUSDT", DEC_2024, JAN_2025);
        List<Kline> btc = reader.klines(Market.SPOT, "BTCUSDT", DEC_2024, JAN_2025);
        assertThat(tru.stream().filter(kline -> kline.trades() == 0))
                .hasSizeGreaterThan(tru.size() / 4)
                .allSatisfy(kline -> assertThat(kline.volume()).isZero());
        assertThat(btc).noneMatch(kline -> kline.trades() == 0);
        assertThat(quoteVolume(tru)).isLessThan(quoteVolume(btc).movePointLeft(3));
    }

    @Test
    void fundingRatesFollowEachSymbolsRegime() {
        BulkReader reader = new BulkReader(written);

        assertThat(reader.fundingRates("SOLUSDT", DEC_2024, JAN_2025)).hasSize(2 * 2 * 3)
                .allSatisfy(rate -> assertThat(rate.lastFundingRate())
                        .isBetween(new BigDecimal("0.0003"), new BigDecimal("0.001")));
        assertThat(reader.fundingRates("BTCUSDT", DEC_2024, JAN_2025))
                .allSatisfy(rate -> assertThat(rate.lastFundingRate()).isBetween(new BigDecimal("0.0001"),
                        new BigDecimal("0.0003")))
                .filteredOn(rate -> rate.lastFundingRate().compareTo(new BigDecimal("0.0001")) == 0)
                .hasSizeGreaterThan(6);
        assertThat(reader.fundingRates("AVAXUSDT", DEC_2024, JAN_2025)).extracting(FundingRecord::lastFundingRate)
                .anySatisfy(rate -> assertThat(rate).isNegative())
                .anySatisfy(rate -> assertThat(rate).isPositive());
    }

    @Test
    void theFourHourSymbolSettlesEveryFourHoursAtHalfTheRate() {
        List<FundingRecord> wif = new BulkReader(written).fundingRates("WIFUSDT", DEC_2024, JAN_2025);

        assertThat(wif).hasSize(2 * 2 * 6).allSatisfy(rate -> {
            assertThat(rate.intervalHours()).isEqualTo(4);
            assertThat(rate.calcTimeMs() % (4 * HOUR_MS)).isZero();
            assertThat(rate.lastFundingRate()).isBetween(new BigDecimal("0.00015"), new BigDecimal("0.0005"));
        });
    }

    @Test
    void theEightThenFourHourSymbolMovesToFourHoursHalfwayThrough() {
        List<FundingRecord> tia = new BulkReader(written).fundingRates("TIAUSDT", DEC_2024, JAN_2025);

        List<Integer> intervals = tia.stream().map(FundingRecord::intervalHours).toList();
        assertThat(intervals.getFirst()).isEqualTo(8);
        assertThat(intervals.getLast()).isEqualTo(4);
        assertThat(intervals.indexOf(4)).isGreaterThan(intervals.lastIndexOf(8));
        assertThat(tia.stream().filter(rate -> rate.intervalHours() == 4).findFirst().orElseThrow().calcTimeMs())
                .isEqualTo(1735689600000L); // 2025-01-01 00:00, the first 8-hour boundary of the second half
    }

    @Test
    void theDefaultDemoIsTwelveSymbolsOfOneWeekWrittenWellUnderTenSeconds() {
        long start = System.nanoTime();
        List<String> zips = DemoData.write(root, DemoData.Spec.demo());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(zips).hasSize(12 * 3);
        BulkReader reader = new BulkReader(root);
        assertThat(reader.symbols()).hasSize(12).contains("BTCUSDT", "TIAUSDT", "TRUUSDT");
        YearMonth march = YearMonth.of(2024, 3);
        assertThat(reader.klines(Market.USDM, "ETHUSDT", march, march)).hasSize(7 * 1_440);
        assertThat(reader.fundingRates("ETHUSDT", march, march).getFirst().lastFundingRate().doubleValue())
                .isCloseTo(0.0001, within(0.0002));
    }

    private static BigDecimal quoteVolume(List<Kline> klines) {
        return klines.stream().map(Kline::quoteVolume).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
