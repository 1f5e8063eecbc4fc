package com.novaquant.simulator.application;

import com.novaquant.simulator.adapter.live.LiveSource;
import com.novaquant.simulator.domain.TestRules;
import com.novaquant.simulator.domain.accounts.FuturesAccount;
import com.novaquant.simulator.domain.accounts.PaperAccount;
import com.novaquant.simulator.domain.accounts.SpotAccount;
import com.novaquant.simulator.domain.clock.SimulationClock;
import com.novaquant.simulator.domain.market.Instrument;
import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.matching.OrderType;
import com.novaquant.simulator.domain.matching.Side;
import com.novaquant.simulator.domain.orders.FeeSchedule;
import com.novaquant.simulator.domain.orders.OrderRequest;
import com.novaquant.simulator.domain.orders.OrderView;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MarketSourcesTest {

    final List<String> relayed = new CopyOnWriteArrayList<>();
    final RawFrameRelay relay = (venue, stream, payload) -> relayed.add(venue + " " + stream + " " + payload);
    SymbolMarket btc;
    Markets markets;
    TestExchange exchange;

    @BeforeEach
    void setUp() {
        btc = new SymbolMarket(new Instrument("BTCUSDT", "BTC", "USDT", new BigDecimal("64000"),
                TestRules.SPOT, TestRules.FUTURES, Duration.ofHours(8)), new BigDecimal("0.0001"));
        markets = new Markets(List.of(btc));
        FuturesUserEvents none = new SilentUserEvents();
        exchange = TestExchange.of(markets, List.of(new PaperAccount("k", "s", new SpotAccount(Map.of("USDT", new BigDecimal("100000"))),
                new FuturesAccount(new BigDecimal("100000"), 20))),
                new FeeSchedule(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO), new SimulationClock(1), none, new FundingHistory());
    }

    @Test
    void replayDeliversRecordedFramesSkipsMalformedLinesAndDrivesTheBook(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("capture.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"t\":1772000000000000,\"venue\":\"SPOT\",\"stream\":\"btcusdt@bookTicker\",\"frame\":{\"u\":5,\"s\":\"BTCUSDT\",\"b\":\"64000.00\",\"B\":\"1.5\",\"a\":\"64000.01\",\"A\":\"2\"}}",
                "this is not json",
                "{\"t\":1772000000050000,\"venue\":\"USDM\",\"stream\":\"btcusdt@markPrice@1s\",\"frame\":{\"e\":\"markPriceUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"p\":\"64010.5\",\"ap\":\"64010\",\"i\":\"64000.2\",\"P\":\"64000\",\"r\":\"0.00020000\",\"T\":2}}",
                "{\"t\":1772000000060000,\"venue\":\"MARS\",\"stream\":\"btcusdt@bookTicker\",\"frame\":{}}"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ReplaySource replay = new ReplaySource(file, 10, false, markets, exchange.restingOrders(), relay, registry);

        replay.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> relayed.size() == 2);
        replay.close();

        assertThat(relayed.get(0)).startsWith("SPOT btcusdt@bookTicker {\"u\":5");
        assertThat(relayed.get(1)).startsWith("USDM btcusdt@markPrice@1s");
        assertThat(registry.counter("nova.simulator.replay.malformed").count()).isEqualTo(2);
        assertThat(btc.book(Venue.SPOT).bestAsk().price()).isEqualByComparingTo("64000.01");
        assertThat(btc.markPrice()).isEqualByComparingTo("64010.5");
        assertThat(btc.fundingRate()).isEqualByComparingTo("0.0002");
        OrderView fill = exchange.orders().place("k", new OrderRequest(Venue.SPOT, "BTCUSDT", Side.BUY, OrderType.MARKET, null,
                new BigDecimal("1"), null, null, "r1", false), null);
        assertThat(fill.fills().getFirst().fill().price()).isEqualByComparingTo("64000.01");
    }

    @Test
    void liveSourceRelaysCombinedStreamsFromAConfigurableServer() {
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .ws("/stream", (in, out) -> out.sendString(Flux.just(
                                "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":9,\"s\":\"BTCUSDT\",\"b\":\"63000.00\",\"B\":\"1\",\"a\":\"63000.05\",\"A\":\"1\"}}")).neverComplete())
                        .ws("/public/stream", (in, out) -> out.sendString(Flux.just(
                                "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"e\":\"bookTicker\",\"u\":11,\"E\":1,\"T\":1,\"s\":\"BTCUSDT\",\"b\":\"63010.0\",\"B\":\"2\",\"a\":\"63010.1\",\"A\":\"3\"}}")).neverComplete())
                        .ws("/market/stream", (in, out) -> out.sendString(Flux.just(
                                "{\"stream\":\"btcusdt@markPrice@1s\",\"data\":{\"e\":\"markPriceUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"p\":\"63011\",\"ap\":\"63011\",\"i\":\"63000\",\"P\":\"63000\",\"r\":\"-0.0001\",\"T\":2}}")).neverComplete()))
                .bindNow();
        String root = "ws://127.0.0.1:" + server.port();
        LiveSource live = new LiveSource(root, root, markets, exchange.restingOrders(), relay);
        try {
            live.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> relayed.size() >= 3);

            assertThat(relayed).anyMatch(r -> r.startsWith("SPOT btcusdt@bookTicker {\"u\":9"));
            assertThat(relayed).anyMatch(r -> r.startsWith("USDM btcusdt@markPrice@1s"));
            assertThat(btc.book(Venue.SPOT).bestBid().price()).isEqualByComparingTo("63000.00");
            assertThat(btc.book(Venue.USDM).bestAsk().price()).isEqualByComparingTo("63010.1");
            assertThat(btc.fundingRate()).isEqualByComparingTo("-0.0001");
        } finally {
            live.close();
            server.disposeNow();
        }
    }
}
