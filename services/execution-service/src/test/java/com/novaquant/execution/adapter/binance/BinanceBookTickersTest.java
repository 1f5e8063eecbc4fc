package com.novaquant.execution.adapter.binance;

import com.novaquant.binance.stream.Backoff;
import com.novaquant.binance.stream.StreamSettings;
import com.novaquant.events.EpochMicros;
import com.novaquant.events.Venue;
import com.novaquant.execution.application.VenuePrices;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Execution's own book tickers against a local WebSocket server shaped like Binance's combined streams. */
class BinanceBookTickersTest {

    private final Map<String, Sinks.Many<WebSocketFrame>> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> uris = new ConcurrentHashMap<>();
    /** Per path: sessions opened, and the control messages received. */
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> connects = new ConcurrentHashMap<>();
    private final List<String> controls = new java.util.concurrent.CopyOnWriteArrayList<>();
    private DisposableServer server;
    private BinanceBookTickers tickers;

    @BeforeEach
    void startServer() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> {
                    for (String path : List.of("/spot/stream", "/futures/public/stream")) {
                        routes.get(path, (request, response) -> response.sendWebsocket((in, out) -> {
                            Sinks.Many<WebSocketFrame> sink = Sinks.many().unicast().onBackpressureBuffer();
                            sessions.put(path, sink);
                            uris.put(path, request.uri());
                            connects.computeIfAbsent(path, p -> new java.util.concurrent.atomic.AtomicInteger())
                                    .incrementAndGet();
                            // Live subscription changes are answered as Binance does: {"result":null,"id":n}.
                            in.receiveFrames().ofType(TextWebSocketFrame.class).map(TextWebSocketFrame::text)
                                    .subscribe(text -> {
                                        controls.add(path + " " + text);
                                        java.util.regex.Matcher id = java.util.regex.Pattern
                                                .compile("\"id\"\\s*:\\s*(\\d+)").matcher(text);
                                        if (id.find()) {
                                            sink.tryEmitNext(new TextWebSocketFrame(
                                                    "{\"result\":null,\"id\":" + id.group(1) + "}"));
                                        }
                                    });
                            return out.sendObject(sink.asFlux());
                        }));
                    }
                })
                .bindNow();
        String base = "ws://127.0.0.1:" + server.port();
        tickers = new BinanceBookTickers(base + "/spot", base + "/futures", List.of("BTCUSDT", "ethusdt"),
                new StreamSettings(Duration.ofHours(1), new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)),
                        Duration.ofSeconds(60), Duration.ofSeconds(2), 65_536), Clock.systemUTC());
        tickers.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> sessions.size() == 2 && tickers.connected());
    }

    @AfterEach
    void stop() {
        tickers.close();
        server.disposeNow();
    }

    private void spot(String symbol, long updateId, String bid, String ask) {
        send("/spot/stream", symbol, "{\"u\":" + updateId + ",\"s\":\"" + symbol + "\",\"b\":\"" + bid
                + "\",\"B\":\"1.5\",\"a\":\"" + ask + "\",\"A\":\"2.5\"}");
    }

    private void perp(String symbol, long updateId, String bid, String ask) {
        long now = System.currentTimeMillis();
        send("/futures/public/stream", symbol, "{\"e\":\"bookTicker\",\"u\":" + updateId + ",\"s\":\"" + symbol
                + "\",\"b\":\"" + bid + "\",\"B\":\"1.5\",\"a\":\"" + ask + "\",\"A\":\"2.5\",\"T\":" + now + ",\"E\":"
                + now + "}");
    }

    private void send(String path, String symbol, String data) {
        String stream = symbol.toLowerCase(java.util.Locale.ROOT) + "@bookTicker";
        sessions.get(path).tryEmitNext(new TextWebSocketFrame("{\"stream\":\"" + stream + "\",\"data\":" + data + "}"));
    }

    @Test
    void subscribesToEachSymbolsBookTickerOnBothVenuesAndKeepsTheLatestTopOfBook() {
        assertThat(uris.get("/spot/stream")).isEqualTo("/spot/stream?streams=btcusdt@bookTicker/ethusdt@bookTicker");
        assertThat(uris.get("/futures/public/stream"))
                .isEqualTo("/futures/public/stream?streams=btcusdt@bookTicker/ethusdt@bookTicker");
        assertThat(tickers.latest("BTCUSDT", Venue.SPOT)).isNull();
        assertThat(VenuePrices.oldestAgeSeconds(tickers, Venue.SPOT, List.of("BTCUSDT"), EpochMicros.now()))
                .isEqualTo(-1);

        long before = EpochMicros.now();
        spot("BTCUSDT", 10, "64000.01000000", "64000.02000000");
        perp("BTCUSDT", 20, "64010.5", "64010.6");
        await().atMost(Duration.ofSeconds(5)).until(() -> tickers.latest("BTCUSDT", Venue.SPOT) != null
                && tickers.latest("BTCUSDT", Venue.USDM) != null);

        VenuePrices.Top spot = tickers.latest("BTCUSDT", Venue.SPOT);
        assertThat(spot.bid()).isEqualByComparingTo("64000.01");
        assertThat(spot.ask()).isEqualByComparingTo("64000.02");
        assertThat(spot.receivedAtMicros()).isBetween(before, EpochMicros.now());
        VenuePrices.Top perp = tickers.latest("BTCUSDT", Venue.USDM);
        assertThat(perp.bid()).isEqualTo(new BigDecimal("64010.5"));
        assertThat(perp.ask()).isEqualTo(new BigDecimal("64010.6"));
        assertThat(tickers.latest("ETHUSDT", Venue.SPOT)).as("nothing received for it yet").isNull();
        assertThat(tickers.latest("DOGEUSDT", Venue.SPOT)).as("not traded").isNull();
        assertThat(VenuePrices.oldestAgeSeconds(tickers, Venue.USDM, List.of("BTCUSDT"), EpochMicros.now()))
                .isBetween(0.0, 5.0);
        assertThat(VenuePrices.oldestAgeSeconds(tickers, Venue.USDM, List.of("BTCUSDT", "ETHUSDT"), EpochMicros.now()))
                .as("a symbol without prices").isEqualTo(-1);
    }

    @Test
    void aSymbolTheUniverseTracksIsSubscribedOnTheOpenConnectionsAndDroppedWhenItLeaves() {
        tickers.trackedChanged(java.util.Set.of("SOLUSDT"));

        await().atMost(Duration.ofSeconds(10)).until(() -> controls.stream()
                .filter(c -> c.contains("SUBSCRIBE") && c.contains("solusdt@bookTicker")).count() == 2);
        spot("SOLUSDT", 1, "150.10", "150.11");
        perp("SOLUSDT", 1, "150.20", "150.21");
        await().atMost(Duration.ofSeconds(10)).until(() -> tickers.latest("SOLUSDT", Venue.USDM) != null
                && tickers.latest("SOLUSDT", Venue.SPOT) != null);
        assertThat(tickers.latest("SOLUSDT", Venue.SPOT).bid()).isEqualByComparingTo("150.10");
        assertThat(connects.values()).as("no reconnect for a change of symbols").allMatch(n -> n.get() == 1);

        tickers.trackedChanged(java.util.Set.of());

        await().atMost(Duration.ofSeconds(10)).until(() -> controls.stream()
                .filter(c -> c.contains("UNSUBSCRIBE") && c.contains("solusdt@bookTicker")).count() == 2);
        assertThat(tickers.latest("SOLUSDT", Venue.SPOT)).isNull();
        assertThat(tickers.symbols()).containsExactlyInAnyOrder("BTCUSDT", "ETHUSDT");
        spot("BTCUSDT", 5, "64000.00", "64000.01");
        await().atMost(Duration.ofSeconds(10)).until(() -> tickers.latest("BTCUSDT", Venue.SPOT) != null);
        assertThat(connects.values()).allMatch(n -> n.get() == 1);
    }

    @Test
    void aReplayedOlderFrameDoesNotMoveTheView() {
        spot("BTCUSDT", 10, "64000.01", "64000.02");
        await().atMost(Duration.ofSeconds(5)).until(() -> tickers.latest("BTCUSDT", Venue.SPOT) != null);
        spot("BTCUSDT", 9, "1.00", "2.00");
        spot("BTCUSDT", 10, "1.00", "2.00");
        spot("BTCUSDT", 11, "64001.01", "64001.02");
        await().atMost(Duration.ofSeconds(5)).until(() -> tickers.latest("BTCUSDT", Venue.SPOT).bid()
                .compareTo(new BigDecimal("64001.01")) == 0);
        // The frames of one connection arrive in order: ETH's frame sent last is seen after the replays.
        spot("ETHUSDT", 5, "3000.00", "3000.01");
        await().atMost(Duration.ofSeconds(5)).until(() -> tickers.latest("ETHUSDT", Venue.SPOT) != null);
        assertThat(tickers.latest("BTCUSDT", Venue.SPOT).ask()).isEqualByComparingTo("64001.02");
        assertThat(tickers.replayedFrames()).as("counted drops").isEqualTo(2);
    }

    @Test
    void aMalformedFrameIsACountedDropAndTheNextGoodFrameIsTaken() {
        sessions.get("/spot/stream").tryEmitNext(new TextWebSocketFrame("{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":"));
        spot("BTCUSDT", 10, "64000.01", "64000.02");
        await().atMost(Duration.ofSeconds(5)).until(() -> tickers.latest("BTCUSDT", Venue.SPOT) != null);
        assertThat(tickers.malformedFrames()).isEqualTo(1);
        assertThat(tickers.latest("BTCUSDT", Venue.SPOT).bid()).isEqualByComparingTo("64000.01");
    }

    @Test
    void aNewSessionStartsTheUpdateIdsAfresh() {
        spot("BTCUSDT", 1000, "64000.01", "64000.02");
        await().atMost(Duration.ofSeconds(5)).until(() -> tickers.latest("BTCUSDT", Venue.SPOT) != null);
        Sinks.Many<WebSocketFrame> first = sessions.get("/spot/stream");
        first.tryEmitComplete();
        await().atMost(Duration.ofSeconds(10)).until(() -> sessions.get("/spot/stream") != first && tickers.connected());
        spot("BTCUSDT", 5, "63000.01", "63000.02");
        await().atMost(Duration.ofSeconds(5)).until(() -> tickers.latest("BTCUSDT", Venue.SPOT).bid()
                .compareTo(new BigDecimal("63000.01")) == 0);
    }
}
