package com.novaquant.binance.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.novaquant.binance.outcome.Accepted;
import com.novaquant.binance.outcome.NotSent;
import com.novaquant.binance.outcome.NotSentReason;
import com.novaquant.binance.outcome.OrderOutcome;
import com.novaquant.binance.outcome.Rejected;
import com.novaquant.binance.terms.Side;
import com.novaquant.binance.terms.Venue;
import com.novaquant.binance.testserver.FakeBinance;
import com.novaquant.binance.testserver.FakeBinance.Response;
import com.novaquant.ids.ClientOrderId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 429 + Retry-After, 418 bans, rate-limit headers, local budgets from exchangeInfo, circuit breaker. */
class RateLimitsTest {

    private static final String SPOT_ORDER = "/spot/api/v3/order";
    private static final String FUTURES_ORDER = "/futures/fapi/v1/order";

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T10:00:00Z"));
    private FakeBinance binance;
    private SimpleMeterRegistry registry;
    private BinanceRestClient client;

    @BeforeEach
    void start() throws Exception {
        binance = new FakeBinance();
        binance.always("POST " + SPOT_ORDER, OrderResponses::spotFilled);
        binance.always("POST " + FUTURES_ORDER, OrderResponses::futuresFilled);
        registry = new SimpleMeterRegistry();
        client = Clients.against(binance.spotUrl(), binance.futuresUrl(), Clients.CREDENTIALS, registry, b -> b,
                now::get);
    }

    @AfterEach
    void stop() {
        client.close();
        binance.close();
    }

    private static NewOrder order(String id) {
        return NewOrder.market("BTCUSDT", Side.BUY, new BigDecimal("0.01"), new ClientOrderId(id));
    }

    @Test
    void http429WithRetryAfterRefusesLocallyUntilItEnds() {
        binance.enqueue("POST " + SPOT_ORDER, Response.error(429, -1003, "Too much request weight used")
                .withHeader("Retry-After", "30"));

        OrderOutcome limited = client.spot().placeOrder(order("rl-1")).join();
        OrderOutcome refused = client.spot().placeOrder(order("rl-2")).join();

        assertThat(limited).isEqualTo(new Rejected(-1003, "Too much request weight used"));
        assertThat(refused).isInstanceOfSatisfying(NotSent.class, n -> {
            assertThat(n.reason()).isEqualTo(NotSentReason.RATE_LIMITED);
            assertThat(n.retryAfter()).contains(now.get().plusSeconds(30));
        });
        assertThat(binance.received("POST", SPOT_ORDER)).hasSize(1);
        assertThat(registry.get("nova.binance.rate.limited").tag("venue", "spot").counter().count()).isEqualTo(1);
        assertThat(client.futures().placeOrder(order("other-venue")).join()).isInstanceOf(Accepted.class);

        now.set(now.get().plusSeconds(29));
        assertThat(client.spot().placeOrder(order("rl-3")).join()).isInstanceOf(NotSent.class);
        now.set(now.get().plusSeconds(2));
        assertThat(client.spot().placeOrder(order("rl-4")).join()).isInstanceOf(Accepted.class);
        assertThat(binance.received("POST", SPOT_ORDER)).hasSize(2);
    }

