package com.novaquant.binance.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.novaquant.binance.auth.Credentials;
import com.novaquant.binance.outcome.Accepted;
import com.novaquant.binance.outcome.NotSent;
import com.novaquant.binance.outcome.NotSentReason;
import com.novaquant.binance.outcome.OrderOutcome;
import com.novaquant.binance.outcome.Rejected;
import com.novaquant.binance.outcome.Unknown;
import com.novaquant.binance.terms.OrderStatus;
import com.novaquant.binance.terms.OrderType;
import com.novaquant.binance.terms.Side;
import com.novaquant.binance.terms.TimeInForce;
import com.novaquant.binance.testserver.FakeBinance;
import com.novaquant.binance.testserver.FakeBinance.Received;
import com.novaquant.binance.testserver.FakeBinance.Response;
import com.novaquant.binance.testserver.ResettingServer;
import com.novaquant.ids.ClientOrderId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every outcome class, produced by a real HTTP exchange with a loopback server that answers like Binance. */
class OrderOutcomesTest {

    private static final String SPOT_ORDER = "/spot/api/v3/order";
    private static final String FUTURES_ORDER = "/futures/fapi/v1/order";

    private FakeBinance binance;
    private SimpleMeterRegistry registry;
    private BinanceRestClient client;

    @BeforeEach
    void start() throws Exception {
        binance = new FakeBinance();
        registry = new SimpleMeterRegistry();
        client = Clients.against(binance, registry);
    }

    @AfterEach
    void stop() {
        client.close();
        binance.close();
    }

    private static NewOrder spotMarketBuy(String clientId) {
        return NewOrder.market("BTCUSDT", Side.BUY, new BigDecimal("0.01"), new ClientOrderId(clientId));
    }

