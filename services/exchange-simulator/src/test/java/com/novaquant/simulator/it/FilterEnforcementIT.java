package com.novaquant.simulator.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Every filter exchangeInfo advertises is enforced on real orders and on order/test. */
@SimulatorIntegrationTest
class FilterEnforcementIT {

    @LocalServerPort
    int port;
    SignedHttp http;

    @BeforeEach
    void setUp() {
        http = new SignedHttp(port);
        http.admin("DELETE", "/admin/faults", null);
    }

    static String id() {
        return "f" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    BigDecimal mark(String symbol) {
        return new BigDecimal(http.get("/futures/fapi/v1/premiumIndex?symbol=" + symbol).body().get("markPrice").asString());
    }

    BigDecimal spotMid(String symbol) {
        JsonNode t = http.get("/spot/api/v3/ticker/bookTicker?symbol=" + symbol).body();
        return new BigDecimal(t.get("bidPrice").asString()).add(new BigDecimal(t.get("askPrice").asString()))
                .divide(BigDecimal.TWO, 2, RoundingMode.HALF_EVEN);
    }

    String outcome(String clientId) {
        JsonNode orders = http.admin("GET", "/admin/orders", null).body();
        return StreamSupport.stream(orders.spliterator(), false)
                .filter(o -> clientId.equals(o.get("clientOrderId").asString()))
                .map(o -> o.get("outcome").asString()).findFirst().orElse(null);
    }

    @Test
    void exchangeInfoAdvertisesThePercentPriceFilters() {
        String spot = http.get("/spot/api/v3/exchangeInfo?symbol=BTCUSDT").body().get("symbols").get(0).get("filters").toString();
        String futures = http.get("/futures/fapi/v1/exchangeInfo").body().get("symbols").get(0).get("filters").toString();

        assertThat(spot).contains("\"filterType\":\"PERCENT_PRICE_BY_SIDE\"", "\"bidMultiplierUp\":\"5\"", "\"askMultiplierDown\":\"0.2\"");
        assertThat(futures).contains("\"filterType\":\"PERCENT_PRICE\"", "\"multiplierUp\":\"1.0500\"", "\"filterType\":\"MAX_NUM_ORDERS\"");
    }

    @Test
    void futuresLimitBuyAboveTheMarkCapIs4016AndIsJournaledAsRejected() {
        String clientId = id();
        BigDecimal price = mark("BTCUSDT").multiply(new BigDecimal("1.5")).setScale(1, RoundingMode.DOWN);

        SignedHttp.Reply reply = http.signed("POST", "/futures/fapi/v1/order",
                "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.010&price=" + price.toPlainString()
                        + "&newClientOrderId=" + clientId);
        SignedHttp.Reply test = http.signed("POST", "/futures/fapi/v1/order/test",
                "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.010&price=" + price.toPlainString());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(-4016);
        assertThat(reply.body().get("msg").asString()).matches("Limit price can't be higher than \\d+\\.\\d\\.");
        assertThat(outcome(clientId)).isEqualTo("REJECTED:-4016");
        assertThat(test.code()).isEqualTo(-4016);
    }

    @Test
    void futuresLimitSellBelowTheMarkFloorIs4024() {
        BigDecimal price = mark("ETHUSDT").multiply(new BigDecimal("0.5")).setScale(2, RoundingMode.DOWN);

        SignedHttp.Reply reply = http.signed("POST", "/futures/fapi/v1/order",
                "symbol=ETHUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=0.100&price=" + price.toPlainString());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(-4024);
        assertThat(reply.body().get("msg").asString()).matches("Limit price can't be lower than \\d+\\.\\d{2}\\.");
    }

    @Test
    void spotLimitPriceFarFromTheAveragePriceIsAPercentPriceBySideFailure() {
        BigDecimal mid = spotMid("BTCUSDT");
        String clientId = id();

        SignedHttp.Reply buy = http.signed("POST", "/spot/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC"
                + "&quantity=0.00010&price=" + mid.multiply(BigDecimal.valueOf(6)).toPlainString() + "&newClientOrderId=" + clientId);
        SignedHttp.Reply sell = http.signed("POST", "/spot/api/v3/order/test", "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC"
                + "&quantity=0.01000&price=" + mid.divide(BigDecimal.TEN, 2, RoundingMode.DOWN).toPlainString());

        assertThat(buy.status()).isEqualTo(400);
        assertThat(buy.code()).isEqualTo(-1013);
        assertThat(buy.body().get("msg").asString()).isEqualTo("Filter failure: PERCENT_PRICE_BY_SIDE");
        assertThat(outcome(clientId)).isEqualTo("REJECTED:-1013");
        assertThat(sell.body().get("msg").asString()).isEqualTo("Filter failure: PERCENT_PRICE_BY_SIDE");
    }

    @Test
    void spotMarketQuantityBelowTheMinimumIsALotSizeFailure() {
        SignedHttp.Reply order = http.signed("POST", "/spot/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.000001");
        SignedHttp.Reply test = http.signed("POST", "/spot/api/v3/order/test", "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.000001");

        assertThat(order.code()).isEqualTo(-1013);
        assertThat(order.body().get("msg").asString()).isEqualTo("Filter failure: LOT_SIZE");
        assertThat(test.body().get("msg").asString()).isEqualTo("Filter failure: LOT_SIZE");
    }

    @Test
    void spotLimitNotionalAboveTheMaximumIsANotionalFailure() {
        BigDecimal mid = spotMid("BTCUSDT");
        BigDecimal qty = new BigDecimal("9000000").divide(mid, 0, RoundingMode.UP).add(BigDecimal.TEN);

        SignedHttp.Reply reply = http.signed("POST", "/spot/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC"
                + "&quantity=" + qty.toPlainString() + "&price=" + mid.toPlainString());

        assertThat(reply.code()).isEqualTo(-1013);
        assertThat(reply.body().get("msg").asString()).isEqualTo("Filter failure: NOTIONAL");
    }

    @Test
    void futuresMaxNumOrdersRefusesTheOrderBeyondTheLimitOnTheSymbol() {
        BigDecimal price = mark("ETHUSDT").multiply(new BigDecimal("0.6")).setScale(2, RoundingMode.DOWN);
        String order = "symbol=ETHUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.100&price=" + price.toPlainString();
        List<Long> placed = new ArrayList<>();
        try {
            int open = http.signed("GET", "/futures/fapi/v1/openOrders", "symbol=ETHUSDT").body().size();
            for (int i = open; i < 200; i++) {
                SignedHttp.Reply reply = http.signed("POST", "/futures/fapi/v1/order", order);
                assertThat(reply.status()).isEqualTo(200);
                placed.add(reply.body().get("orderId").asLong());
            }

            SignedHttp.Reply refused = http.signed("POST", "/futures/fapi/v1/order", order);
            SignedHttp.Reply otherSymbol = http.signed("POST", "/futures/fapi/v1/order/test",
                    "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.010");

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo(-2025);
            assertThat(refused.body().get("msg").asString()).isEqualTo("Reach max open order limit.");
            assertThat(otherSymbol.status()).isEqualTo(200);
        } finally {
            for (long orderId : placed) {
                http.signed("DELETE", "/futures/fapi/v1/order", "symbol=ETHUSDT&orderId=" + orderId);
            }
        }
        assertThat(http.signed("POST", "/futures/fapi/v1/order", order + "&newOrderRespType=RESULT").status()).isEqualTo(200);
        JsonNode left = http.signed("GET", "/futures/fapi/v1/openOrders", "symbol=ETHUSDT").body();
        left.forEach(o -> http.signed("DELETE", "/futures/fapi/v1/order", "symbol=ETHUSDT&orderId=" + o.get("orderId").asLong()));
    }
}
