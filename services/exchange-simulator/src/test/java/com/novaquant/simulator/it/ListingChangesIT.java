package com.novaquant.simulator.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Halting, delisting and restoring a symbol through {@code /admin/market/listing}: the status exchangeInfo shows, the
 * orders refused with Binance's errors, and the streams that stop and start again.
 */
@UniverseSimulatorTest
class ListingChangesIT {

    static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;
    SignedHttp http;

    @BeforeEach
    void setUp() {
        http = new SignedHttp(port);
    }

    @AfterEach
    void restoreEverySymbol() {
        for (String symbol : List.of("SOLUSDT", "DOGEUSDT", "LINKUSDT")) {
            http.admin("POST", "/admin/market/listing", "{\"symbol\":\"" + symbol + "\",\"status\":\"TRADING\"}");
        }
    }

    JsonNode status(String venuePath, String symbol) {
        JsonNode symbols = http.get(venuePath).body().get("symbols");
        for (JsonNode s : symbols) {
            if (s.get("symbol").asString().equals(symbol)) {
                return s.get("status");
            }
        }
        throw new AssertionError(symbol + " not listed");
    }

    SignedHttp.Reply spotTestOrder(String symbol, String qty) {
        return http.signedBody("/spot/api/v3/order/test", "symbol=" + symbol + "&side=BUY&type=MARKET&quantity=" + qty);
    }

    SignedHttp.Reply futuresTestOrder(String symbol, String qty, boolean reduceOnly) {
        return http.signedBody("/futures/fapi/v1/order/test", "symbol=" + symbol + "&side=SELL&type=MARKET&quantity=" + qty
                + (reduceOnly ? "&reduceOnly=true" : ""));
    }

    /** Frames of the streams named, collected after the next frame of {@code marker}, until {@code count} marker frames. */
    static List<String> streamsAfter(WsProbe ws, String marker, int count) {
        ws.nextMatching(WAIT, f -> marker.equals(f.path("stream").asString()));
        ws.frames.clear();
        List<String> seen = new ArrayList<>();
        int markers = 0;
        while (markers < count) {
            String stream = SignedHttp.JSON.readTree(ws.next(WAIT)).path("stream").asString();
            seen.add(stream);
            markers += marker.equals(stream) ? 1 : 0;
        }
        return seen;
    }

    @Test
    void aSpotHaltShowsHaltRefusesSpotOrdersStopsTheSpotStreamAndIsRestored() {
        try (WsProbe ws = new WsProbe(port, "/spot/stream?streams=solusdt@bookTicker/ethusdt@bookTicker")) {
            ws.nextMatching(WAIT, f -> "solusdt@bookTicker".equals(f.path("stream").asString()));

            SignedHttp.Reply halted = http.admin("POST", "/admin/market/listing",
                    "{\"symbol\":\"SOLUSDT\",\"venue\":\"SPOT\",\"status\":\"HALT\"}");

            assertThat(halted.status()).isEqualTo(200);
            assertThat(halted.body().get("spot").asString()).isEqualTo("HALT");
            assertThat(halted.body().get("usdm").asString()).isEqualTo("TRADING");
            assertThat(status("/spot/api/v3/exchangeInfo", "SOLUSDT").asString()).isEqualTo("HALT");
            assertThat(status("/futures/fapi/v1/exchangeInfo", "SOLUSDT").asString()).isEqualTo("TRADING");
            SignedHttp.Reply refused = spotTestOrder("SOLUSDT", "0.1");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo(-1013);
            assertThat(refused.body().get("msg").asString()).isEqualTo("Market is closed.");
            assertThat(futuresTestOrder("SOLUSDT", "1", false).status()).as("USD-M still trades").isEqualTo(200);
            assertThat(streamsAfter(ws, "ethusdt@bookTicker", 10)).doesNotContain("solusdt@bookTicker");
            JsonNode onlyTrading = http.get("/spot/api/v3/exchangeInfo?symbolStatus=HALT").body().get("symbols");
            assertThat(onlyTrading.findValuesAsString("symbol")).containsExactly("SOLUSDT");

            http.admin("POST", "/admin/market/listing", "{\"symbol\":\"SOLUSDT\",\"venue\":\"SPOT\",\"status\":\"TRADING\"}");

            assertThat(status("/spot/api/v3/exchangeInfo", "SOLUSDT").asString()).isEqualTo("TRADING");
            assertThat(spotTestOrder("SOLUSDT", "0.1").status()).isEqualTo(200);
            ws.nextMatching(WAIT, f -> "solusdt@bookTicker".equals(f.path("stream").asString()));
        }
    }

