package com.novaquant.binance.stream;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class StreamPlannerTest {

    @Test
    void spotBookTickersUsdmBookTickersAndMarkPricesGoToTheirRoutes() {
        List<ConnectionSpec> plan = StreamPlanner.plan("wss://stream.binance.com:9443", "wss://fstream.binance.com/",
                List.of("BTCUSDT", "ethusdt"), 1, 1);
        assertThat(plan).extracting(c -> c.url().toString()).containsExactly(
                "wss://stream.binance.com:9443/stream?streams=btcusdt@bookTicker/ethusdt@bookTicker",
                "wss://fstream.binance.com/public/stream?streams=btcusdt@bookTicker/ethusdt@bookTicker",
                "wss://fstream.binance.com/market/stream?streams=btcusdt@markPrice@1s/ethusdt@markPrice@1s");
        assertThat(plan).extracting(ConnectionSpec::name).containsExactly("spot-0", "usdm-public-0", "usdm-market-0");
        assertThat(plan.stream().flatMap(c -> c.streams().stream()).map(s -> s.id())).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(plan.get(1).streams().get(1).symbol()).isEqualTo("ETHUSDT");
    }

    @Test
    void simulatorBaseUrlsWithAPathKeepThePath() {
        List<ConnectionSpec> plan = StreamPlanner.plan("ws://localhost:8090/spot", "ws://localhost:8090/futures", List.of("BTCUSDT"), 1, 1);
        assertThat(plan.get(0).url().toString()).isEqualTo("ws://localhost:8090/spot/stream?streams=btcusdt@bookTicker");
        assertThat(plan.get(2).url().toString()).isEqualTo("ws://localhost:8090/futures/market/stream?streams=btcusdt@markPrice@1s");
    }

    @Test
    void symbolsAreSplitOverTheConfiguredConnections() {
        List<String> symbols = List.of("AUSDT", "BUSDT", "CUSDT", "DUSDT", "EUSDT");
        List<ConnectionSpec> plan = StreamPlanner.plan("ws://h", "ws://h", symbols, 2, 3);
        assertThat(plan.stream().filter(c -> c.route() == StreamRoute.SPOT)).extracting(c -> c.streams().size()).containsExactly(3, 2);
        assertThat(plan.stream().filter(c -> c.route() == StreamRoute.USDM_MARKET)).extracting(c -> c.streams().size()).containsExactly(2, 2, 1);
    }

    @Test
    void noConnectionCarriesMoreThan1024Streams() {
        List<String> symbols = IntStream.range(0, 2100).mapToObj(i -> "S" + i + "USDT").toList();
        List<ConnectionSpec> plan = StreamPlanner.plan("ws://h", "ws://h", symbols, 1, 1);
        assertThat(plan.stream().filter(c -> c.route() == StreamRoute.SPOT)).hasSize(3);
        assertThat(plan).allSatisfy(c -> assertThat(c.streams()).hasSizeLessThanOrEqualTo(1024));
    }
}
