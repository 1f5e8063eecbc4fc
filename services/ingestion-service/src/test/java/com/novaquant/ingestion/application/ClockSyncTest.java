package com.novaquant.ingestion.application;

import com.novaquant.binance.auth.TradingMode;
import com.novaquant.binance.rest.BinanceClientConfig;
import com.novaquant.binance.rest.BinanceRestClient;
import com.novaquant.events.Venue;
import com.novaquant.ingestion.adapter.binance.BinanceServerClock;
import com.novaquant.ingestion.domain.ClockOffset;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clock offset against a real HTTP server on loopback whose clock runs {@link #SKEW_MS} ahead. A request held up
 * before the server reads its clock (as a cold client's first request is, or one sent from a busy host) skews a
 * midpoint estimate by half the delay.
 */
class ClockSyncTest {

    static final long SKEW_MS = 5_000;
    /** Generous: the first request of a JVM pays for Netty's start-up on a busy 2-core machine. */
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final IngestionMetrics metrics = new IngestionMetrics(registry, new FeedMonitor(List.of(), Duration.ofMillis(200),
            Duration.ofSeconds(2), Duration.ofSeconds(10), System::nanoTime), Duration.ofMillis(200));
    final ClockOffsets offsets = new ClockOffsets();
    final AtomicInteger requests = new AtomicInteger();
    /** Milliseconds the n-th request (from 0) waits before the server reads its clock; negative: answer 500. */
    volatile IntToLongFunction delayBeforeClock = n -> 0;
    HttpServer server;
    BinanceRestClient client;
    BinanceServerClock serverClock;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fapi/v1/time", this::answer);
        server.createContext("/api/v3/time", this::answer);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        client = BinanceRestClient.forPublicData(BinanceClientConfig.builder(TradingMode.PAPER, URI.create(url),
                URI.create(url)).responseTimeout(TIMEOUT).build(), null);
        serverClock = new BinanceServerClock(client);
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        long delay = delayBeforeClock.applyAsLong(requests.getAndIncrement());
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = ("{\"serverTime\":" + (System.currentTimeMillis() + SKEW_MS) + "}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(delay < 0 ? 500 : 200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    ClockSync sync(int samples) {
        return new ClockSync(serverClock, offsets, metrics, TIMEOUT, samples, Duration.ofMillis(100));
    }

    @Test
    void theOffsetComesFromTheSampleWithTheShortestRoundTrip() {
        delayBeforeClock = n -> n == 0 ? 600 : 0;
        try (ClockSync sync = sync(5)) {
            sync.sync(Venue.USDM);
        }

        ClockOffset offset = offsets.get(Venue.USDM);
        assertThat(offset.offsetMillis()).isBetween(SKEW_MS - 50, SKEW_MS + 50);
        assertThat(offset.roundTripMillis()).isLessThanOrEqualTo(100);
        assertThat(registry.get("nova.ingestion.clock.round.trip").tag("venue", "USDM").timeGauge().value())
                .isEqualTo(offset.roundTripMillis() / 1000.0);
    }

    /**
     * A request held 600 ms before the clock read would land ~300 ms off; alone, or with every other sample of the
     * sync slow too, it is over the round-trip bound, and the previous offset stays.
     */
    @ParameterizedTest(name = "{0} sample(s), each held {1} ms")
    @CsvSource({"1, 600", "3, 250"})
    void aSyncOfOnlySlowSamplesKeepsThePreviousOffsetAndIsCounted(int samples, long delayMs) {
        delayBeforeClock = n -> delayMs;
        offsets.set(Venue.USDM, new ClockOffset(SKEW_MS, 3));
        try (ClockSync sync = sync(samples)) {
            sync.sync(Venue.USDM);
        }

        assertThat(offsets.get(Venue.USDM)).isEqualTo(new ClockOffset(SKEW_MS, 3));
        assertThat(registry.get("nova.ingestion.clock.sync.imprecise").tag("venue", "USDM").counter().count()).isEqualTo(1);
        assertThat(requests).hasValue(samples);
    }

    @Test
    void aSyncWithNoAnswerKeepsThePreviousOffsetAndCountsAFailure() {
        delayBeforeClock = n -> -1;
        offsets.set(Venue.USDM, new ClockOffset(-40, 4));
        try (ClockSync sync = sync(2)) {
            sync.sync(Venue.USDM);
        }

        assertThat(offsets.get(Venue.USDM)).isEqualTo(new ClockOffset(-40, 4));
        assertThat(registry.get("nova.ingestion.clock.sync.failures").tag("venue", "USDM").counter().count()).isEqualTo(1);
    }

    @Test
    void oneFailedSampleAmongGoodOnesStillSyncs() {
        delayBeforeClock = n -> n == 1 ? -1 : 0;
        try (ClockSync sync = sync(3)) {
            sync.sync(Venue.SPOT);
        }

        assertThat(offsets.get(Venue.SPOT).offsetMillis()).isBetween(SKEW_MS - 50, SKEW_MS + 50);
        assertThat(registry.get("nova.ingestion.clock.sync.failures").tag("venue", "SPOT").counter().count()).isZero();
        assertThat(registry.get("nova.ingestion.clock.sync.imprecise").tag("venue", "SPOT").counter().count()).isZero();
    }
}
