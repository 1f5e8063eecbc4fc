package com.novaquant.simulator.contract;

import com.novaquant.binance.stream.ConnectionListener;
import com.novaquant.binance.stream.ConnectionSpec;
import com.novaquant.binance.stream.DisconnectCause;
import com.novaquant.binance.stream.FrameListener;
import com.novaquant.binance.stream.ReceivedFrame;
import com.novaquant.binance.stream.StreamConnection;
import com.novaquant.binance.stream.StreamPlanner;
import com.novaquant.binance.stream.StreamRoute;
import com.novaquant.binance.stream.StreamSettings;
import com.novaquant.binance.stream.parse.BookTicker;
import com.novaquant.binance.stream.parse.MarkPrice;
import com.novaquant.binance.stream.parse.ParseStatus;
import com.novaquant.binance.stream.parse.StreamKey;
import com.novaquant.binance.stream.parse.SymbolTable;
import com.novaquant.simulator.it.SimulatorIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Our own stream client (binance-streams) against the simulator: the routed URLs it builds, the
 * combined envelope, bookTicker and markPrice values, serverShutdown, disconnects, malformed and replayed frames.
 */
@SimulatorIntegrationTest
class BinanceStreamsContractIT {

    static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;
    final List<StreamConnection> connections = new ArrayList<>();
    final Map<String, String> lastTicker = new ConcurrentHashMap<>();
    final Map<String, long[]> tickerTimes = new ConcurrentHashMap<>();
    final List<String> markPrices = new CopyOnWriteArrayList<>();
    final List<Long> nextFundingTimes = new CopyOnWriteArrayList<>();
    final List<ParseStatus> rejected = new CopyOnWriteArrayList<>();
    final List<String> disconnects = new CopyOnWriteArrayList<>();
    final Map<String, Long> latestUpdateId = new ConcurrentHashMap<>();
    final List<String> nonIncreasingUpdateIds = new CopyOnWriteArrayList<>();
    final AtomicInteger connects = new AtomicInteger();

    @BeforeEach
    void start() {
        admin("DELETE", "/admin/faults", null);
        List<ConnectionSpec> plan = StreamPlanner.plan("ws://localhost:" + port + "/spot", "ws://localhost:" + port + "/futures",
                List.of("BTCUSDT", "ETHUSDT"), 1, 1);
        FrameListener frames = new FrameListener() {
            @Override
            public void onBookTicker(ConnectionSpec connection, StreamKey stream, BookTicker ticker, ReceivedFrame frame) {
                String key = connection.route() + ":" + ticker.symbol();
                lastTicker.put(key, ticker.bidPrice().toPlainString() + "/" + ticker.askPrice().toPlainString());
                tickerTimes.put(key, new long[] {ticker.eventTimeMs(), ticker.updateId()});
                Long latest = latestUpdateId.get(key);
                if (latest != null && ticker.updateId() <= latest) {
                    nonIncreasingUpdateIds.add(key);
                }
                latestUpdateId.merge(key, ticker.updateId(), Math::max);
            }

            @Override
            public void onMarkPrice(ConnectionSpec connection, StreamKey stream, MarkPrice markPrice, ReceivedFrame frame) {
                markPrices.add(markPrice.symbol() + ":" + markPrice.markPrice().toPlainString() + ":" + markPrice.fundingRate().toPlainString());
                nextFundingTimes.add(markPrice.nextFundingTimeMs());
            }

            @Override
            public void onRejected(ConnectionSpec connection, ParseStatus reason, ReceivedFrame frame) {
                rejected.add(reason);
            }
        };
        ConnectionListener lifecycle = new ConnectionListener() {
            @Override
            public void onConnected(ConnectionSpec connection) {
                connects.incrementAndGet();
            }

            @Override
            public void onDisconnected(ConnectionSpec connection, DisconnectCause cause, String detail) {
                disconnects.add(connection.route() + ":" + cause);
            }

            @Override
            public void onReconnectScheduled(ConnectionSpec connection, Duration delay, int attempt, DisconnectCause cause) {
            }
        };
        SymbolTable symbols = new SymbolTable(List.of("BTCUSDT", "ETHUSDT"));
        for (ConnectionSpec spec : plan) {
            StreamConnection connection = new StreamConnection(spec, StreamSettings.defaults(), symbols, frames, lifecycle, Clock.systemUTC());
            connection.start();
            connections.add(connection);
        }
        await().atMost(WAIT).until(() -> connects.get() >= plan.size());
    }