    /** Spot and USD-M ban apart: a 418 on spot refuses spot until it lifts and must not stop an unwind on USD-M. */
    @Test
    void http418BansThatVenuesRequestsUntilTheBanLiftsAndLeavesTheOtherVenueOpen() {
        binance.enqueue("POST " + SPOT_ORDER, Response.error(418, -1003,
                "Way too much request weight used; IP banned until 1772000060000.").withHeader("Retry-After", "120"));

        OrderOutcome banned = client.spot().placeOrder(order("ban-1")).join();
        OrderOutcome futuresDuringBan = client.futures().placeOrder(order("ban-2")).join();
        OrderOutcome queryDuringBan = client.spot().queryOrder("BTCUSDT", new ClientOrderId("ban-1")).join();

        assertThat(banned).isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo(-1003));
        assertThat(futuresDuringBan).isInstanceOf(Accepted.class);
        assertThat(queryDuringBan).isInstanceOfSatisfying(NotSent.class,
                n -> assertThat(n.reason()).isEqualTo(NotSentReason.BANNED));
        assertThat(client.bannedUntil(Venue.SPOT)).contains(now.get().plusSeconds(120));
        assertThat(client.bannedUntil(Venue.USDM)).isEmpty();
        assertThat(registry.get("nova.binance.ban.active").tag("venue", "spot").gauge().value()).isEqualTo(1.0);
        assertThat(registry.get("nova.binance.ban.active").tag("venue", "usdm").gauge().value()).isEqualTo(0.0);
        assertThat(registry.get("nova.binance.bans").tag("venue", "spot").counter().count()).isEqualTo(1.0);
        assertThat(binance.received("POST", SPOT_ORDER)).hasSize(1);

