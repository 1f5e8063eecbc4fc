package com.novaquant.simulator.it;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SUBSCRIBE and UNSUBSCRIBE of any universe symbol's book ticker and mark price on open combined-stream connections,
 * with Binance's replies and limits (5 / 10 messages a second, 1024 streams a connection).
 */
@UniverseSimulatorTest
class LiveSubscriptionsIT {

    static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    static boolean reply(JsonNode frame, int id) {
        return frame.has("id") && frame.get("id").asInt() == id;
    }

    @Test
    void spotBookTickersStartOnSubscribeAndStopOnUnsubscribe() {
        try (WsProbe ws = new WsProbe(port, "/spot/stream?streams=btcusdt@bookTicker")) {
            ws.nextMatching(WAIT, f -> "btcusdt@bookTicker".equals(f.path("stream").asString()));

            ws.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"wifusdt@bookTicker\",\"TIAUSDT@bookTicker\"],\"id\":1}");

            JsonNode ack = ws.nextMatching(WAIT, f -> reply(f, 1));
            assertThat(ack.toString()).isEqualTo("{\"result\":null,\"id\":1}");
            JsonNode wif = ws.nextMatching(WAIT, f -> "wifusdt@bookTicker".equals(f.path("stream").asString()));
            assertThat(UniverseEndpointsIT.fieldNames(wif.get("data"))).containsExactly("u", "s", "b", "B", "a", "A");
            assertThat(wif.get("data").get("s").asString()).isEqualTo("WIFUSDT");
            ws.nextMatching(WAIT, f -> "tiausdt@bookTicker".equals(f.path("stream").asString()));

            ws.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":2}");
            assertThat(ws.nextMatching(WAIT, f -> reply(f, 2)).get("result").toString())
                    .isEqualTo("[\"btcusdt@bookTicker\",\"tiausdt@bookTicker\",\"wifusdt@bookTicker\"]");

            ws.send("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"wifusdt@bookTicker\"],\"id\":3}");
            assertThat(ws.nextMatching(WAIT, f -> reply(f, 3)).toString()).isEqualTo("{\"result\":null,\"id\":3}");

            assertThat(ListingChangesIT.streamsAfter(ws, "tiausdt@bookTicker", 10))
                    .contains("btcusdt@bookTicker").doesNotContain("wifusdt@bookTicker");
        }
    }

    @Test
    void usdmMarkPriceAndBookTickerSubscriptionsWorkOnTheirRoutes() {
        try (WsProbe market = new WsProbe(port, "/futures/market/stream?streams=btcusdt@markPrice@1s");
             WsProbe pub = new WsProbe(port, "/futures/public/stream?streams=btcusdt@bookTicker")) {
            pub.nextMatching(WAIT, f -> "btcusdt@bookTicker".equals(f.path("stream").asString()));

            market.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"aptusdt@markPrice@1s\",\"nearusdt@markPrice\"],\"id\":7}");
            pub.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"suiusdt@bookTicker\"],\"id\":8}");

            assertThat(market.nextMatching(WAIT, f -> reply(f, 7)).toString()).isEqualTo("{\"result\":null,\"id\":7}");
            JsonNode apt = market.nextMatching(WAIT, f -> "aptusdt@markPrice@1s".equals(f.path("stream").asString()));
            assertThat(UniverseEndpointsIT.fieldNames(apt.get("data"))).containsExactly("e", "E", "s", "p", "ap", "i", "P", "r", "T");
            assertThat(apt.get("data").get("e").asString()).isEqualTo("markPriceUpdate");
            assertThat(apt.get("data").get("s").asString()).isEqualTo("APTUSDT");
            assertThat(apt.get("data").get("T").asLong() % (4 * 3_600_000L)).as("APTUSDT settles every 4 h").isLessThan(5_000L);
            market.nextMatching(WAIT, f -> "nearusdt@markPrice".equals(f.path("stream").asString()));
            assertThat(pub.nextMatching(WAIT, f -> reply(f, 8)).toString()).isEqualTo("{\"result\":null,\"id\":8}");
            JsonNode sui = pub.nextMatching(WAIT, f -> "suiusdt@bookTicker".equals(f.path("stream").asString()));
            assertThat(UniverseEndpointsIT.fieldNames(sui.get("data"))).containsExactly("e", "u", "E", "T", "s", "b", "B", "a", "A");

            market.send("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"aptusdt@markPrice@1s\"],\"id\":9}");
            assertThat(market.nextMatching(WAIT, f -> reply(f, 9)).toString()).isEqualTo("{\"result\":null,\"id\":9}");
            assertThat(ListingChangesIT.streamsAfter(market, "btcusdt@markPrice@1s", 2)).doesNotContain("aptusdt@markPrice@1s");
        }
    }

    @Test
    void aUsdmConnectionTakesTenMessagesASecondAndIsDroppedAtTheEleventh() {
        try (WsProbe within = new WsProbe(port, "/futures/public/stream?streams=btcusdt@bookTicker");
             WsProbe over = new WsProbe(port, "/futures/public/stream?streams=btcusdt@bookTicker")) {
            within.nextMatching(WAIT, f -> f.has("stream"));
            over.nextMatching(WAIT, f -> f.has("stream"));

            for (int id = 1; id <= 10; id++) {
                within.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + id + "}");
            }
            for (int id = 1; id <= 11; id++) {
                over.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + id + "}");
            }

            within.nextMatching(WAIT, f -> reply(f, 10));
            await().atMost(WAIT).untilTrue(over.closed);
            assertThat(within.closed).isFalse();
        }
    }

    @Test
    void aSpotConnectionIsDroppedAtTheSixthMessageInASecond() {
        try (WsProbe ws = new WsProbe(port, "/spot/stream?streams=btcusdt@bookTicker")) {
            ws.nextMatching(WAIT, f -> f.has("stream"));

            for (int id = 1; id <= 6; id++) {
                ws.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + id + "}");
            }

            await().atMost(WAIT).untilTrue(ws.closed);
        }
    }

    @Test
    void aConnectionHoldsAtMost1024Streams() {
        List<String> names = IntStream.range(0, 1023).mapToObj(i -> "sym" + i + "usdt@bookTicker").toList();
        String params = names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(","));
        try (WsProbe ws = new WsProbe(port, "/futures/public/stream?streams=btcusdt@bookTicker")) {
            ws.nextMatching(WAIT, f -> f.has("stream"));

            ws.send("{\"method\":\"SUBSCRIBE\",\"params\":[" + params + "],\"id\":1}");
            assertThat(ws.nextMatching(WAIT, f -> reply(f, 1)).get("result").isNull()).isTrue();
            ws.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"ethusdt@bookTicker\"],\"id\":2}");
            JsonNode refused = ws.nextMatching(WAIT, f -> reply(f, 2));
            ws.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":3}");
            JsonNode list = ws.nextMatching(WAIT, f -> reply(f, 3));

            assertThat(refused.get("code").asInt()).isEqualTo(2);
            assertThat(refused.get("msg").asString()).startsWith("Invalid request");
            assertThat(list.get("result").size()).isEqualTo(1024);
            List<String> listed = new ArrayList<>();
            list.get("result").forEach(n -> listed.add(n.asString()));
            assertThat(listed).doesNotContain("ethusdt@bookTicker");
        }
    }
}