    @Test
    void spotMarketOrderFilledIsAcceptedWithFillsAndCommission() {
        binance.always("POST " + SPOT_ORDER, OrderResponses::spotFilled);

        OrderOutcome outcome = client.spot().placeOrder(spotMarketBuy("pair-1-spot")).join();

        assertThat(outcome).isInstanceOfSatisfying(Accepted.class, accepted -> {
            assertThat(accepted.orderId()).isEqualTo(40118823L);
            assertThat(accepted.clientOrderId()).isEqualTo("pair-1-spot");
            assertThat(accepted.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(accepted.executedQty()).isEqualByComparingTo("0.01");
            assertThat(accepted.cumulativeQuote()).isEqualByComparingTo("642.501");
            assertThat(accepted.averagePrice()).isEqualByComparingTo("64250.1");
            assertThat(accepted.fills()).hasSize(2);
            assertThat(accepted.fills().getFirst().commission()).isEqualByComparingTo("0.000006");
            assertThat(accepted.fills().getFirst().commissionAsset()).isEqualTo("BTC");
            assertThat(accepted.order().commissionIn("BTC")).isEqualByComparingTo("0.00001");
        });
        Received sent = binance.received("POST", SPOT_ORDER).getFirst();
        assertThat(sent.params()).containsEntry("symbol", "BTCUSDT").containsEntry("side", "BUY")
                .containsEntry("type", "MARKET").containsEntry("quantity", "0.01")
                .containsEntry("newClientOrderId", "pair-1-spot").containsEntry("newOrderRespType", "FULL")
                .containsEntry("recvWindow", "60000").containsKey("timestamp");
        assertThat(sent.apiKeyHeader()).isEqualTo(FakeBinance.API_KEY);
    }

    @Test
    void signatureIsHmacOfExactlyTheQueryStringSentAndComesLast() {
        binance.always("POST " + SPOT_ORDER, OrderResponses::spotFilled);

        client.spot().placeOrder(NewOrder.limit("BTCUSDT", Side.BUY, new BigDecimal("0.01000"),
                new BigDecimal("64000.10"), TimeInForce.GTC, new ClientOrderId("sig-check"))).join();

        Received sent = binance.received("POST", SPOT_ORDER).getFirst();
        String query = sent.rawQuery();
        int at = query.lastIndexOf("&signature=");
        assertThat(query.substring(at + "&signature=".length()))
                .isEqualTo(FakeBinance.hmacHex(FakeBinance.SECRET, query.substring(0, at)));
        assertThat(query).startsWith("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01"
                + "&price=64000.1&newClientOrderId=sig-check&newOrderRespType=FULL&recvWindow=60000&timestamp=");
        assertThat(sent.body()).isEmpty();
        assertThat(binance.signatureFailures()).isZero();
    }

    @Test
    void concurrentPlacementsAreEachSignedCorrectlyAndSentOnce() {
        binance.always("POST " + FUTURES_ORDER, OrderResponses::futuresFilled);

        List<CompletableFuture<OrderOutcome>> outcomes = IntStream.range(0, 40)
                .mapToObj(i -> client.futures().placeOrder(NewOrder.market("BTCUSDT", Side.SELL,
                        new BigDecimal("0.001"), new ClientOrderId("burst-" + i))))
                .toList();

        assertThat(outcomes).allSatisfy(f -> assertThat(f.join()).isInstanceOf(Accepted.class));
        assertThat(outcomes.stream().map(f -> ((Accepted) f.join()).clientOrderId()).distinct()).hasSize(40);
        assertThat(binance.received("POST", FUTURES_ORDER)).hasSize(40);
        assertThat(binance.signatureFailures()).isZero();
    }

    @Test
    void futuresMarketOrderIsAcceptedWithAveragePriceAndReduceOnlyFlag() {
        binance.always("POST " + FUTURES_ORDER, OrderResponses::futuresFilled);

        OrderOutcome outcome = client.futures().placeOrder(
                NewOrder.market("BTCUSDT", Side.SELL, new BigDecimal("0.010"),
                        new ClientOrderId("pair-1-perp")).asReduceOnly()).join();

        assertThat(outcome).isInstanceOfSatisfying(Accepted.class, accepted -> {
            assertThat(accepted.orderId()).isEqualTo(771234567890L);
            assertThat(accepted.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(accepted.averagePrice()).isEqualByComparingTo("64251");
            assertThat(accepted.cumulativeQuote()).isEqualByComparingTo("642.51");
            assertThat(accepted.fills()).isEmpty();
        });
        assertThat(binance.received("POST", FUTURES_ORDER).getFirst().params())
                .containsEntry("reduceOnly", "true").containsEntry("newOrderRespType", "RESULT")
                .containsEntry("quantity", "0.01");
    }

    @ParameterizedTest(name = "{0} {2} is Rejected")
    @CsvSource(delimiter = '|', value = {
            "POST /spot/api/v3/order       | 400 | -2010 | Account has insufficient balance for requested action.",
            "POST /futures/fapi/v1/order   | 400 | -2019 | Margin is insufficient.",
            "POST /spot/api/v3/order       | 400 | -1013 | Filter failure: LOT_SIZE",
            "POST /futures/fapi/v1/order   | 400 | -4164 | Order's notional must be no smaller than 100 (unless you choose reduce only).",
            "POST /spot/api/v3/order       | 400 | -1111 | Precision is over the maximum defined for this asset.",
            "POST /futures/fapi/v1/order   | 400 | -2021 | Order would immediately trigger.",
            "POST /spot/api/v3/order       | 503 | -1008 | Request throttled by system-level protection."})
    void binanceRejectionCodesAreRejectedWithCodeAndMessage(String route, int status, int code, String msg) {
        binance.enqueue(route, Response.error(status, code, msg));
        OrderApi venue = route.contains("/spot/") ? client.spot() : client.futures();

        OrderOutcome outcome = venue.placeOrder(spotMarketBuy("rej-" + Math.abs(code))).join();

        assertThat(outcome).isEqualTo(new Rejected(code, msg));
        assertThat(registry.get("nova.binance.outcome").tag("class", "rejected").tag("code", Integer.toString(code))
                .counter().count()).isEqualTo(1.0);
    }

    @Test
    void cancelOfAnUnknownOrderIsRejected2011() {
        binance.enqueue("DELETE " + SPOT_ORDER, Response.error(400, -2011, "Unknown order sent."));

        OrderOutcome outcome = client.spot().cancelOrder("BTCUSDT", new ClientOrderId("never-placed")).join();

        assertThat(outcome).isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.isUnknownOrder()).isTrue());
        assertThat(binance.received("DELETE", SPOT_ORDER).getFirst().params())
                .containsEntry("origClientOrderId", "never-placed");
    }

    @Test
    void cancelByClientOrderIdReturnsTheCanceledOrder() {
        binance.always("DELETE " + FUTURES_ORDER, r -> OrderResponses.spotStatus(r, "CANCELED"));

        OrderOutcome outcome = client.futures().cancelOrder("BTCUSDT", new ClientOrderId("resting-1")).join();

        assertThat(outcome).isInstanceOfSatisfying(Accepted.class,
                a -> assertThat(a.status()).isEqualTo(OrderStatus.CANCELED));
    }

