package com.novaquant.simulator.contract;

import com.novaquant.binance.auth.Credentials;
import com.novaquant.binance.auth.TradingMode;
import com.novaquant.binance.outcome.Accepted;
import com.novaquant.binance.outcome.NotSent;
import com.novaquant.binance.outcome.NotSentReason;
import com.novaquant.binance.outcome.OrderOutcome;
import com.novaquant.binance.outcome.Rejected;
import com.novaquant.binance.outcome.Unknown;
import com.novaquant.binance.rest.AssetMode;
import com.novaquant.binance.rest.BinanceClientConfig;
import com.novaquant.binance.rest.BinanceRestClient;
import com.novaquant.binance.rest.CommissionRates;
import com.novaquant.binance.rest.FundingInfo;
import com.novaquant.binance.rest.FuturesAccount;
import com.novaquant.binance.rest.IncomeQuery;
import com.novaquant.binance.rest.MarginType;
import com.novaquant.binance.rest.MarginTypeSetting;
import com.novaquant.binance.rest.NewOrder;
import com.novaquant.binance.rest.PositionMode;
import com.novaquant.binance.rest.PositionRisk;
import com.novaquant.binance.rest.PremiumIndex;
import com.novaquant.binance.rest.SpotAccount;
import com.novaquant.binance.terms.OrderStatus;
import com.novaquant.binance.terms.Side;
import com.novaquant.binance.terms.TimeInForce;
import com.novaquant.ids.ClientOrderId;
import com.novaquant.simulator.it.SimulatorIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Our own REST client (binance-client) against the simulator: every call it makes and each fault
 * the simulator injects must come out as the outcome the execution engine relies on.
 */
