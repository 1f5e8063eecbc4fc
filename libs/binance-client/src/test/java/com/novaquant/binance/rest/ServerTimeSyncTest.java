package com.novaquant.binance.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.novaquant.binance.auth.ServerTimeReading;
import com.novaquant.binance.outcome.Accepted;
import com.novaquant.binance.outcome.Unknown;
import com.novaquant.binance.terms.Side;
import com.novaquant.binance.testserver.FakeBinance;
import com.novaquant.binance.testserver.FakeBinance.Response;
import com.novaquant.ids.ClientOrderId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Server-time readings against a loopback server whose clock runs ahead of the JVM's and which can be slow to read
 * it or to answer: the offset must come from the reading with the shortest round trip, and a sync whose every
 * reading is slow must not move a sound offset.
 */
class ServerTimeSyncTest {

    private static final String SPOT_TIME = "GET /spot/api/v3/time";
    private static final long SKEW_MS = 5_000;

    private FakeBinance binance;
    private SimpleMeterRegistry registry;
    /** Held before the server reads its clock, then after it, per request. */
    private final AtomicLong holdBeforeReadMs = new AtomicLong();
    private final AtomicLong holdAfterReadMs = new AtomicLong();
    /** How many of the next requests are held (the rest are answered at once). */
    private final AtomicInteger heldRequestsLeft = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        binance = new FakeBinance();
        binance.skewClock(SKEW_MS);
        binance.always(SPOT_TIME, request -> {
            boolean held = heldRequestsLeft.getAndDecrement() > 0;
            sleep(held ? holdBeforeReadMs.get() : 0);
            Response answer = Response.ok("{\"serverTime\":" + binance.serverNowMs() + "}");
            return held ? answer.delayed(holdAfterReadMs.get()) : answer;
        });
        binance.always("POST /spot/api/v3/order", OrderResponses::spotFilled);
        registry = new SimpleMeterRegistry();
    }

    @AfterEach
    void stop() {
        binance.close();
    }

    @Test
    void aSlowFirstReadingIsOutvotedByTheFastOnesAfterIt() {
        // The server reads its clock 600 ms into the first request: from that reading alone the offset is ~300 ms
        // too high, so every timestamp would be 300 ms ahead of the venue.
        holdBeforeReadMs.set(600);
        heldRequestsLeft.set(1);
        try (BinanceRestClient client = Clients.against(binance, registry)) {
            client.start().join();

            assertThat(client.spot().clockOffsetMs()).isBetween(SKEW_MS - 40, SKEW_MS + 40);
            assertThat(gauge("nova.binance.clock.round.trip.ms")).isBetween(0.0, 100.0);
            assertThat(binance.received("GET", "/spot/api/v3/time")).hasSize(3);
        }
    }

    @Test
    void oneReadingPerSyncTakesTheSlowReadingsError() {
        // The same server with one reading per sync: the test above would fail the same way without best-of-three.
        holdBeforeReadMs.set(600);
        heldRequestsLeft.set(1);
        try (BinanceRestClient client = Clients.against(binance.spotUrl(), binance.futuresUrl(), Clients.CREDENTIALS,
                registry, b -> b.timeSyncSamples(1))) {
            client.start().join();

            assertThat(client.spot().clockOffsetMs()).isGreaterThan(SKEW_MS + 200);
        }
    }

    @Test
    void aSyncWhoseEveryReadingIsSlowKeepsTheOffsetAndIsCounted() {
        try (BinanceRestClient client = Clients.against(binance, registry)) {
            client.start().join();
            long sound = client.spot().clockOffsetMs();
            // The venue's clock moves 300 ms, and every reading now answers 1.5 s after the server read its clock:
            // each says only that the offset is between 3.8 and 5.3 s, so its midpoint (~4.55 s) would be further
            // from the truth (5.3 s) than the offset held.
            binance.skewClock(SKEW_MS + 300);
            holdAfterReadMs.set(1_500);
            heldRequestsLeft.set(3);

            client.spot().serverTime().join();

            assertThat(client.spot().clockOffsetMs()).isEqualTo(sound);
            assertThat(registry.get("nova.binance.time.sync.imprecise").tag("venue", "spot").counter().count())
                    .isEqualTo(1.0);
            assertThat(registry.find("nova.binance.time.resyncs").tag("trigger", "request").counter()).isNull();
        }
    }

    @Test
    void slowReadingsThatProveTheOffsetWrongAreTakenAndOrdersGoThrough() {
        try (BinanceRestClient client = Clients.against(binance.spotUrl(), binance.futuresUrl(), Clients.CREDENTIALS,
                registry, b -> b.recvWindow(Duration.ofSeconds(5)))) {
            client.start().join();
            // The venue's clock jumps 90 s while the link is slow: no reading is precise, but each shows the held
            // offset to be 85 s out, and a reading half a round trip off is far better than that.
            binance.skewClock(SKEW_MS + 90_000);
            holdAfterReadMs.set(1_500);
            heldRequestsLeft.set(3);

            client.spot().serverTime().join();

            assertThat(client.spot().clockOffsetMs()).isBetween(SKEW_MS + 88_000, SKEW_MS + 90_000);
            assertThat(client.spot().placeOrder(NewOrder.market("BTCUSDT", Side.BUY, new BigDecimal("0.01"),
                    new ClientOrderId("jump-1")))
                    .join()).isInstanceOf(Accepted.class);
        }
    }

    @Test
    void aSingleReadingIsTimedOnTheWireAndLeavesTheHeldOffsetAlone() {
        try (BinanceRestClient client = Clients.against(binance, registry)) {
            ServerTimeReading reading = client.spot().readServerTime().join();

            assertThat(reading.offsetMs()).isBetween(SKEW_MS - 40, SKEW_MS + 40);
            assertThat(reading.roundTripMs()).isBetween(0L, reading.receivedLocalMs() - reading.sentLocalMs());
            assertThat(client.spot().clockOffsetMs()).isZero();
            assertThat(binance.received("GET", "/spot/api/v3/time")).hasSize(1);
        }
    }

    @Test
    void aFailedReadingCompletesWithTheClassifiedOutcome() {
        binance.always(SPOT_TIME, request -> new Response(503, Map.of(), "", 0));
        try (BinanceRestClient client = Clients.against(binance, registry)) {
            assertThat(client.spot().readServerTime())
                    .failsWithin(Duration.ofSeconds(20))
                    .withThrowableOfType(ExecutionException.class)
                    .havingCause()
                    .isInstanceOfSatisfying(BinanceRequestException.class,
                            e -> assertThat(e.outcome()).isInstanceOf(Unknown.class));
        }
    }

    private double gauge(String name) {
        return registry.get(name).tag("venue", "spot").gauge().value();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
