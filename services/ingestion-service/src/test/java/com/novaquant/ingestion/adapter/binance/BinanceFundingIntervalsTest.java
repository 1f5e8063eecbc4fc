package com.novaquant.ingestion.adapter.binance;

import com.novaquant.binance.auth.TradingMode;
import com.novaquant.binance.rest.BinanceClientConfig;
import com.novaquant.binance.rest.BinanceRestClient;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code GET /fapi/v1/fundingInfo} through binance-client against a loopback server answering as Binance does. */
class BinanceFundingIntervalsTest {

    private HttpServer server;
    private BinanceRestClient client;
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> body = new AtomicReference<>("[]");
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/futures/fapi/v1/fundingInfo", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        client = BinanceRestClient.forPublicData(BinanceClientConfig.builder(TradingMode.PAPER,
                base.resolve("/spot"), base.resolve("/futures")).readRetries(0).build(), null);
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    @Test
    void listedSymbolsHaveTheirIntervalAndTheOthersBinancesDefault() {
        body.set("""
                [{"symbol":"ETHUSDT","adjustedFundingRateCap":"0.02","adjustedFundingRateFloor":"-0.02",
                  "fundingIntervalHours":4,"disclaimer":false},
                 {"symbol":"SOLUSDT","adjustedFundingRateCap":"0.03","adjustedFundingRateFloor":"-0.03",
                  "fundingIntervalHours":1,"disclaimer":false}]""");

        Map<String, Integer> intervals = new BinanceFundingIntervals(client.futures())
                .intervals(List.of("BTCUSDT", "ETHUSDT")).join();

        assertThat(intervals).containsExactlyInAnyOrderEntriesOf(Map.of("BTCUSDT", 8, "ETHUSDT", 4));
        assertThat(requests).containsExactly("GET /futures/fapi/v1/fundingInfo");
    }

    @Test
    void anExchangeErrorFailsTheRead() {
        status.set(503);
        body.set("{\"code\":-1001,\"msg\":\"Internal error; unable to process your request. Please try again.\"}");

        assertThatThrownBy(() -> new BinanceFundingIntervals(client.futures()).intervals(List.of("BTCUSDT")).join())
                .isInstanceOf(CompletionException.class);
    }
}
