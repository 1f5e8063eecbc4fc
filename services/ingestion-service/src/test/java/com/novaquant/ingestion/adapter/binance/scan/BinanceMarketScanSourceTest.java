package com.novaquant.ingestion.adapter.binance.scan;

import com.novaquant.events.MarketScan;
import com.novaquant.events.MarketScan.ScannedSymbol;
import com.novaquant.ingestion.adapter.binance.scan.BinanceScanServer.Answer;
import com.novaquant.ingestion.application.scan.EndpointReply;
import com.novaquant.ingestion.application.scan.MarketScanMetrics;
import com.novaquant.ingestion.application.scan.MarketScanSettings;
import com.novaquant.ingestion.application.scan.MarketScanner;
import com.novaquant.ingestion.application.scan.ScanEndpoint;
import com.novaquant.ingestion.application.scan.ScanEndpointException;
import com.novaquant.ingestion.application.scan.ScanRows.Book;
import com.novaquant.ingestion.application.scan.ScanRows.Listing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The scan's Binance reads against a real HTTP server on loopback serving Binance-format answers. */
class BinanceMarketScanSourceTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    private final BinanceScanServer server = new BinanceScanServer();
    private final BinanceMarketScanSource source = new BinanceMarketScanSource(server.spotBase(), server.futuresBase() + "/",
            Duration.ofSeconds(1), READ_TIMEOUT);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<MarketScan> published = new ArrayList<>();

    @AfterEach
    void close() {
        source.close();
        server.close();
    }

    private MarketScanner scanner() {
        return new MarketScanner(source, scan -> {
            published.add(scan);
            return CompletableFuture.completedFuture(null);
        }, (severity, code, text, key) -> { }, new MarketScanMetrics(registry),
                new MarketScanSettings(Duration.ofSeconds(60), "USDT", 3, 6000, 2400, 0.1, 0.6, Duration.ofSeconds(1)),
                System::currentTimeMillis, System::nanoTime);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void aScanOfBinanceAnswersJoinsTheSymbolsOnBothVenues() {
        assertThat(scanner().scanOnce()).isEqualTo(MarketScanner.Outcome.PUBLISHED);

        assertThat(published).singleElement().extracting(MarketScan::symbols).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.list(ScannedSymbol.class)).containsExactly(
                new ScannedSymbol("BTCUSDT", true, d("0.00010000"), 8,
                        d("64250.01000000"), d("0.41200000"), d("64250.02000000"), d("1.03000000"),
                        d("64251.10"), d("3.412"), d("64251.20"), d("0.870"),
                        d("1523456789.12345678"), d("9876543210.55")),
                new ScannedSymbol("ETHUSDT", true, d("-0.00002500"), 4,
                        d("3400.00000000"), d("12.50000000"), d("3400.01000000"), d("8.00000000"),
                        d("3400.12"), d("40.000"), d("3400.13"), d("22.500"),
                        d("823456789.00000000"), d("4567890123.40")),
                // Halted on spot: scanned, not tradable.
                new ScannedSymbol("XRPUSDT", false, d("0.00005000"), 8,
                        d("0.51990000"), d("1000.00000000"), d("0.52000000"), d("2000.00000000"),
                        d("0.5200"), d("90000.0"), d("0.5201"), d("80000.0"),
                        d("12345678.90000000"), d("345678901.00")));
        // DOGEUSDT (spot only), SOLUSDT (perpetual only) and the quarterly contract are no candidates.
        assertThat(server.requests()).containsExactly(
                "/spot/api/v3/ticker/bookTicker", "/spot/api/v3/exchangeInfo?showPermissionSets=false",
                "/spot/api/v3/ticker/24hr", "/futures/fapi/v1/fundingInfo", "/futures/fapi/v1/exchangeInfo",
                "/futures/fapi/v1/ticker/bookTicker", "/futures/fapi/v1/premiumIndex", "/futures/fapi/v1/ticker/24hr");
    }

    @Test
    void everyAnswerCarriesTheVenuesUsedWeight() {
        server.usedWeight(1234);

        EndpointReply<Listing> reply = source.listings(ScanEndpoint.USDM_EXCHANGE_INFO);

        assertThat(reply.usedWeight()).isEqualTo(1234);
        assertThat(reply.rows()).extracting(Listing::symbol, Listing::contractType).contains(
                org.assertj.core.groups.Tuple.tuple("BTCUSDT_260327", "CURRENT_QUARTER"));
    }

    @Test
    void aFailingEndpointFailsWithItsStatusAndBinancesMessage() {
        server.answer("/futures/fapi/v1/premiumIndex",
                new Answer(503, "{\"code\":-1008,\"msg\":\"Server is currently overloaded with other requests.\"}",
                        Duration.ZERO, Map.of()));

        ScanEndpointException failure = catchThrowableOfType(ScanEndpointException.class, source::fundings);

        assertThat(failure.endpoint()).isEqualTo(ScanEndpoint.USDM_PREMIUM_INDEX);
        assertThat(failure.getMessage()).isEqualTo("usdm_premium_index: HTTP 503 "
                + "{\"code\":-1008,\"msg\":\"Server is currently overloaded with other requests.\"}");
        assertThat(failure.retryAfterSeconds()).isZero();

        assertThat(scanner().scanOnce()).isEqualTo(MarketScanner.Outcome.FAILED);
        assertThat(published).isEmpty();
        assertThat(registry.get("nova.market.scan.failures").tag("endpoint", "usdm_premium_index").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void aRateLimitAnswerCarriesItsRetryAfter() {
        server.answer("/spot/api/v3/ticker/24hr", new Answer(429,
                "{\"code\":-1003,\"msg\":\"Too much request weight used; current limit is 6000 request weight per 1 MINUTE.\"}",
                Duration.ZERO, Map.of("Retry-After", "37")));

        ScanEndpointException failure = catchThrowableOfType(ScanEndpointException.class,
                () -> source.volumes(ScanEndpoint.SPOT_TICKER_24HR));

        assertThat(failure.retryAfterSeconds()).isEqualTo(37);
        assertThat(failure.getMessage()).startsWith("spot_ticker_24hr: HTTP 429 {\"code\":-1003");
    }

    @Test
    void aSlowEndpointFailsAtTheReadTimeOut() {
        server.answer("/spot/api/v3/ticker/bookTicker",
                new Answer(200, BinanceScanServer.SPOT_BOOK_TICKER, Duration.ofSeconds(15), Map.of()));

        long started = System.nanoTime();
        ScanEndpointException failure = catchThrowableOfType(ScanEndpointException.class,
                () -> source.books(ScanEndpoint.SPOT_BOOK_TICKER));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(failure.getMessage()).isEqualTo("spot_book_ticker: read time-out");
        assertThat(took).isGreaterThanOrEqualTo(READ_TIMEOUT).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aBodyThatIsNotJsonFailsTheEndpoint() {
        server.answer("/futures/fapi/v1/ticker/24hr", Answer.ok("[{\"symbol\":\"BTCUSDT\",\"quoteVolume\":\"98"));

        assertThatThrownBy(() -> source.volumes(ScanEndpoint.USDM_TICKER_24HR))
                .isInstanceOf(ScanEndpointException.class)
                .hasMessageStartingWith("usdm_ticker_24hr: unreadable answer");
    }

    @Test
    void aBodyOfTheWrongShapeFailsTheEndpoint() {
        server.answer("/futures/fapi/v1/premiumIndex", Answer.ok("{\"symbol\":\"BTCUSDT\",\"lastFundingRate\":\"0.0001\"}"));
        server.answer("/spot/api/v3/exchangeInfo", Answer.ok("{\"timezone\":\"UTC\"}"));

        assertThatThrownBy(source::fundings).hasMessageContaining("expected a list of every symbol");
        assertThatThrownBy(() -> source.listings(ScanEndpoint.SPOT_EXCHANGE_INFO))
                .hasMessageContaining("exchangeInfo without a symbols list");
    }

    @Test
    void badValuesExcludeTheirSymbolAndUnattributableRowsAreCountedWhileTheScanGoesOn() {
        server.answer("/spot/api/v3/ticker/bookTicker", Answer.ok("""
                [{"symbol":"BTCUSDT","bidPrice":"NaN","bidQty":"0.41200000","askPrice":"64250.02000000","askQty":"1.03000000"},
                 {"symbol":"ETHUSDT","bidPrice":"3400.00000000","bidQty":"12.50000000","askPrice":"3400.01000000","askQty":"8.00000000"},
                 {"symbol":"XRPUSDT","bidPrice":"0.53","bidQty":"1000.00000000","askPrice":"0.52000000","askQty":"2000.00000000"},
                 {"bidPrice":"1","bidQty":"1","askPrice":"2","askQty":"1"},
                 42]"""));
        server.answer("/futures/fapi/v1/ticker/24hr", Answer.ok(BinanceScanServer.USDM_TICKER_24HR
                .replace("\"quoteVolume\":\"4567890123.40\"", "\"quoteVolume\":\"-1\"")));

        EndpointReply<Book> books = source.books(ScanEndpoint.SPOT_BOOK_TICKER);
        assertThat(books.unreadableRows()).isEqualTo(2);
        assertThat(books.rows()).first().extracting(Book::bid).isNull();

        assertThat(scanner().scanOnce()).isEqualTo(MarketScanner.Outcome.PUBLISHED);
        assertThat(published).singleElement().extracting(MarketScan::symbols).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.list(ScannedSymbol.class)).isEmpty();
        assertThat(excluded("UNREADABLE_VALUE")).isEqualTo(1.0);   // BTCUSDT's NaN bid
        assertThat(excluded("NEGATIVE_VOLUME")).isEqualTo(1.0);    // ETHUSDT
        assertThat(excluded("CROSSED_BOOK")).isEqualTo(1.0);       // XRPUSDT, bid above ask
        assertThat(excluded("UNREADABLE_ROW")).isEqualTo(2.0);
    }

    @Test
    void aRefusedConnectionFailsTheEndpoint() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (BinanceMarketScanSource nowhere = new BinanceMarketScanSource("http://127.0.0.1:" + closedPort,
                "http://127.0.0.1:" + closedPort, Duration.ofSeconds(1), READ_TIMEOUT)) {
            assertThatThrownBy(nowhere::fundingIntervals)
                    .isInstanceOf(ScanEndpointException.class)
                    .hasMessageStartingWith("usdm_funding_info: ");
        }
    }

    private double excluded(String reason) {
        return registry.get("nova.market.scan.excluded").tag("reason", reason).counter().count();
    }
}
