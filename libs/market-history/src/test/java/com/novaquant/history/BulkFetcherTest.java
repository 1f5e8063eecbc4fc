package com.novaquant.history;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Mirroring from a local stand-in for data.binance.vision that serves a generated demo tree. */
class BulkFetcherTest {

    private static final YearMonth DEC_2024 = YearMonth.of(2024, 12);
    private static final YearMonth JAN_2025 = YearMonth.of(2025, 1);
    private static final List<DemoCoin> COINS = DemoCoin.twelve().subList(0, 2);
    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT");
    private static final int FILES = SYMBOLS.size() * 2 * 3;

    @TempDir
    Path site;
    @TempDir
    Path local;

    private MirrorServer server;
    private BulkFetcher fetcher;

    @BeforeEach
    void serveADemoTree() throws IOException {
        DemoData.write(site, new DemoData.Spec(COINS, DEC_2024, JAN_2025, 1, 11L));
        server = MirrorServer.serving(site);
        fetcher = new BulkFetcher(local, server.baseUri(), 3, Duration.ofSeconds(10));
    }

    @AfterEach
    void stopTheServer() {
        server.close();
    }

    private FetchSummary fetchAll() {
        return fetcher.fetch(SYMBOLS, DEC_2024, JAN_2025);
    }

    @Test
    void everyFileIsFetchedAndReadsAsTheSitesOwn() {
        FetchSummary summary = fetchAll();

        assertThat(summary.fetched()).hasSize(FILES);
        assertThat(summary.alreadyPresent()).isEmpty();
        assertThat(summary.missing()).isEmpty();
        assertThat(summary.complete()).isTrue();
        assertThat(MirrorFiles.sha256ByPath(local)).isEqualTo(MirrorFiles.sha256ByPath(site));
        BulkReader mirrored = new BulkReader(local);
        BulkReader original = new BulkReader(site);
        assertThat(mirrored.symbols()).containsExactlyElementsOf(SYMBOLS);
        for (String symbol : SYMBOLS) {
            assertThat(mirrored.fundingRates(symbol, DEC_2024, JAN_2025))
                    .hasSize(2 * 3).isEqualTo(original.fundingRates(symbol, DEC_2024, JAN_2025));
            for (Market market : Market.values()) {
                assertThat(mirrored.klines(market, symbol, DEC_2024, JAN_2025))
                        .hasSize(2 * 1_440).isEqualTo(original.klines(market, symbol, DEC_2024, JAN_2025));
            }
        }
    }

    @Test
    void aSecondFetchDownloadsNothing() {
        fetchAll();
        int requestsForTheFirst = server.requests();

        FetchSummary again = fetchAll();

        assertThat(requestsForTheFirst).isEqualTo(2 * FILES);
        assertThat(server.requests()).isEqualTo(requestsForTheFirst);
        assertThat(again.alreadyPresent()).hasSize(FILES);
        assertThat(again.fetched()).isEmpty();
    }

    @Test
    void aMonthTheSiteDoesNotHaveIsReportedMissingAndTheRestFetched() throws IOException {
        String notListedYet = BulkLayout.fundingZip("ETHUSDT", DEC_2024);
        Files.delete(site.resolve(notListedYet));
        Files.delete(site.resolve(BulkLayout.checksumOf(notListedYet)));

        FetchSummary summary = fetchAll();

        assertThat(summary.missing()).containsExactly(notListedYet);
        assertThat(summary.fetched()).hasSize(FILES - 1);
        assertThat(summary.complete()).isTrue();
        assertThat(local.resolve(notListedYet)).doesNotExist();
    }