@SimulatorIntegrationTest
class BinanceClientContractIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    BinanceRestClient client;
    final HttpClient admin = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void setUp() {
        admin("DELETE", "/admin/faults", null);
        client = client("nova-paper-secret", Duration.ofSeconds(10));
    }

    @AfterEach
    void tearDown() {
        client.close();
        admin("DELETE", "/admin/faults", null);
    }

    BinanceRestClient client(String secret, Duration responseTimeout) {
        BinanceClientConfig config = BinanceClientConfig.builder(TradingMode.PAPER,
                        URI.create("http://localhost:" + port + "/spot"), URI.create("http://localhost:" + port + "/futures"))
                .responseTimeout(responseTimeout)
                .build();
        BinanceRestClient created = BinanceRestClient.create(config, Credentials.of("nova-paper-key", secret), null);
        created.start().join();
        return created;
    }

    JsonNode admin(String method, String path, String json) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                    .build();
            String body = admin.send(request, HttpResponse.BodyHandlers.ofString()).body();
            return body.isEmpty() ? null : JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    long placedWithClientId(String clientId) {
        return StreamSupport.stream(admin("GET", "/admin/orders", null).spliterator(), false)
                .filter(o -> clientId.equals(o.get("clientOrderId").asString()) && !o.get("orderId").isNull())
                .count();
    }

    static ClientOrderId id() {
        return new ClientOrderId("c" + UUID.randomUUID().toString().replace("-", "").substring(0, 24));
    }

    @Test
    void spotMarketOrderIsAcceptedWithFills() {
        OrderOutcome outcome = client.spot().placeOrder(NewOrder.market("BTCUSDT", Side.BUY, new BigDecimal("0.01"), id())).join();

        assertThat(outcome).isInstanceOfSatisfying(Accepted.class, a -> {
            assertThat(a.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(a.executedQty()).isEqualByComparingTo("0.01");
            assertThat(a.fills()).isNotEmpty();
            assertThat(a.averagePrice()).isPositive();
        });
    }

    @Test
    void futuresMarketOrderIsAcceptedWithItsFinalState() {
        OrderOutcome outcome = client.futures().placeOrder(NewOrder.market("ETHUSDT", Side.SELL, new BigDecimal("0.01"), id())).join();

        assertThat(outcome).isInstanceOfSatisfying(Accepted.class, a -> {
            assertThat(a.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(a.averagePrice()).isPositive();
            assertThat(a.cumulativeQuote()).isPositive();
        });
    }

    @Test
    void restingLimitOrderIsQueriedListedAndCanceled() {
        ClientOrderId clientId = id();
        OrderOutcome placed = client.futures().placeOrder(
                NewOrder.limit("ETHUSDT", Side.BUY, new BigDecimal("0.01"), new BigDecimal("2000.00"), TimeInForce.GTC, clientId)).join();
        List<String> open = client.futures().openOrders("ETHUSDT").join().stream().map(o -> o.clientOrderId()).toList();
        OrderOutcome canceled = client.futures().cancelOrder("ETHUSDT", clientId).join();
        OrderOutcome queried = client.futures().queryOrder("ETHUSDT", clientId).join();

        assertThat(placed).isInstanceOfSatisfying(Accepted.class, a -> assertThat(a.status()).isEqualTo(OrderStatus.NEW));
        assertThat(open).contains(clientId.value());
        assertThat(canceled).isInstanceOfSatisfying(Accepted.class, a -> assertThat(a.status()).isEqualTo(OrderStatus.CANCELED));
        assertThat(queried).isInstanceOfSatisfying(Accepted.class, a -> assertThat(a.status()).isEqualTo(OrderStatus.CANCELED));
    }

    @Test
    void insufficientSpotBalanceIsRejectedAsInsufficientFunds() {
        OrderOutcome outcome = client.spot().placeOrder(NewOrder.market("ETHUSDT", Side.SELL, new BigDecimal("500"), id())).join();

        assertThat(outcome).isInstanceOfSatisfying(Rejected.class, r -> {
            assertThat(r.code()).isEqualTo(-2010);
            assertThat(r.isInsufficientFunds()).isTrue();
        });
    }

    @Test
    void injectedRejectionComesBackWithItsCodeAndNothingIsPlaced() {
        admin("POST", "/admin/faults/reject-next", "{\"venue\":\"USDM\",\"symbol\":\"BTCUSDT\",\"code\":-2019,\"msg\":\"Margin is insufficient.\"}");
        ClientOrderId clientId = id();

        OrderOutcome outcome = client.futures().placeOrder(NewOrder.market("BTCUSDT", Side.SELL, new BigDecimal("0.01"), clientId)).join();

        assertThat(outcome).isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo(-2019));
        assertThat(placedWithClientId(clientId.value())).isZero();
    }

    @Test
    void fiveHundredAfterAcceptIsUnknownAndTheQueryFindsExactlyOneOrder() {
        admin("POST", "/admin/faults/ambiguous-next", "{\"venue\":\"SPOT\",\"symbol\":\"ETHUSDT\",\"mode\":\"HTTP_5XX\"}");
        ClientOrderId clientId = id();

        OrderOutcome outcome = client.spot().placeOrder(NewOrder.market("ETHUSDT", Side.BUY, new BigDecimal("0.01"), clientId)).join();
        OrderOutcome resolved = client.spot().queryOrder("ETHUSDT", clientId).join();

        assertThat(outcome).isInstanceOf(Unknown.class);
        assertThat(resolved).isInstanceOfSatisfying(Accepted.class, a -> assertThat(a.status()).isEqualTo(OrderStatus.FILLED));
        assertThat(placedWithClientId(clientId.value())).isEqualTo(1);
    }

    @Test
    void code1007AfterAcceptIsUnknownAndTheQueryFindsExactlyOneOrder() {
        admin("POST", "/admin/faults/ambiguous-next", "{\"venue\":\"USDM\",\"symbol\":\"ETHUSDT\",\"mode\":\"CODE_1007\"}");
        ClientOrderId clientId = id();

        OrderOutcome outcome = client.futures().placeOrder(NewOrder.market("ETHUSDT", Side.SELL, new BigDecimal("0.01"), clientId)).join();
        OrderOutcome resolved = client.futures().queryOrder("ETHUSDT", clientId).join();

        assertThat(outcome).isInstanceOfSatisfying(Unknown.class, u -> assertThat(u.code()).isEqualTo(-1007));
        assertThat(resolved).isInstanceOf(Accepted.class);
        assertThat(placedWithClientId(clientId.value())).isEqualTo(1);
    }

    @Test
    void timeoutAfterAcceptIsUnknownAndTheOrderExists() {
        BinanceRestClient impatient = client("nova-paper-secret", Duration.ofSeconds(1));
        try {
            admin("POST", "/admin/faults/ambiguous-next", "{\"venue\":\"USDM\",\"symbol\":\"BTCUSDT\",\"mode\":\"TIMEOUT\"}");
            ClientOrderId clientId = id();

            OrderOutcome outcome = impatient.futures().placeOrder(NewOrder.market("BTCUSDT", Side.SELL, new BigDecimal("0.01"), clientId)).join();
            OrderOutcome resolved = impatient.futures().queryOrder("BTCUSDT", clientId).join();

            assertThat(outcome).isInstanceOf(Unknown.class);
            assertThat(resolved).isInstanceOf(Accepted.class);
            assertThat(placedWithClientId(clientId.value())).isEqualTo(1);
        } finally {
            impatient.close();
        }
    }

    @Test
    void partialFillIsAcceptedWithTheFilledPartAndTheRestExpired() {
        admin("POST", "/admin/faults/partial-fill-next", "{\"venue\":\"SPOT\",\"symbol\":\"BTCUSDT\",\"ratio\":0.5}");

        OrderOutcome outcome = client.spot().placeOrder(NewOrder.market("BTCUSDT", Side.BUY, new BigDecimal("0.02"), id())).join();

        assertThat(outcome).isInstanceOfSatisfying(Accepted.class, a -> {
            assertThat(a.executedQty()).isEqualByComparingTo("0.01");
            assertThat(a.status()).isEqualTo(OrderStatus.EXPIRED);
        });
    }

    @Test
    void rateLimitIsRejectedWithRetryAfterAndThenRefusedLocally() {
        admin("POST", "/admin/faults/rate-limit", "{\"seconds\":20}");

        OrderOutcome first = client.spot().placeOrder(NewOrder.market("BTCUSDT", Side.BUY, new BigDecimal("0.01"), id())).join();
        OrderOutcome second = client.spot().placeOrder(NewOrder.market("BTCUSDT", Side.BUY, new BigDecimal("0.01"), id())).join();

        assertThat(first).isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo(-1003));
        assertThat(second).isInstanceOfSatisfying(NotSent.class, n -> {
            assertThat(n.reason()).isEqualTo(NotSentReason.RATE_LIMITED);
            assertThat(n.retryAfter()).isPresent();
        });
    }

    @Test
    void aBanIsRejectedThenThatVenueIsRefusedLocallyWhileTheOtherStillAsks() {
        admin("POST", "/admin/faults/ban", "{\"seconds\":30}");

        OrderOutcome first = client.futures().placeOrder(NewOrder.market("BTCUSDT", Side.SELL, new BigDecimal("0.01"), id())).join();
        OrderOutcome again = client.futures().placeOrder(NewOrder.market("BTCUSDT", Side.SELL, new BigDecimal("0.01"), id())).join();
        // Spot keeps its own limits: the client asks, and this simulator, banning every venue, answers 418 too.
        OrderOutcome spot = client.spot().placeOrder(NewOrder.market("BTCUSDT", Side.BUY, new BigDecimal("0.01"), id())).join();

        assertThat(first).isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo(-1003));
        assertThat(again).isInstanceOfSatisfying(NotSent.class, n -> assertThat(n.reason()).isEqualTo(NotSentReason.BANNED));
        assertThat(spot).isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo(-1003));
        assertThat(client.bannedUntil(com.novaquant.binance.terms.Venue.USDM)).isPresent();
        assertThat(client.bannedUntil()).isPresent();
    }

    @Test
    void badSignatureIsRejectedWith1022() {
        BinanceRestClient wrong = BinanceRestClient.create(BinanceClientConfig.builder(TradingMode.PAPER,
                        URI.create("http://localhost:" + port + "/spot"), URI.create("http://localhost:" + port + "/futures")).build(),
                Credentials.of("nova-paper-key", "not-the-secret"), null);
        try {
            OrderOutcome outcome = wrong.futures().placeOrder(NewOrder.market("BTCUSDT", Side.SELL, new BigDecimal("0.01"), id())).join();

            assertThat(outcome).isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo(-1022));
        } finally {
            wrong.close();
        }
    }

    @Test
    void timestampRejectionIsClassifiedAsRejected1021() {
        admin("POST", "/admin/faults/reject-next", "{\"venue\":\"SPOT\",\"symbol\":\"BTCUSDT\",\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}");

        OrderOutcome outcome = client.spot().placeOrder(NewOrder.market("BTCUSDT", Side.BUY, new BigDecimal("0.01"), id())).join();

        assertThat(outcome).isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo(-1021));
    }

    @Test
    void accountAndMarketReadsParse() {
        client.futures().placeOrder(NewOrder.market("BTCUSDT", Side.SELL, new BigDecimal("0.01"), id())).join();

        SpotAccount spot = client.spot().account().join();
        FuturesAccount futures = client.futures().account().join();
        List<PositionRisk> positions = client.futures().positionRisk("BTCUSDT").join();
        PremiumIndex premium = client.futures().premiumIndex("BTCUSDT").join();
        CommissionRates rates = client.futures().commissionRates("BTCUSDT").join();
        var leverage = client.futures().setLeverage("BTCUSDT", 10).join();
        var balances = client.futures().balances().join();

        assertThat(spot.canTrade()).isTrue();
        assertThat(spot.balances()).anyMatch(b -> b.asset().equals("USDT"));
        assertThat(futures).isNotNull();
        assertThat(positions).singleElement().satisfies(p -> assertThat(p.positionAmount()).isNotZero());
        assertThat(premium.markPrice()).isPositive();
        assertThat(rates.taker()).isEqualByComparingTo("0.0005");
        assertThat(leverage.leverage()).isEqualTo(10);
        assertThat(balances).anyMatch(b -> b.asset().equals("USDT"));
    }

    @Test
    void fundingInfoListsTheSymbolsWhoseIntervalIsNotTheDefault() {
        // the integration simulator funds every hour
        assertThat(client.futures().fundingInfo().join())
                .extracting(FundingInfo::symbol, FundingInfo::fundingIntervalHours)
                .containsExactlyInAnyOrder(tuple("BTCUSDT", 1), tuple("ETHUSDT", 1));
    }

    @Test
    void lastPriceIsTheSpotPriceTickerAndBnbIsQuotedOnlyWithBnbBurnOn() {
        assertThat(client.spot().lastPrice("BTCUSDT").join()).isPositive();
        // BNB burn is off here, so BNBUSDT is no symbol: -1121 as Binance answers an unknown one.
        assertThatThrownBy(() -> client.spot().lastPrice("BNBUSDT").join()).hasMessageContaining("-1121");
    }

    @Test
    void theAccountModesReadAsTheDeskNeedsThemAndAnUnchangedMarginTypeIsSuccess() {
        assertThat(client.futures().positionMode().join()).isEqualTo(PositionMode.ONE_WAY);
        assertThat(client.futures().assetMode().join()).isEqualTo(AssetMode.SINGLE_ASSET);
        // Every symbol starts CROSSED: -4046 from the simulator, success for the client.
        assertThat(client.futures().setMarginType("ETHUSDT", MarginType.CROSSED).join())
                .isEqualTo(new MarginTypeSetting("ETHUSDT", MarginType.CROSSED, false));
    }

    @Test
    void fundingIncomeAppearsAfterASettlement() {
        client.futures().placeOrder(NewOrder.market("ETHUSDT", Side.SELL, new BigDecimal("0.05"), id())).join();
        long start = System.currentTimeMillis() - 1000;

        admin("POST", "/admin/clock/advance", "{\"ms\":3600000}");

        var income = client.futures().income(IncomeQuery.funding("ETHUSDT", start, null)).join();
        assertThat(income).isNotEmpty();
        assertThat(income).allMatch(r -> r.incomeType().equals("FUNDING_FEE"));
    }
}