        assertThat(client.bannedUntil()).contains(now.get().plusSeconds(120));
        now.set(now.get().plusSeconds(121));
        assertThat(client.bannedUntil()).isEmpty();
        assertThat(client.spot().placeOrder(order("ban-3")).join()).isInstanceOf(Accepted.class);
        assertThat(registry.get("nova.binance.ban.active").tag("venue", "spot").gauge().value()).isEqualTo(0.0);
    }

    @Test
    void usedWeightAndOrderCountHeadersBecomeGauges() {
        binance.always("POST " + SPOT_ORDER,
                r -> OrderResponses.spotFilled(r).withHeader("X-MBX-USED-WEIGHT-1M", "1234"));

        client.spot().placeOrder(order("w-1")).join();
        client.futures().placeOrder(order("w-2")).join();

        assertThat(registry.get("nova.binance.used.weight").tag("venue", "spot").gauge().value()).isEqualTo(1234);
        assertThat(registry.get("nova.binance.order.count").tag("venue", "spot").tag("window", "10s").gauge()
                .value()).isEqualTo(3);
        assertThat(registry.get("nova.binance.order.count").tag("venue", "spot").tag("window", "1d").gauge()
                .value()).isEqualTo(17);
        assertThat(registry.get("nova.binance.order.count").tag("venue", "usdm").tag("window", "1m").gauge()
                .value()).isEqualTo(5);
        assertThat(registry.get("nova.binance.request").tag("venue", "usdm").tag("endpoint", "/fapi/v1/order")
                .tag("class", "accepted").timer().count()).isEqualTo(1);
    }

    @Test
    void localOrderBudgetSizedFromExchangeInfoRefusesOrdersBeyondIt() {
        binance.always("GET /spot/api/v3/exchangeInfo", r -> Response.ok("""
                {"serverTime":1772000000000,
                 "rateLimits":[{"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":6000},
                               {"rateLimitType":"ORDERS","interval":"SECOND","intervalNum":10,"limit":2}],
                 "symbols":[{"symbol":"BTCUSDT","status":"TRADING","baseAsset":"BTC","quoteAsset":"USDT",
                             "filters":[]}]}"""));
        try (BinanceRestClient strict = Clients.against(binance.spotUrl(), binance.futuresUrl(),
                Clients.CREDENTIALS, null, b -> b.weightBudgetFraction(1.0))) {
            strict.spot().exchangeInfo().join();

            OrderOutcome first = strict.spot().placeOrder(order("budget-1")).join();
            OrderOutcome second = strict.spot().placeOrder(order("budget-2")).join();
            OrderOutcome third = strict.spot().placeOrder(order("budget-3")).join();

            assertThat(first).isInstanceOf(Accepted.class);
            assertThat(second).isInstanceOf(Accepted.class);
            assertThat(third).isInstanceOfSatisfying(NotSent.class, n -> {
                assertThat(n.reason()).isEqualTo(NotSentReason.RATE_LIMITED);
                assertThat(n.detail()).contains("order-count budget");
            });
            assertThat(binance.received("POST", SPOT_ORDER)).hasSize(2);
        }
    }

    @Test
    void localWeightBudgetIsAShareOfTheExchangeLimit() {
        binance.always("GET /spot/api/v3/exchangeInfo", r -> Response.ok("""
                {"serverTime":1772000000000,
                 "rateLimits":[{"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":60}],
                 "symbols":[]}"""));
        binance.always("GET " + SPOT_ORDER, r -> OrderResponses.spotStatus(r, "NEW"));
        try (BinanceRestClient strict = Clients.against(binance.spotUrl(), binance.futuresUrl(),
                Clients.CREDENTIALS, null, b -> b.weightBudgetFraction(0.1))) {
            strict.spot().exchangeInfo().join();

            OrderOutcome first = strict.spot().queryOrder("BTCUSDT", new ClientOrderId("q-1")).join();
            OrderOutcome second = strict.spot().queryOrder("BTCUSDT", new ClientOrderId("q-2")).join();

            assertThat(first).isInstanceOf(Accepted.class);
            assertThat(second).isInstanceOfSatisfying(NotSent.class, n -> {
                assertThat(n.reason()).isEqualTo(NotSentReason.RATE_LIMITED);
                assertThat(n.detail()).contains("request-weight budget");
            });
        }
    }

    @Test
    void usedWeightNearTheExchangeLimitStopsWeightedRequestsUntilTheMinuteTurns() {
        client.spot().exchangeInfo().join();
        binance.enqueue("GET " + SPOT_ORDER, OrderResponses.spotStatus(
                new FakeBinance.Received("GET", SPOT_ORDER, "", java.util.Map.of("origClientOrderId", "heavy-1"),
                        FakeBinance.API_KEY, ""), "NEW").withHeader("X-MBX-USED-WEIGHT-1M", "5750"));
        binance.always("GET " + SPOT_ORDER, r -> OrderResponses.spotStatus(r, "NEW"));

        OrderOutcome heavy = client.spot().queryOrder("BTCUSDT", new ClientOrderId("heavy-1")).join();
        OrderOutcome refused = client.spot().queryOrder("BTCUSDT", new ClientOrderId("heavy-2")).join();

        assertThat(heavy).isInstanceOf(Accepted.class);
        assertThat(refused).isInstanceOfSatisfying(NotSent.class, n -> {
            assertThat(n.reason()).isEqualTo(NotSentReason.RATE_LIMITED);
            assertThat(n.detail()).contains("X-MBX-USED-WEIGHT-1M").contains("6000");
            assertThat(n.retryAfter()).contains(Instant.parse("2026-11-25T10:01:00Z"));
        });
        now.set(Instant.parse("2026-11-25T10:01:00.001Z"));
        assertThat(client.spot().queryOrder("BTCUSDT",
                new ClientOrderId("heavy-3")).join()).isInstanceOf(Accepted.class);
    }

    @Test
    void circuitBreakerOpensAfterRepeatedConnectFailures() throws Exception {
        URI closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + probe.getLocalPort() + "/spot");
        }
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (BinanceRestClient failing = Clients.against(closed, closed, Clients.CREDENTIALS, metrics, b -> b)) {
            for (int i = 0; i < 5; i++) {
                assertThat(failing.spot().placeOrder(order("cb-" + i)).join()).isInstanceOfSatisfying(NotSent.class,
                        n -> assertThat(n.reason()).isEqualTo(NotSentReason.CONNECT_FAILED));
            }

            OrderOutcome refused = failing.spot().placeOrder(order("cb-open")).join();

            assertThat(refused).isInstanceOfSatisfying(NotSent.class,
                    n -> assertThat(n.reason()).isEqualTo(NotSentReason.CIRCUIT_OPEN));
            assertThat(metrics.get("nova.binance.circuit.open").tag("venue", "spot").gauge().value()).isEqualTo(1.0);
            assertThat(metrics.get("nova.binance.circuit.open").tag("venue", "usdm").gauge().value()).isEqualTo(0.0);
        }
    }
}
