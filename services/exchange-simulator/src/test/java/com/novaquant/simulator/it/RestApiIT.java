package com.novaquant.simulator.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

@SimulatorIntegrationTest
class RestApiIT {

    @LocalServerPort
    int port;
    SignedHttp http;

    @BeforeEach
    void setUp() {
        http = new SignedHttp(port);
        http.admin("DELETE", "/admin/faults", null);
    }

    @AfterEach
    void clearFaults() {
        http.admin("DELETE", "/admin/faults", null);
    }

    static String id() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    long ordersWithClientId(String clientId) {
        JsonNode orders = http.admin("GET", "/admin/orders", null).body();
        return StreamSupport.stream(orders.spliterator(), false)
                .filter(o -> clientId.equals(o.get("clientOrderId").asString()) && o.get("orderId") != null && !o.get("orderId").isNull())
                .count();
    }

    @Test
    void spotMarketOrderAnswersFullWithFillsAndRateLimitHeaders() {
        SignedHttp.Reply reply = http.signed("POST", "/spot/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01&newClientOrderId=" + id());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("status").asString()).isEqualTo("FILLED");
        assertThat(reply.body().get("cummulativeQuoteQty").asString()).matches("\\d+\\.\\d{8}");
        assertThat(reply.body().get("fills").size()).isPositive();
        assertThat(reply.body().get("fills").get(0).get("commissionAsset").asString()).isEqualTo("BTC");
        assertThat(reply.header("X-MBX-USED-WEIGHT-1M")).isNotNull();
        assertThat(reply.header("X-MBX-ORDER-COUNT-10S")).isNotNull();
        assertThat(reply.header("X-MBX-ORDER-COUNT-1D")).isNotNull();
    }

    @Test
    void spotOrderSignedInTheFormBodyIsAccepted() {
        SignedHttp.Reply reply = http.signedBody("/spot/api/v3/order",
                "symbol=ETHUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=1000.00&newOrderRespType=ACK");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().has("status")).isFalse();
        assertThat(reply.body().get("orderListId").asInt()).isEqualTo(-1);
    }

    @Test
    void futuresOrderAnswersAckByDefaultAndResultOnRequest() {
        SignedHttp.Reply ack = http.signed("POST", "/futures/fapi/v1/order", "symbol=ETHUSDT&side=SELL&type=MARKET&quantity=0.010");
        SignedHttp.Reply result = http.signed("POST", "/futures/fapi/v1/order", "symbol=ETHUSDT&side=BUY&type=MARKET&quantity=0.010&newOrderRespType=RESULT");

        assertThat(ack.body().get("status").asString()).isEqualTo("NEW");
        assertThat(ack.body().has("fills")).isFalse();
        assertThat(result.body().get("status").asString()).isEqualTo("FILLED");
        assertThat(result.body().get("avgPrice").asString()).isNotEqualTo("0.00");
        assertThat(result.body().get("cumQuote").asString()).isNotEqualTo("0");
        assertThat(result.header("X-MBX-ORDER-COUNT-1M")).isNotNull();
    }

    @Test
    void badSignatureIsRejectedWith1022() {
        SignedHttp.Reply reply = http.signed("GET", "/spot/api/v3/account", "", System.currentTimeMillis(), "wrong-secret", SignedHttp.KEY);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(-1022);
    }

    @Test
    void timestampOutsideTheRecvWindowOrAheadOfTheServerIsRejectedWith1021() {
        SignedHttp.Reply old = http.signed("GET", "/futures/fapi/v3/balance", "", System.currentTimeMillis() - 6_000, SignedHttp.SECRET, SignedHttp.KEY);
        SignedHttp.Reply ahead = http.signed("GET", "/futures/fapi/v3/balance", "", System.currentTimeMillis() + 5_000, SignedHttp.SECRET, SignedHttp.KEY);

        assertThat(old.code()).isEqualTo(-1021);
        assertThat(old.body().get("msg").asString()).contains("recvWindow");
        assertThat(ahead.code()).isEqualTo(-1021);
    }

    @Test
    void unknownApiKeyIs2015AndMissingKeyIs2014() {
        SignedHttp.Reply unknown = http.signed("GET", "/spot/api/v3/account", "", System.currentTimeMillis(), SignedHttp.SECRET, "nope");
        SignedHttp.Reply missing = http.send("GET", "/spot/api/v3/account?timestamp=1&signature=00", null, null);

        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.code()).isEqualTo(-2015);
        assertThat(missing.code()).isEqualTo(-2014);
    }

    @Test
    void filterFailuresUseEachVenuesCodes() {
        SignedHttp.Reply spotLot = http.signed("POST", "/spot/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.000015&price=60000.00");
        SignedHttp.Reply futuresNotional = http.signed("POST", "/futures/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001");
        SignedHttp.Reply futuresPrecision = http.signed("POST", "/futures/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.0015");
        SignedHttp.Reply algo = http.signed("POST", "/futures/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=STOP_MARKET&quantity=0.01");

        assertThat(spotLot.body().get("msg").asString()).isEqualTo("Filter failure: LOT_SIZE");
        assertThat(spotLot.code()).isEqualTo(-1013);
        assertThat(futuresNotional.code()).isEqualTo(-4164);
        assertThat(futuresPrecision.code()).isEqualTo(-1111);
        assertThat(algo.code()).isEqualTo(-4120);
    }

    @Test
    void insufficientSpotBalanceIs2010AndInsufficientMarginIs2019() {
        SignedHttp.Reply spot = http.signed("POST", "/spot/api/v3/order", "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=50");
        SignedHttp.Reply futures = http.signed("POST", "/futures/fapi/v1/order", "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=100");

        assertThat(spot.code()).isEqualTo(-2010);
        assertThat(spot.body().get("msg").asString()).isEqualTo("Account has insufficient balance for requested action.");
        assertThat(futures.code()).isEqualTo(-2019);
    }

    @Test
    void injectedRejectionAnswersTheGivenCodeAndPlacesNothing() {
        http.admin("POST", "/admin/faults/reject-next", "{\"venue\":\"USDM\",\"symbol\":\"BTCUSDT\",\"code\":-2019,\"msg\":\"Margin is insufficient.\"}");
        String clientId = id();

        SignedHttp.Reply reply = http.signed("POST", "/futures/fapi/v1/order", "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.010&newClientOrderId=" + clientId);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(-2019);
        assertThat(ordersWithClientId(clientId)).isZero();
    }

    @Test
    void fiveHundredAfterAcceptLeavesExactlyOneOrderThatAQueryFinds() {
        http.admin("POST", "/admin/faults/ambiguous-next", "{\"venue\":\"SPOT\",\"symbol\":\"BTCUSDT\",\"mode\":\"HTTP_5XX\"}");
        String clientId = id();

        SignedHttp.Reply reply = http.signed("POST", "/spot/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01&newClientOrderId=" + clientId);
        SignedHttp.Reply query = http.signed("GET", "/spot/api/v3/order", "symbol=BTCUSDT&origClientOrderId=" + clientId);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.code()).isEqualTo(-1000);
        assertThat(query.status()).isEqualTo(200);
        assertThat(query.body().get("status").asString()).isEqualTo("FILLED");
        assertThat(ordersWithClientId(clientId)).isEqualTo(1);
    }

    @Test
    void code1007AfterAcceptIsAnsweredWith408AndTheOrderExists() {
        http.admin("POST", "/admin/faults/ambiguous-next", "{\"venue\":\"USDM\",\"symbol\":\"ETHUSDT\",\"mode\":\"CODE_1007\"}");
        String clientId = id();

        SignedHttp.Reply reply = http.signed("POST", "/futures/fapi/v1/order", "symbol=ETHUSDT&side=SELL&type=MARKET&quantity=0.010&newClientOrderId=" + clientId);
        SignedHttp.Reply query = http.signed("GET", "/futures/fapi/v1/order", "symbol=ETHUSDT&origClientOrderId=" + clientId);

        assertThat(reply.status()).isEqualTo(408);
        assertThat(reply.code()).isEqualTo(-1007);
        assertThat(query.body().get("clientOrderId").asString()).isEqualTo(clientId);
        assertThat(ordersWithClientId(clientId)).isEqualTo(1);
    }

    @Test
    void partialFillFaultFillsOnlyTheRatio() {
        http.admin("POST", "/admin/faults/partial-fill-next", "{\"venue\":\"USDM\",\"symbol\":\"ETHUSDT\",\"ratio\":0.5}");

        SignedHttp.Reply reply = http.signed("POST", "/futures/fapi/v1/order", "symbol=ETHUSDT&side=SELL&type=MARKET&quantity=0.100&newOrderRespType=RESULT");

        assertThat(reply.body().get("executedQty").asString()).isEqualTo("0.050");
        assertThat(reply.body().get("status").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void rateLimitFaultAnswers429WithRetryAfterAndBanAnswers418() {
        http.admin("POST", "/admin/faults/rate-limit", "{\"seconds\":7}");
        SignedHttp.Reply limited = http.get("/spot/api/v3/time");
        http.admin("DELETE", "/admin/faults", null);
        http.admin("POST", "/admin/faults/ban", "{\"seconds\":30}");
        SignedHttp.Reply banned = http.get("/futures/fapi/v1/time");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo(-1003);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 7);
        assertThat(banned.status()).isEqualTo(418);
        assertThat(Integer.parseInt(banned.header("Retry-After"))).isBetween(1, 30);
    }

    @Test
    void aBanOnOneVenuesApiLeavesTheOtherVenueAnswering() {
        http.admin("POST", "/admin/faults/ban", "{\"venue\":\"SPOT\",\"seconds\":30}");

        assertThat(http.get("/spot/api/v3/time").status()).isEqualTo(418);
        assertThat(http.get("/futures/fapi/v1/time").status()).isEqualTo(200);
        assertThat(http.admin("GET", "/admin/faults", null).body().get("banSecondsLeft").get("USDM").asLong()).isZero();
    }

    @Test
    void listenKeyIsCreatedKeptAliveAndClosed() {
        SignedHttp.Reply created = http.send("POST", "/futures/fapi/v1/listenKey", SignedHttp.KEY, "");
        SignedHttp.Reply kept = http.send("PUT", "/futures/fapi/v1/listenKey", SignedHttp.KEY, "");
        http.send("DELETE", "/futures/fapi/v1/listenKey", SignedHttp.KEY, "");
        SignedHttp.Reply afterClose = http.send("PUT", "/futures/fapi/v1/listenKey", SignedHttp.KEY, "");

        assertThat(created.body().get("listenKey").asString()).hasSize(64);
        assertThat(kept.status()).isEqualTo(200);
        assertThat(afterClose.code()).isEqualTo(-1125);
    }

    @Test
    void clockAdvanceSettlesFundingIntoIncomeAndTheFundingRateHistory() {
        http.signed("POST", "/futures/fapi/v1/order", "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.010");
        http.admin("POST", "/admin/market/funding", "{\"symbol\":\"BTCUSDT\",\"rate\":0.001}");
        long before = System.currentTimeMillis();

        SignedHttp.Reply advanced = http.admin("POST", "/admin/clock/advance", "{\"ms\":3600000}");
        SignedHttp.Reply income = http.signed("GET", "/futures/fapi/v1/income", "symbol=BTCUSDT&incomeType=FUNDING_FEE&startTime=" + before);
        SignedHttp.Reply history = http.get("/futures/fapi/v1/fundingRate?symbol=BTCUSDT&startTime=" + before);
        http.admin("POST", "/admin/market/funding", "{\"symbol\":\"BTCUSDT\",\"rate\":null}");

        assertThat(advanced.body().get("fundingSettlements").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(income.body().size()).isGreaterThanOrEqualTo(1);
        SignedHttp.Reply position = http.signed("GET", "/futures/fapi/v2/positionRisk", "symbol=BTCUSDT");
        boolean shortPosition = position.body().get(0).get("positionAmt").asString().startsWith("-");
        // Positive funding: shorts receive, longs pay.
        assertThat(income.body().get(0).get("income").asString().startsWith("-")).isEqualTo(!shortPosition);
        assertThat(history.body().get(0).get("fundingRate").asString()).isEqualTo("0.001");
    }

    @Test
    void premiumIndexAndExchangeInfoDescribeTheListedSymbols() {
        SignedHttp.Reply premium = http.get("/futures/fapi/v1/premiumIndex?symbol=BTCUSDT");
        SignedHttp.Reply info = http.get("/futures/fapi/v1/exchangeInfo");
        SignedHttp.Reply unknown = http.get("/spot/api/v3/depth?symbol=NOPE");

        assertThat(premium.body().get("nextFundingTime").asLong()).isGreaterThan(System.currentTimeMillis() - 1000);
        assertThat(info.body().get("symbols").size()).isEqualTo(2);
        assertThat(info.body().get("symbols").get(0).get("filters").toString()).contains("MIN_NOTIONAL", "\"notional\"");
        assertThat(unknown.code()).isEqualTo(-1121);
    }

    @Test
    void fundingInfoListsOnlyAdjustedSymbolsUnsigned() {
        SignedHttp.Reply info = http.get("/futures/fapi/v1/fundingInfo");

        assertThat(info.status()).isEqualTo(200);
        assertThat(info.body().size()).isEqualTo(2);
        assertThat(info.body().get(0).get("fundingIntervalHours").isIntegralNumber()).isTrue();
        assertThat(info.body().get(0).get("fundingIntervalHours").asInt()).isEqualTo(1);
        assertThat(info.body().get(0).get("adjustedFundingRateCap").isString()).isTrue();
    }

    @Test
    void responseDelayHoldsTheAnswerButNotTheOrder() {
        http.admin("POST", "/admin/faults/response-delay", "{\"ms\":400}");
        String clientId = id();
        long start = System.nanoTime();

        SignedHttp.Reply reply = http.signed("POST", "/futures/fapi/v1/order", "symbol=ETHUSDT&side=BUY&type=MARKET&quantity=0.010&newClientOrderId=" + clientId);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(reply.status()).isEqualTo(200);
        assertThat(tookMillis).isGreaterThanOrEqualTo(400);
        assertThat(ordersWithClientId(clientId)).isEqualTo(1);
    }

    @Test
    void adminAccountsShowThePaperAccountWithBalancesAndPositions() {
        http.signed("POST", "/futures/fapi/v1/order", "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.010");

        JsonNode accounts = http.admin("GET", "/admin/accounts", null).body();

        assertThat(accounts.get(0).get("apiKey").asString()).isEqualTo(SignedHttp.KEY);
        assertThat(accounts.get(0).get("spot").toString()).contains("USDT");
        assertThat(accounts.get(0).get("futures").get("wallet").asString()).isNotEmpty();
        assertThat(accounts.get(0).toString()).doesNotContain(SignedHttp.SECRET);
    }

    @Test
    void badAdminBodiesAreAnswered400() {
        SignedHttp.Reply reply = http.admin("POST", "/admin/faults/reject-next", "{\"venue\":\"USDM\",\"symbol\":\"NOPE\",\"code\":-1}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("error").asString()).contains("symbol");
    }
}
