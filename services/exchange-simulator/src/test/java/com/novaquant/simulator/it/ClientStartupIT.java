package com.novaquant.simulator.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a standard client reads on start-up with an API key (the wallet and margin /sapi calls, COIN-M exchangeInfo,
 * the spot account with every asset) and Binance's error body for what does not exist.
 */
@SimulatorIntegrationTest
class ClientStartupIT {

    @LocalServerPort
    int port;
    SignedHttp http;

    @BeforeEach
    void setUp() {
        http = new SignedHttp(port);
        http.admin("DELETE", "/admin/faults", null);
    }

    @Test
    void capitalConfigListsEveryKnownAssetWithItsBalanceAndAMinimalNetwork() {
        SignedHttp.Reply reply = http.signed("GET", "/spot/sapi/v1/capital/config/getall", "");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-MBX-USED-WEIGHT-1M")).isNotNull();
        assertThat(java.util.stream.StreamSupport.stream(reply.body().spliterator(), false).map(c -> c.get("coin").asString()))
                .containsExactly("BTC", "ETH", "USDT");
        JsonNode btc = reply.body().get(0);
        assertThat(btc.get("name").asString()).isEqualTo("Bitcoin");
        assertThat(btc.get("trading").asBoolean()).isTrue();
        assertThat(btc.get("isLegalMoney").asBoolean()).isFalse();
        assertThat(btc.get("depositAllEnable").asBoolean()).isFalse();
        assertThat(btc.get("free").asString()).isNotEmpty();
        JsonNode network = btc.get("networkList").get(0);
        assertThat(network.get("coin").asString()).isEqualTo("BTC");
        assertThat(network.get("isDefault").asBoolean()).isTrue();
        assertThat(network.get("withdrawEnable").asBoolean()).isFalse();
        assertThat(network.get("withdrawIntegerMultiple").asString()).isEqualTo("0.00000001");
        assertThat(new java.math.BigDecimal(reply.body().get(2).get("free").asString())).isPositive();
    }

    @Test
    void capitalConfigIsSigned() {
        SignedHttp.Reply unsigned = http.send("GET", "/spot/sapi/v1/capital/config/getall", SignedHttp.KEY, null);
        SignedHttp.Reply noKey = http.get("/spot/sapi/v1/capital/config/getall");

        assertThat(unsigned.status()).isEqualTo(400);
        assertThat(unsigned.code()).isEqualTo(-1102);
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(noKey.code()).isEqualTo(-2014);
    }

    @Test
    void anAccountWithoutMarginSeesNoMarginPairAndNoMarginAccount() {
        SignedHttp.Reply cross = http.signed("GET", "/spot/sapi/v1/margin/allPairs", "");
        SignedHttp.Reply isolated = http.signed("GET", "/spot/sapi/v1/margin/isolated/allPairs", "");
        SignedHttp.Reply account = http.signed("GET", "/spot/sapi/v1/margin/account", "");
        SignedHttp.Reply noKey = http.get("/spot/sapi/v1/margin/allPairs");

        assertThat(cross.status()).isEqualTo(200);
        assertThat(cross.body().isArray()).isTrue();
        assertThat(cross.body().size()).isZero();
        assertThat(isolated.body().isArray()).isTrue();
        assertThat(isolated.body().size()).isZero();
        assertThat(account.status()).isEqualTo(400);
        assertThat(account.code()).isEqualTo(-3003);
        assertThat(account.body().get("msg").asString()).isEqualTo("Margin account does not exist.");
        assertThat(noKey.code()).isEqualTo(-2014);
    }

    @Test
    void systemStatusIsNormal() {
        JsonNode status = http.get("/spot/sapi/v1/system/status").body();

        assertThat(status.get("status").asInt()).isZero();
        assertThat(status.get("msg").asString()).isEqualTo("normal");
    }

    @Test
    void coinMarginedExchangeInfoListsNoSymbol() {
        SignedHttp.Reply reply = http.get("/delivery/dapi/v1/exchangeInfo");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("symbols").isArray()).isTrue();
        assertThat(reply.body().get("symbols").size()).isZero();
        assertThat(reply.body().get("rateLimits").size()).isPositive();
        assertThat(reply.body().get("timezone").asString()).isEqualTo("UTC");
    }

    @Test
    void spotAccountListsEveryKnownAssetZeroBalancesIncluded() {
        JsonNode balances = http.signed("GET", "/spot/api/v3/account", "").body().get("balances");

        assertThat(balances.findValuesAsString("asset")).containsExactly("BTC", "ETH", "USDT");
        for (JsonNode b : balances) {
            assertThat(b.get("free").asString()).matches("\\d+\\.\\d{8}");
            assertThat(b.get("locked").asString()).matches("\\d+\\.\\d{8}");
        }
    }

    @Test
    void anUnknownPathIs404WithEachVenuesErrorBody() {
        SignedHttp.Reply futures = http.get("/futures/fapi/v1/nothingHere");
        SignedHttp.Reply spot = http.get("/spot/api/v3/nothingHere");
        SignedHttp.Reply sapi = http.get("/spot/sapi/v1/nothingHere");
        SignedHttp.Reply delivery = http.get("/delivery/dapi/v1/nothingHere");
        SignedHttp.Reply outside = http.get("/nothingHere");

        assertThat(futures.status()).isEqualTo(404);
        assertThat(futures.header("Content-Type")).startsWith("application/json");
        assertThat(futures.code()).isEqualTo(-5000);
        assertThat(futures.body().get("msg").asString()).isEqualTo("Path /fapi/v1/nothingHere, Method GET is invalid");
        assertThat(spot.status()).isEqualTo(404);
        assertThat(spot.code()).isEqualTo(-1000);
        assertThat(spot.body().get("msg").asString()).isEqualTo("Path /api/v3/nothingHere, Method GET is invalid");
        assertThat(sapi.body().get("msg").asString()).isEqualTo("Path /sapi/v1/nothingHere, Method GET is invalid");
        assertThat(delivery.code()).isEqualTo(-5000);
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.code()).isEqualTo(-1000);
    }

    @Test
    void aMethodAPathDoesNotServeIsAnUnknownEndpointToo() {
        SignedHttp.Reply futures = http.send("GET", "/futures/fapi/v1/leverage", SignedHttp.KEY, null);
        SignedHttp.Reply spot = http.send("PUT", "/spot/api/v3/order", SignedHttp.KEY, "symbol=BTCUSDT");

        assertThat(futures.status()).isEqualTo(404);
        assertThat(futures.code()).isEqualTo(-5000);
        assertThat(futures.body().get("msg").asString()).isEqualTo("Path /fapi/v1/leverage, Method GET is invalid");
        assertThat(spot.status()).isEqualTo(404);
        assertThat(spot.body().get("msg").asString()).isEqualTo("Path /api/v3/order, Method PUT is invalid");
    }

    @Test
    void anUnknownAdminPathKeepsTheAdminErrorShape() {
        SignedHttp.Reply reply = http.admin("GET", "/admin/nothingHere", null);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body().get("error").asString()).contains("/admin/nothingHere");
    }
}
