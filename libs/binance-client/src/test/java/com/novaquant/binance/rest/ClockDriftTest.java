package com.novaquant.binance.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.novaquant.binance.outcome.Accepted;
import com.novaquant.binance.outcome.OrderOutcome;
import com.novaquant.binance.outcome.Rejected;
import com.novaquant.binance.terms.Side;
import com.novaquant.binance.testserver.FakeBinance;
import com.novaquant.ids.ClientOrderId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The clients use recvWindow 60 s (so a loaded machine cannot cause -1021 by itself); the loopback server's clock
 * is skewed against the JVM's, and enforces Binance's rule
 * ({@code timestamp < serverTime + 1000}, {@code serverTime - timestamp <= recvWindow}).
 */
class ClockDriftTest {

    private static final String SPOT_ORDER = "/spot/api/v3/order";
    private static final String FUTURES_ORDER = "/futures/fapi/v1/order";

    private FakeBinance binance;
    private SimpleMeterRegistry registry;

    @BeforeEach
    void start() throws Exception {
        binance = new FakeBinance();
        binance.always("POST " + SPOT_ORDER, OrderResponses::spotFilled);
        binance.always("POST " + FUTURES_ORDER, OrderResponses::futuresFilled);
        binance.always("GET " + SPOT_ORDER, r -> OrderResponses.spotStatus(r, "NEW"));
        registry = new SimpleMeterRegistry();
    }

    @AfterEach
    void stop() {
        binance.close();
    }

    private static NewOrder order(String id) {
        return NewOrder.market("BTCUSDT", Side.BUY, new BigDecimal("0.01"), new ClientOrderId(id));
    }

    @Test
    void serverClockNinetySecondsAheadIsCorrectedAtStartSoNoOrderMeets1021() {
        binance.skewClock(90_000);
        try (BinanceRestClient client = Clients.against(binance, registry)) {
            client.start().join();

            OrderOutcome spot = client.spot().placeOrder(order("drift-1")).join();
            OrderOutcome futures = client.futures().placeOrder(order("drift-2")).join();

            assertThat(spot).isInstanceOf(Accepted.class);
            assertThat(futures).isInstanceOf(Accepted.class);
            assertThat(client.spot().clockOffsetMs()).isBetween(85_000L, 95_000L);
            assertThat(registry.get("nova.binance.clock.offset.ms").tag("venue", "spot").gauge().value())
                    .isBetween(85_000.0, 95_000.0);
        }
    }

    @Test
    void withoutSynchronisationTheSameDriftIsRejected1021() {
        binance.skewClock(90_000);
        try (BinanceRestClient client = Clients.against(binance, registry)) {
            OrderOutcome outcome = client.spot().placeOrder(order("unsynced")).join();

            assertThat(outcome).isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo(-1021));
        }
    }

    @Test
    void driftAppearingMidRunTriggersAResyncOn1021AndQueriesAreRetried() {
        try (BinanceRestClient client = Clients.against(binance, registry)) {
            client.start().join();
            binance.skewClock(-4_000);

            OrderOutcome query = client.spot().queryOrder("BTCUSDT", new ClientOrderId("mid-run")).join();

            assertThat(query).isInstanceOf(Accepted.class);
            assertThat(binance.received("GET", SPOT_ORDER)).hasSize(2);
            assertThat(client.spot().clockOffsetMs()).isBetween(-5_000L, -3_000L);
            assertThat(registry.get("nova.binance.time.resyncs").tag("venue", "spot")
                    .tag("trigger", "invalid_timestamp").counter().count()).isGreaterThanOrEqualTo(1.0);
        }
    }

    @Test
    void aPlacementMeeting1021IsRejectedOnceNotRetriedAndTheNextOneSucceeds() {
        try (BinanceRestClient client = Clients.against(binance, registry)) {
            client.start().join();
            binance.skewClock(-4_000);

            OrderOutcome first = client.futures().placeOrder(order("skew-1")).join();

            assertThat(first).isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo(-1021));
            assertThat(binance.received("POST", FUTURES_ORDER)).hasSize(1);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> client.futures().clockOffsetMs() < -3_000L);
            assertThat(client.futures().placeOrder(order("skew-2")).join()).isInstanceOf(Accepted.class);
        }
    }

    @Test
    void periodicSynchronisationFollowsAGradualDrift() {
        try (BinanceRestClient client = Clients.against(binance.spotUrl(), binance.futuresUrl(),
                Clients.CREDENTIALS, registry, b -> b.timeSyncInterval(Duration.ofMillis(200)))) {
            client.start().join();
            binance.skewClock(2_500);

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> client.spot().clockOffsetMs() > 2_000L && client.futures().clockOffsetMs() > 2_000L);
            assertThat(registry.get("nova.binance.time.resyncs").tag("trigger", "scheduled").counters())
                    .isNotEmpty();
        }
    }
}
