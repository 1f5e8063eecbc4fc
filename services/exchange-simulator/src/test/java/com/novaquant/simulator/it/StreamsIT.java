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

@SimulatorIntegrationTest
class StreamsIT {

    static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;
    SignedHttp http;

    @BeforeEach
    void setUp() {
        http = new SignedHttp(port);
        http.admin("DELETE", "/admin/faults", null);
    }

    @AfterEach
    void clearFaults() {
        http.admin("DELETE", "/admin/faults", null);
    }

    @Test
    void spotCombinedStreamWrapsBookTickersWithoutEventFields() {
        try (WsProbe ws = new WsProbe(port, "/spot/stream?streams=btcusdt@bookTicker/ethusdt@bookTicker")) {
            JsonNode frame = ws.nextMatching(WAIT, n -> n.has("stream"));

            assertThat(frame.get("stream").asString()).isIn("btcusdt@bookTicker", "ethusdt@bookTicker");
            JsonNode data = frame.get("data");
            assertThat(data.has("e")).isFalse();
            assertThat(data.has("E")).isFalse();
            assertThat(data.get("u").isIntegralNumber()).isTrue();
            assertThat(data.get("b").isString()).isTrue();
            assertThat(data.get("b").asString()).matches("\\d+\\.\\d{8}");
            assertThat(data.has("B") && data.has("a") && data.has("A")).isTrue();
        }
    }

    @Test
    void futuresPublicRawBookTickerCarriesEventAndTransactionTimes() {
        try (WsProbe ws = new WsProbe(port, "/futures/public/ws/btcusdt@bookTicker")) {
            JsonNode data = ws.nextMatching(WAIT, n -> n.has("e"));

            assertThat(data.get("e").asString()).isEqualTo("bookTicker");
            assertThat(data.get("s").asString()).isEqualTo("BTCUSDT");
            assertThat(data.get("E").asLong()).isPositive();
            assertThat(data.get("T").asLong()).isPositive();
            assertThat(data.get("u").asLong()).isPositive();
            assertThat(data.get("a").asString()).isNotEmpty();
        }
    }

    @Test
    void markPriceOnTheMarketRouteCarriesNextFundingTimeMatchingPremiumIndex() {
        try (WsProbe ws = new WsProbe(port, "/futures/market/stream?streams=btcusdt@markPrice@1s")) {
            JsonNode data = ws.nextMatching(WAIT, n -> n.has("data")).get("data");
            long next = http.get("/futures/fapi/v1/premiumIndex?symbol=BTCUSDT").body().get("nextFundingTime").asLong();

            assertThat(data.get("e").asString()).isEqualTo("markPriceUpdate");
            for (String field : new String[] {"p", "ap", "i", "P", "r"}) {
                assertThat(data.get(field).isString()).as(field).isTrue();
            }
            assertThat(data.get("T").asLong()).isEqualTo(next);
        }
    }

    @Test
    void unroutedFuturesConnectionGetsPublicStreamsOnly() {
        try (WsProbe ws = new WsProbe(port, "/futures/stream?streams=btcusdt@markPrice@1s/btcusdt@bookTicker")) {
            long deadline = System.nanoTime() + Duration.ofMillis(2500).toNanos();
            int tickers = 0;
            while (System.nanoTime() < deadline) {
                String frame = ws.next(WAIT);
                assertThat(frame).doesNotContain("markPriceUpdate");
                if (frame.contains("\"btcusdt@bookTicker\"")) {
                    tickers++;
                }
            }
            assertThat(tickers).isPositive();
        }
    }