    @AfterEach
    void stop() {
        connections.forEach(StreamConnection::stop);
        admin("DELETE", "/admin/faults", null);
    }

    String admin(String method, String path, String json) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                    .build();
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void bookTickersOfBothVenuesParseWithUncrossedPrices() {
        await().atMost(WAIT).until(() -> lastTicker.keySet().containsAll(List.of(
                StreamRoute.SPOT + ":BTCUSDT", StreamRoute.SPOT + ":ETHUSDT",
                StreamRoute.USDM_PUBLIC + ":BTCUSDT", StreamRoute.USDM_PUBLIC + ":ETHUSDT")));

        for (String quote : lastTicker.values()) {
            String[] bidAsk = quote.split("/");
            assertThat(new BigDecimal(bidAsk[0])).isLessThan(new BigDecimal(bidAsk[1]));
        }
        assertThat(tickerTimes.get(StreamRoute.USDM_PUBLIC + ":BTCUSDT")[0]).isPositive();
        assertThat(tickerTimes.get(StreamRoute.SPOT + ":BTCUSDT")[1]).isPositive();
        assertThat(rejected).isEmpty();
    }

    @Test
    void markPriceParsesWithTheNextFundingTimeOfPremiumIndex() throws Exception {
        await().atMost(WAIT).until(() -> markPrices.stream().anyMatch(m -> m.startsWith("BTCUSDT:")));
        long premiumNext = JsonMapper.builder().build()
                .readTree(HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/futures/fapi/v1/premiumIndex?symbol=BTCUSDT")).build(),
                        HttpResponse.BodyHandlers.ofString()).body())
                .get("nextFundingTime").asLong();

        assertThat(nextFundingTimes).contains(premiumNext);
        assertThat(markPrices).allMatch(m -> new BigDecimal(m.split(":")[1]).signum() > 0);
    }

    @Test
    void serverShutdownIsRecognisedAndTheClientReconnects() {
        int before = connects.get();

        admin("POST", "/admin/market/shutdown-notice", "{\"venue\":\"SPOT\"}");

        await().atMost(WAIT).until(() -> disconnects.contains(StreamRoute.SPOT + ":" + DisconnectCause.SERVER_SHUTDOWN));
        await().atMost(WAIT).until(() -> connects.get() > before);
    }

    @Test
    void injectedDisconnectIsSeenAsAServerCloseAndTheClientReconnects() {
        int before = connects.get();

        admin("POST", "/admin/faults/disconnect", "{\"venue\":\"USDM\"}");

        await().atMost(WAIT).until(() -> disconnects.stream().anyMatch(d -> d.startsWith("USDM")));
        await().atMost(WAIT).until(() -> connects.get() >= before + 2);
    }

    @Test
    void malformedFramesAreRejectedAndTheConnectionCarriesOn() {
        await().atMost(WAIT).until(() -> lastTicker.containsKey(StreamRoute.USDM_PUBLIC + ":BTCUSDT"));

        admin("POST", "/admin/faults/malformed-frames", "{\"venue\":\"USDM\",\"count\":5}");

        await().atMost(WAIT).until(() -> rejected.size() >= 1);
        lastTicker.clear();
        await().atMost(WAIT).until(() -> lastTicker.containsKey(StreamRoute.USDM_PUBLIC + ":BTCUSDT"));
    }

    @Test
    void replayedFramesParseAsValidBookTickersWithNonIncreasingUpdateIdsOnBothVenues() {
        await().atMost(WAIT).until(() -> lastTicker.keySet().containsAll(List.of(
                StreamRoute.SPOT + ":BTCUSDT", StreamRoute.USDM_PUBLIC + ":BTCUSDT")));
        assertThat(nonIncreasingUpdateIds).as("without the fault every stream's ids increase").isEmpty();

        admin("POST", "/admin/faults/replay-frames", "{\"count\":4}");

        await().atMost(WAIT).until(() -> nonIncreasingUpdateIds.stream().anyMatch(k -> k.startsWith(StreamRoute.SPOT + ":"))
                && nonIncreasingUpdateIds.stream().anyMatch(k -> k.startsWith(StreamRoute.USDM_PUBLIC + ":")));
        assertThat(rejected).as("a replayed frame is well formed: only its update id gives it away").isEmpty();
    }
}