    @Test
    void aUsdmHaltTakesOnlyReduceOnlyOrdersAndStopsTheMarkPrice() {
        try (WsProbe ws = new WsProbe(port, "/futures/market/stream?streams=dogeusdt@markPrice@1s/ethusdt@markPrice@1s")) {
            ws.nextMatching(WAIT, f -> "dogeusdt@markPrice@1s".equals(f.path("stream").asString()));

            http.admin("POST", "/admin/market/listing", "{\"symbol\":\"DOGEUSDT\",\"venue\":\"USDM\",\"status\":\"HALT\"}");

            assertThat(status("/futures/fapi/v1/exchangeInfo", "DOGEUSDT").asString()).isEqualTo("PENDING_TRADING");
            assertThat(status("/spot/api/v3/exchangeInfo", "DOGEUSDT").asString()).isEqualTo("TRADING");
            SignedHttp.Reply opening = futuresTestOrder("DOGEUSDT", "100", false);
            assertThat(opening.status()).isEqualTo(400);
            assertThat(opening.code()).isEqualTo(-4140);
            assertThat(opening.body().get("msg").asString()).isEqualTo("Invalid symbol status for opening position.");
            assertThat(futuresTestOrder("DOGEUSDT", "100", true).status()).as("reduce-only").isEqualTo(200);
            assertThat(streamsAfter(ws, "ethusdt@markPrice@1s", 2)).doesNotContain("dogeusdt@markPrice@1s");
        }
    }

    @Test
    void aDelistingOnBothVenuesClosesTheSymbolEverywhereAndKeepsItListed() {
        SignedHttp.Reply delisted = http.admin("POST", "/admin/market/listing", "{\"symbol\":\"linkusdt\",\"status\":\"DELIST\"}");

        assertThat(delisted.body().get("spot").asString()).isEqualTo("BREAK");
        assertThat(delisted.body().get("usdm").asString()).isEqualTo("CLOSE");
        assertThat(status("/spot/api/v3/exchangeInfo", "LINKUSDT").asString()).isEqualTo("BREAK");
        assertThat(status("/futures/fapi/v1/exchangeInfo", "LINKUSDT").asString()).isEqualTo("CLOSE");
        assertThat(spotTestOrder("LINKUSDT", "1").code()).isEqualTo(-1013);
        SignedHttp.Reply closed = futuresTestOrder("LINKUSDT", "1", true);
        assertThat(closed.code()).isEqualTo(-4141);
        assertThat(closed.body().get("msg").asString()).isEqualTo("Symbol is closed.");
        // The books freeze: the depth's update id no longer moves.
        long frozen = http.get("/spot/api/v3/depth?symbol=LINKUSDT&limit=5").body().get("lastUpdateId").asLong();
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() ->
                http.get("/spot/api/v3/depth?symbol=LINKUSDT&limit=5").body().get("lastUpdateId").asLong() == frozen);
        JsonNode listings = http.admin("GET", "/admin/market/listing", null).body();
        assertThat(listings.size()).isEqualTo(26);
    }

    @Test
    void badListingChangesAreRefusedWithoutChangingAnything() {
        SignedHttp.Reply unknown = http.admin("POST", "/admin/market/listing", "{\"symbol\":\"NOPEUSDT\",\"status\":\"HALT\"}");
        SignedHttp.Reply badStatus = http.admin("POST", "/admin/market/listing", "{\"symbol\":\"SOLUSDT\",\"status\":\"PAUSE\"}");
        SignedHttp.Reply noStatus = http.admin("POST", "/admin/market/listing", "{\"symbol\":\"SOLUSDT\"}");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("error").asString()).contains("NOPEUSDT");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(noStatus.status()).isEqualTo(400);
        assertThat(status("/spot/api/v3/exchangeInfo", "SOLUSDT").asString()).isEqualTo("TRADING");
    }
}