    @Test
    void aZipThatDoesNotMatchItsChecksumFailsAndLeavesNoFileBehind() throws IOException {
        String corrupted = BulkLayout.klineZip(Market.SPOT, "BTCUSDT", JAN_2025);
        byte[] bytes = Files.readAllBytes(site.resolve(corrupted));
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(site.resolve(corrupted), bytes);

        FetchSummary summary = fetchAll();

        assertThat(summary.complete()).isFalse();
        assertThat(summary.failed()).containsOnlyKeys(corrupted);
        assertThat(summary.failed().get(corrupted)).startsWith("checksum mismatch: published ");
        assertThat(summary.fetched()).hasSize(FILES - 1);
        Path folder = local.resolve(corrupted).getParent();
        assertThat(local.resolve(corrupted)).doesNotExist();
        assertThat(local.resolve(BulkLayout.checksumOf(corrupted))).doesNotExist();
        assertThat(filesIn(folder)).allMatch(name -> name.startsWith("BTCUSDT-1m-2024-12.zip"));
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aDownloadThatStopsHalfwayFailsAfterTheStallTimeAndLeavesNoFileBehind() {
        String stalled = BulkLayout.klineZip(Market.SPOT, "BTCUSDT", JAN_2025);
        server.stallHalfway(stalled);
        BulkFetcher impatient = new BulkFetcher(local, server.baseUri(), 3, Duration.ofMillis(500));

        FetchSummary summary = impatient.fetch(SYMBOLS, DEC_2024, JAN_2025);

        assertThat(summary.failed()).containsOnlyKeys(stalled);
        assertThat(summary.failed().get(stalled)).endsWith("download stalled");
        assertThat(summary.fetched()).hasSize(FILES - 1);
        assertThat(local.resolve(stalled)).doesNotExist();
        try (Stream<Path> files = Files.walk(local)) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".part"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aServerErrorFailsThatFileOnly() {
        String refused = BulkLayout.klineZip(Market.USDM, "ETHUSDT", DEC_2024);
        server.answerWith(refused, 503);

        FetchSummary summary = fetchAll();

        assertThat(summary.failed()).containsExactlyEntriesOf(Map.of(refused, "HTTP 503 for " + refused));
        assertThat(summary.fetched()).hasSize(FILES - 1);
        assertThat(local.resolve(refused)).doesNotExist();
    }

    @Test
    void aChecksumFileThatIsNoChecksumFailsThatFile() throws IOException {
        String zip = BulkLayout.fundingZip("BTCUSDT", JAN_2025);
        Files.writeString(site.resolve(BulkLayout.checksumOf(zip)), "<html>Service Unavailable</html>");

        FetchSummary summary = fetchAll();

        assertThat(summary.failed()).containsOnlyKeys(zip);
        assertThat(summary.failed().get(zip)).isEqualTo(
                "not a checksum of BTCUSDT-fundingRate-2025-01.zip: <html>Service Unavailable</html>");
        assertThat(local.resolve(zip)).doesNotExist();
    }

    @Test
    void aLocalFileThatNoLongerMatchesItsChecksumIsFetchedAgain() throws IOException {
        fetchAll();
        String damaged = BulkLayout.klineZip(Market.USDM, "BTCUSDT", JAN_2025);
        Files.write(local.resolve(damaged), new byte[] {1, 2, 3});

        FetchSummary again = fetchAll();

        assertThat(again.fetched()).containsExactly(damaged);
        assertThat(again.alreadyPresent()).hasSize(FILES - 1);
        assertThat(BulkChecksum.verifies(local.resolve(damaged))).isTrue();
    }

    @Test
    void aLocalChecksumFileOfOtherBytesIsReplacedByAFreshFetch() throws IOException {
        fetchAll();
        String zip = BulkLayout.fundingZip("ETHUSDT", DEC_2024);
        Files.write(local.resolve(BulkLayout.checksumOf(zip)), new byte[] {(byte) 0xff, (byte) 0xfe, 0});

        FetchSummary again = fetchAll();

        assertThat(again.fetched()).containsExactly(zip);
        assertThat(again.complete()).isTrue();
        assertThat(BulkChecksum.verifies(local.resolve(zip))).isTrue();
    }

    private static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