    @Test
    void subscriptionControlMessagesGetTheDocumentedRepliesAndErrors() {
        try (WsProbe ws = new WsProbe(port, "/futures/public/ws")) {
            ws.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"ethusdt@bookTicker\"],\"id\":1}");
            assertThat(ws.nextMatching(WAIT, n -> n.has("id") && n.get("id").asInt() == 1).toString()).isEqualTo("{\"result\":null,\"id\":1}");
            ws.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":2}");
            assertThat(ws.nextMatching(WAIT, n -> n.has("id") && n.get("id").asInt() == 2).get("result").toString()).isEqualTo("[\"ethusdt@bookTicker\"]");
            ws.send("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",\"yes\"],\"id\":3}");
            assertThat(ws.nextMatching(WAIT, n -> n.has("id") && n.get("id").asInt() == 3).get("code").asInt()).isEqualTo(1);
            ws.send("{\"method\":\"GET_PROPERTY\",\"params\":[\"colour\"],\"id\":4}");
            assertThat(ws.nextMatching(WAIT, n -> n.has("id") && n.get("id").asInt() == 4).get("code").asInt()).isZero();
            ws.send("{\"method\":\"FLY\",\"id\":5}");
            assertThat(ws.nextMatching(WAIT, n -> n.has("id") && n.get("id").asInt() == 5).get("code").asInt()).isEqualTo(2);
        }
        try (WsProbe ws = new WsProbe(port, "/spot/ws")) {
            ws.send("not json");
            assertThat(ws.nextMatching(WAIT, n -> n.has("code")).get("code").asInt()).isEqualTo(3);
        }
    }

    @Test
    void exceedingTheSpotIncomingMessageLimitDropsTheConnection() {
        try (WsProbe ws = new WsProbe(port, "/spot/ws")) {
            for (int i = 0; i < 12; i++) {
                ws.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + i + "}");
            }
            await().atMost(WAIT).untilTrue(ws.closed);
        }
    }

    @Test
    void spotServerPingsOnItsInterval() {
        try (WsProbe ws = new WsProbe(port, "/spot/ws/btcusdt@bookTicker")) {
            await().atMost(WAIT).until(() -> ws.pings.get() >= 1);
        }
    }

    @Test
    void plannedCloseSendsServerShutdownFirst() {
        try (WsProbe ws = new WsProbe(port, "/spot/stream?streams=btcusdt@bookTicker")) {
            ws.nextMatching(WAIT, n -> n.has("stream"));
            http.admin("POST", "/admin/market/shutdown-notice", "{\"venue\":\"SPOT\"}");

            JsonNode notice = ws.nextMatching(WAIT, n -> "!serverShutdown".equals(n.path("stream").asString()));
            assertThat(notice.get("data").get("e").asString()).isEqualTo("serverShutdown");
            await().atMost(WAIT).untilTrue(ws.closed);
        }
    }

    @Test
    void disconnectFaultClosesFuturesConnections() {
        try (WsProbe ws = new WsProbe(port, "/futures/public/ws/ethusdt@bookTicker")) {
            ws.next(WAIT);
            http.admin("POST", "/admin/faults/disconnect", "{\"venue\":\"USDM\"}");
            await().atMost(WAIT).untilTrue(ws.closed);
        }
    }

    @Test
    void malformedFramesFaultReplacesTheNextFrames() {
        try (WsProbe ws = new WsProbe(port, "/futures/public/ws/btcusdt@bookTicker")) {
            ws.next(WAIT);
            http.admin("POST", "/admin/faults/malformed-frames", "{\"venue\":\"USDM\",\"count\":3}");
            boolean sawMalformed = false;
            for (int i = 0; i < 200 && !sawMalformed; i++) {
                try {
                    SignedHttp.JSON.readTree(ws.next(WAIT));
                } catch (RuntimeException e) {
                    sawMalformed = true;
                }
            }
            assertThat(sawMalformed).isTrue();
        }
    }

    @Test
    void replayFramesFaultRepeatsAnAlreadySentBookTickerWithANonIncreasingUpdateId() {
        try (WsProbe ws = new WsProbe(port, "/futures/public/ws/btcusdt@bookTicker")) {
            List<String> sent = new ArrayList<>(List.of(ws.next(WAIT)));
            long latest = SignedHttp.JSON.readTree(sent.getFirst()).get("u").asLong();
            http.admin("POST", "/admin/faults/replay-frames", "{\"venue\":\"USDM\",\"count\":3}");
            List<String> repeated = new ArrayList<>();
            for (int i = 0; i < 200 && repeated.isEmpty(); i++) {
                String frame = ws.next(WAIT);
                long u = SignedHttp.JSON.readTree(frame).get("u").asLong();
                if (u <= latest) {
                    repeated.add(frame);
                } else {
                    sent.add(frame);
                }
                latest = Math.max(latest, u);
            }
            assertThat(repeated).as("a frame whose update id is not newer than the latest").isNotEmpty();
            assertThat(sent).as("an exact duplicate of an already-sent frame").containsAll(repeated);
        }
    }

    @Test
    void replayFramesFaultIsListedUntilClearedAndRefusesANegativeCount() {
        http.admin("POST", "/admin/faults/replay-frames", "{\"venue\":\"SPOT\",\"count\":1000000}");
        assertThat(http.admin("GET", "/admin/faults", null).body().get("replayFrames").get("SPOT").asInt()).isEqualTo(1000000);
        assertThat(http.admin("GET", "/admin/faults", null).body().get("replayFrames").get("USDM").asInt()).isZero();

        http.admin("DELETE", "/admin/faults", null);
        assertThat(http.admin("GET", "/admin/faults", null).body().get("replayFrames").get("SPOT").asInt()).isZero();

        SignedHttp.Reply bad = http.admin("POST", "/admin/faults/replay-frames", "{\"count\":-1}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("error").asString()).contains("count");
    }

    @Test
    void feedLagDelaysDeliveryButKeepsEventTimesTrue() {
        http.admin("POST", "/admin/faults/feed-lag", "{\"venue\":\"USDM\",\"ms\":400}");
        try (WsProbe ws = new WsProbe(port, "/futures/public/ws/ethusdt@bookTicker")) {
            JsonNode frame = ws.nextMatching(WAIT, n -> n.has("E"));
            long lateBy = System.currentTimeMillis() - frame.get("E").asLong();
            assertThat(lateBy).isGreaterThanOrEqualTo(350);
        }
    }

    @Test
    void futuresDiffDepthChainsUpdateIds() {
        try (WsProbe ws = new WsProbe(port, "/futures/public/ws/btcusdt@depth@100ms")) {
            JsonNode first = ws.nextMatching(WAIT, n -> "depthUpdate".equals(n.path("e").asString()));
            JsonNode second = ws.nextMatching(WAIT, n -> "depthUpdate".equals(n.path("e").asString()));

            assertThat(second.get("pu").asLong()).isEqualTo(first.get("u").asLong());
            assertThat(second.get("U").asLong()).isEqualTo(first.get("u").asLong() + 1);
        }
    }

    @Test
    void userStreamReceivesOrderUpdatesAndFundingAccountUpdates() {
        String listenKey = http.send("POST", "/futures/fapi/v1/listenKey", SignedHttp.KEY, "").body().get("listenKey").asString();
        try (WsProbe ws = new WsProbe(port, "/futures/private/ws/" + listenKey)) {
            await().atMost(WAIT).pollDelay(Duration.ofMillis(200)).until(() -> true);
            http.signed("POST", "/futures/fapi/v1/order", "symbol=ETHUSDT&side=SELL&type=MARKET&quantity=0.050");

            JsonNode trade = ws.nextMatching(WAIT, n -> "ORDER_TRADE_UPDATE".equals(n.path("e").asString())
                    && "TRADE".equals(n.get("o").get("x").asString()));
            assertThat(trade.get("o").get("s").asString()).isEqualTo("ETHUSDT");
            assertThat(trade.get("o").get("N").asString()).isEqualTo("USDT");

            http.admin("POST", "/admin/clock/advance", "{\"ms\":3600000}");
            JsonNode funding = ws.nextMatching(WAIT, n -> "ACCOUNT_UPDATE".equals(n.path("e").asString())
                    && "FUNDING_FEE".equals(n.get("a").get("m").asString()));
            assertThat(funding.get("a").get("B").get(0).get("a").asString()).isEqualTo("USDT");
        }
    }

    @Test
    void dropFramesFaultSilencesTheVenueUntilCleared() {
        try (WsProbe ws = new WsProbe(port, "/spot/ws/btcusdt@bookTicker")) {
            ws.next(WAIT);
            http.admin("POST", "/admin/faults/drop-frames", "{\"venue\":\"SPOT\",\"ratio\":1.0}");
            await().pollDelay(Duration.ofMillis(300)).atMost(WAIT).until(() -> true);
            ws.frames.clear();
            await().pollDelay(Duration.ofMillis(1500)).atMost(WAIT).until(() -> true);
            assertThat(ws.frames).isEmpty();

            http.admin("DELETE", "/admin/faults", null);
            ws.next(WAIT);
        }
    }
}