    @Test
    void wrongSecretIsRejected1022ByTheServersSignatureCheck() {
        try (BinanceRestClient wrongSecret = Clients.against(binance.spotUrl(), binance.futuresUrl(),
                Credentials.of(FakeBinance.API_KEY, "not-the-secret"), null, b -> b)) {
            OrderOutcome outcome = wrongSecret.spot().placeOrder(spotMarketBuy("bad-sig")).join();

            assertThat(outcome).isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo(-1022));
            assertThat(binance.signatureFailures()).isEqualTo(1);
        }
    }

    @Test
    void http503AfterSendIsUnknownAndThePlacementIsNeverRetried() {
        binance.enqueue("POST " + SPOT_ORDER, new Response(503, java.util.Map.of(),
                "Unknown error, please check your request or try again later.", 0));

        OrderOutcome outcome = client.spot().placeOrder(spotMarketBuy("maybe-1")).join();

        assertThat(outcome).isInstanceOf(Unknown.class);
        assertThat(binance.received("POST", SPOT_ORDER)).hasSize(1);
    }

    @Test
    void timeout1007IsUnknownAndResolvedByQueryingTheClientOrderId() {
        binance.enqueue("POST " + SPOT_ORDER, Response.error(400, -1007,
                "Timeout waiting for response from backend server. Send status unknown; execution status unknown."));
        binance.always("GET " + SPOT_ORDER, r -> OrderResponses.spotStatus(r, "NEW"));

        OrderOutcome placed = client.spot().placeOrder(spotMarketBuy("maybe-2")).join();
        OrderOutcome queried = client.spot().queryOrder("BTCUSDT", new ClientOrderId("maybe-2")).join();

        assertThat(placed).isInstanceOfSatisfying(Unknown.class, u -> assertThat(u.code()).isEqualTo(-1007));
        assertThat(queried).isInstanceOfSatisfying(Accepted.class, a -> {
            assertThat(a.clientOrderId()).isEqualTo("maybe-2");
            assertThat(a.status()).isEqualTo(OrderStatus.NEW);
        });
        assertThat(binance.received("POST", SPOT_ORDER)).hasSize(1);
        assertThat(binance.received("GET", SPOT_ORDER).getFirst().params()).containsEntry("origClientOrderId",
                "maybe-2");
    }

    @Test
    void queryOfAMissingOrderIsRejected2013() {
        binance.enqueue("GET " + FUTURES_ORDER, Response.error(400, -2013, "Order does not exist."));

        OrderOutcome outcome = client.futures().queryOrder("BTCUSDT", new ClientOrderId("ghost")).join();

        assertThat(outcome).isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo(-2013));
    }

    @Test
    void queryIsRetriedAfterA503ButPlacementIsNot() {
        binance.enqueue("GET " + SPOT_ORDER, new Response(503, java.util.Map.of(), "", 0));
        binance.always("GET " + SPOT_ORDER, r -> OrderResponses.spotStatus(r, "PARTIALLY_FILLED"));

        OrderOutcome outcome = client.spot().queryOrder("BTCUSDT", new ClientOrderId("retry-me")).join();

        assertThat(outcome).isInstanceOfSatisfying(Accepted.class,
                a -> assertThat(a.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED));
        assertThat(binance.received("GET", SPOT_ORDER)).hasSize(2);
    }

    @Test
    void readTimeoutAfterTheRequestWasWrittenIsUnknown() {
        try (BinanceRestClient impatient = Clients.against(binance.spotUrl(), binance.futuresUrl(),
                Clients.CREDENTIALS, null, b -> b.responseTimeout(Duration.ofMillis(300)).readRetries(0))) {
            impatient.futures().serverTime().exceptionally(e -> 0L).join();
            binance.enqueue("POST " + FUTURES_ORDER, Response.ok("{}").delayed(3_000));

            OrderOutcome outcome = impatient.futures().placeOrder(spotMarketBuy("slow-1")).join();

            assertThat(outcome).isInstanceOfSatisfying(Unknown.class,
                    u -> assertThat(u.reason()).contains("after the request was written"));
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(binance.received("POST", FUTURES_ORDER)).hasSize(1));
        }
    }

    @Test
    void http200WithAnUnreadableOrderBodyIsUnknown() {
        binance.enqueue("POST " + SPOT_ORDER, Response.ok("<html>gateway</html>"));

        assertThat(client.spot().placeOrder(spotMarketBuy("garbled")).join()).isInstanceOf(Unknown.class);
    }

    @Test
    void connectionRefusedBeforeSendIsNotSent() throws Exception {
        URI closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + probe.getLocalPort() + "/spot");
        }
        try (BinanceRestClient nowhere = Clients.against(closed, closed, Clients.CREDENTIALS, null, b -> b)) {
            OrderOutcome outcome = nowhere.spot().placeOrder(spotMarketBuy("refused-1")).join();

            assertThat(outcome).isInstanceOfSatisfying(NotSent.class,
                    n -> assertThat(n.reason()).isEqualTo(NotSentReason.CONNECT_FAILED));
        }
    }

    @Test
    void connectionResetAfterTheRequestWasSentIsUnknown() throws Exception {
        try (ResettingServer resetting = new ResettingServer();
             BinanceRestClient victim = Clients.against(resetting.url("/spot"), resetting.url("/futures"),
                     Clients.CREDENTIALS, null, b -> b)) {
            OrderOutcome outcome = victim.spot().placeOrder(spotMarketBuy("reset-1")).join();

            assertThat(outcome).isInstanceOf(Unknown.class);
            assertThat(resetting.requestsRead()).isEqualTo(1);
        }
    }

    @Test
    void orderBreakingTheLoadedFiltersIsNotSentLocally() {
        client.start().join();
        int before = binance.received("POST", SPOT_ORDER).size();

        OrderOutcome offStep = client.spot().placeOrder(NewOrder.limit("BTCUSDT", Side.BUY,
                new BigDecimal("0.000015"), new BigDecimal("64000"), TimeInForce.GTC,
                        new ClientOrderId("bad-step"))).join();
        OrderOutcome halted = client.spot().placeOrder(NewOrder.market("LUNAUSDT", Side.BUY, BigDecimal.ONE,
                new ClientOrderId("halted"))).join();
        OrderOutcome unknownSymbol = client.spot().placeOrder(NewOrder.market("DOGEUSDT", Side.BUY,
                BigDecimal.ONE, new ClientOrderId("nosuch"))).join();

        assertThat(offStep).isInstanceOfSatisfying(NotSent.class, n -> {
            assertThat(n.reason()).isEqualTo(NotSentReason.INVALID_LOCALLY);
            assertThat(n.detail()).contains("LOT_SIZE").contains("stepSize 0.00001");
        });
        assertThat(halted).isInstanceOfSatisfying(NotSent.class, n -> assertThat(n.detail()).contains("BREAK"));
        assertThat(unknownSymbol).isInstanceOfSatisfying(NotSent.class,
                n -> assertThat(n.detail()).contains("unknown symbol"));
        assertThat(binance.received("POST", SPOT_ORDER)).hasSize(before);
    }

    @Test
    void malformedOrdersAreNotSentLocally() {
        assertThat(client.spot().placeOrder(NewOrder.market("BTCUSDT", Side.BUY, new BigDecimal("0.01"),
                new ClientOrderId("usdm.only:id"))).join()).isInstanceOf(NotSent.class);
        assertThat(client.spot().placeOrder(NewOrder.market("BTCUSDT", Side.BUY, new BigDecimal("-1"),
                new ClientOrderId("negative"))).join()).isInstanceOf(NotSent.class);
        assertThat(client.spot().placeOrder(new NewOrder("BTCUSDT", Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                BigDecimal.ONE, null, new ClientOrderId("no-price"), false)).join()).isInstanceOf(NotSent.class);
        assertThat(client.spot().placeOrder(spotMarketBuy("spot-ro").asReduceOnly()).join())
                .isInstanceOf(NotSent.class);
        assertThat(binance.received("POST", SPOT_ORDER)).isEmpty();
    }

    @Test
    void signedCallWithoutCredentialsIsNotSent() {
        try (BinanceRestClient anonymous = Clients.against(binance.spotUrl(), binance.futuresUrl(),
                Credentials.none(), null, b -> b)) {
            OrderOutcome outcome = anonymous.futures().placeOrder(spotMarketBuy("anon")).join();

            assertThat(outcome).isInstanceOfSatisfying(NotSent.class,
                    n -> assertThat(n.reason()).isEqualTo(NotSentReason.INVALID_LOCALLY));
            assertThat(binance.received()).isEmpty();
        }
    }

    @Test
    void closedClientAnswersNotSent() {
        client.close();

        assertThat(client.spot().placeOrder(spotMarketBuy("after-close")).join())
                .isInstanceOfSatisfying(NotSent.class, n -> assertThat(n.reason()).isEqualTo(NotSentReason.CLOSED));
    }
}
