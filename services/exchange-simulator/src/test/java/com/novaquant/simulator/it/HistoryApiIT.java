package com.novaquant.simulator.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Trade, order and income history over REST, shaped and ruled as Binance serves them. */
@SimulatorIntegrationTest
class HistoryApiIT {

    static final long HOUR = 3_600_000L;
    static final List<String> SPOT_TRADE_FIELDS = List.of("symbol", "id", "orderId", "orderListId", "price", "qty",
            "quoteQty", "commission", "commissionAsset", "time", "isBuyer", "isMaker", "isBestMatch");
    static final List<String> FUTURES_TRADE_FIELDS = List.of("buyer", "commission", "commissionAsset", "id", "maker",
            "orderId", "price", "qty", "quoteQty", "realizedPnl", "side", "positionSide", "symbol", "time");

    @LocalServerPort
    int port;
    SignedHttp http;

    @BeforeEach
    void setUp() {
        http = new SignedHttp(port);
        http.admin("DELETE", "/admin/faults", null);
    }

    static List<JsonNode> rows(SignedHttp.Reply reply) {
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        return StreamSupport.stream(reply.body().spliterator(), false).toList();
    }

    static BigDecimal dec(JsonNode node, String field) {
        return new BigDecimal(node.get(field).asString());
    }

    long futuresOrder(String symbol, String side, String qty) {
        SignedHttp.Reply reply = http.signed("POST", "/futures/fapi/v1/order",
                "symbol=" + symbol + "&side=" + side + "&type=MARKET&quantity=" + qty + "&newOrderRespType=RESULT");
        assertThat(reply.body().get("status").asString()).isEqualTo("FILLED");
        return reply.body().get("orderId").asLong();
    }

    @Test
    void spotMyTradesListAnOrdersFillsAsTheFullAnswerGaveThem() {
        SignedHttp.Reply buy = http.signed("POST", "/spot/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01000");
        long buyId = buy.body().get("orderId").asLong();
        long sellId = http.signed("POST", "/spot/api/v3/order", "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.00500")
                .body().get("orderId").asLong();

        SignedHttp.Reply byOrder = http.signed("GET", "/spot/api/v3/myTrades", "symbol=BTCUSDT&orderId=" + buyId);
        List<JsonNode> trades = rows(byOrder);
        JsonNode fills = buy.body().get("fills");

        assertThat(byOrder.header("X-MBX-USED-WEIGHT-1M")).isNotNull();
        assertThat(trades).hasSize(fills.size());
        for (int i = 0; i < trades.size(); i++) {
            JsonNode t = trades.get(i);
            assertThat(t.propertyNames()).containsExactlyElementsOf(SPOT_TRADE_FIELDS);
            assertThat(t.get("id").asLong()).isEqualTo(fills.get(i).get("tradeId").asLong());
            assertThat(t.get("commission").asString()).isEqualTo(fills.get(i).get("commission").asString());
            assertThat(t.get("commissionAsset").asString()).isEqualTo("BTC");
            assertThat(t.get("orderListId").asInt()).isEqualTo(-1);
            assertThat(t.get("isBuyer").asBoolean()).isTrue();
            assertThat(t.get("isMaker").asBoolean()).isFalse();
            assertThat(t.get("isBestMatch").asBoolean()).isTrue();
            assertThat(dec(t, "quoteQty")).isEqualByComparingTo(dec(t, "price").multiply(dec(t, "qty")));
            assertThat(t.get("price").asString()).matches("\\d+\\.\\d{8}");
        }
        List<JsonNode> fromBuy = rows(http.signed("GET", "/spot/api/v3/myTrades",
                "symbol=BTCUSDT&fromId=" + trades.getFirst().get("id").asLong()));
        assertThat(fromBuy).extracting(t -> t.get("id").asLong()).isSorted();
        assertThat(fromBuy).extracting(t -> t.get("orderId").asLong()).contains(buyId, sellId);
        assertThat(fromBuy).filteredOn(t -> t.get("orderId").asLong() == sellId)
                .allSatisfy(t -> assertThat(t.get("commissionAsset").asString()).isEqualTo("USDT"));
    }

    @Test
    void spotAllOrdersRowsAreTheOrderQueryAnswers() {
        long orderId = http.signed("POST", "/spot/api/v3/order",
                        "symbol=ETHUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.0100&price=1000.00")
                .body().get("orderId").asLong();

        List<JsonNode> orders = rows(http.signed("GET", "/spot/api/v3/allOrders", "symbol=ETHUSDT&orderId=" + orderId));
        SignedHttp.Reply query = http.signed("GET", "/spot/api/v3/order", "symbol=ETHUSDT&orderId=" + orderId);
        List<JsonNode> recent = rows(http.signed("GET", "/spot/api/v3/allOrders", "symbol=ETHUSDT&limit=1"));

        assertThat(orders.getFirst()).isEqualTo(query.body());
        assertThat(orders).extracting(o -> o.get("orderId").asLong()).isSorted().allMatch(id -> id >= orderId);
        assertThat(recent).singleElement().satisfies(o -> assertThat(o.get("orderId").asLong()).isGreaterThanOrEqualTo(orderId));
    }

    @Test
    void spotHistoryRefusesFromIdWithATimeRangeAndRangesOverADay() {
        long now = System.currentTimeMillis();

        SignedHttp.Reply combined = http.signed("GET", "/spot/api/v3/myTrades", "symbol=BTCUSDT&fromId=1&startTime=" + (now - HOUR));
        SignedHttp.Reply orderAndTime = http.signed("GET", "/spot/api/v3/myTrades", "symbol=BTCUSDT&orderId=1&endTime=" + now);
        SignedHttp.Reply tradesSpan = http.signed("GET", "/spot/api/v3/myTrades",
                "symbol=BTCUSDT&startTime=" + (now - 25 * HOUR) + "&endTime=" + now);
        SignedHttp.Reply ordersSpan = http.signed("GET", "/spot/api/v3/allOrders",
                "symbol=BTCUSDT&startTime=" + (now - 25 * HOUR) + "&endTime=" + now);
        SignedHttp.Reply noSymbol = http.signed("GET", "/spot/api/v3/myTrades", "");

        assertThat(combined.status()).isEqualTo(400);
        assertThat(combined.code()).isEqualTo(-1128);
        assertThat(combined.body().get("msg").asString()).isEqualTo("Combination of optional parameters invalid.");
        assertThat(orderAndTime.code()).isEqualTo(-1128);
        assertThat(tradesSpan.code()).isEqualTo(-1127);
        assertThat(tradesSpan.body().get("msg").asString()).isEqualTo("More than 24 hours between startTime and endTime.");
        assertThat(ordersSpan.code()).isEqualTo(-1127);
        assertThat(noSymbol.code()).isEqualTo(-1102);
    }

    @Test
    void futuresUserTradesCarryCommissionAndRealizedPnlAsTheIncomeHistoryRecordsThem() {
        long before = System.currentTimeMillis() - 1000;
        long open = futuresOrder("ETHUSDT", "SELL", "0.050");
        long close = futuresOrder("ETHUSDT", "BUY", "0.020");

        List<JsonNode> trades = new ArrayList<>();
        trades.addAll(rows(http.signed("GET", "/futures/fapi/v1/userTrades", "symbol=ETHUSDT&orderId=" + open)));
        trades.addAll(rows(http.signed("GET", "/futures/fapi/v1/userTrades", "symbol=ETHUSDT&orderId=" + close)));
        List<JsonNode> commissions = rows(http.signed("GET", "/futures/fapi/v1/income",
                "symbol=ETHUSDT&incomeType=COMMISSION&limit=1000&startTime=" + before));
        List<JsonNode> realized = rows(http.signed("GET", "/futures/fapi/v1/income",
                "symbol=ETHUSDT&incomeType=REALIZED_PNL&limit=1000&startTime=" + before));

        assertThat(trades).isNotEmpty().allSatisfy(t -> {
            assertThat(t.propertyNames()).containsExactlyElementsOf(FUTURES_TRADE_FIELDS);
            assertThat(t.get("positionSide").asString()).isEqualTo("BOTH");
            assertThat(t.get("side").asString()).isEqualTo(t.get("orderId").asLong() == open ? "SELL" : "BUY");
            assertThat(t.get("buyer").asBoolean()).isEqualTo(t.get("orderId").asLong() == close);
            assertThat(dec(t, "commission")).isPositive();
            String tradeId = t.get("id").asString();
            assertThat(commissions).filteredOn(r -> r.get("tradeId").asString().equals(tradeId)).singleElement()
                    .satisfies(r -> assertThat(dec(r, "income")).isEqualByComparingTo(dec(t, "commission").negate()));
            List<JsonNode> pnl = realized.stream().filter(r -> r.get("tradeId").asString().equals(tradeId)).toList();
            if (dec(t, "realizedPnl").signum() == 0) {
                assertThat(pnl).isEmpty();
            } else {
                assertThat(pnl).singleElement()
                        .satisfies(r -> assertThat(dec(r, "income")).isEqualByComparingTo(dec(t, "realizedPnl")));
            }
        });
        BigDecimal closed = trades.stream().filter(t -> t.get("orderId").asLong() == close)
                .map(t -> dec(t, "qty")).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(closed).isEqualByComparingTo("0.020");
    }

    @Test
    void futuresAllOrdersRowsAreTheOrderQueryAnswersAndTheLastSevenDaysByDefault() {
        long orderId = futuresOrder("BTCUSDT", "BUY", "0.010");

        List<JsonNode> fromOrder = rows(http.signed("GET", "/futures/fapi/v1/allOrders", "symbol=BTCUSDT&orderId=" + orderId));
        SignedHttp.Reply query = http.signed("GET", "/futures/fapi/v1/order", "symbol=BTCUSDT&orderId=" + orderId);
        List<JsonNode> recent = rows(http.signed("GET", "/futures/fapi/v1/allOrders", "symbol=BTCUSDT"));
        List<JsonNode> aWeekAgo = rows(http.signed("GET", "/futures/fapi/v1/allOrders",
                "symbol=BTCUSDT&endTime=" + (System.currentTimeMillis() - 7 * 24 * HOUR)));

        assertThat(fromOrder.getFirst()).isEqualTo(query.body());
        assertThat(recent).extracting(o -> o.get("orderId").asLong()).isSorted().contains(orderId);
        assertThat(aWeekAgo).isEmpty();
    }

    @Test
    void futuresHistoryRefusesFromIdWithATimeRangeAndRangesOverSevenDays() {
        long now = System.currentTimeMillis();

        SignedHttp.Reply combined = http.signed("GET", "/futures/fapi/v1/userTrades", "symbol=BTCUSDT&fromId=1&endTime=" + now);
        SignedHttp.Reply tradesSpan = http.signed("GET", "/futures/fapi/v1/userTrades",
                "symbol=BTCUSDT&startTime=" + (now - 8 * 24 * HOUR) + "&endTime=" + now);
        SignedHttp.Reply ordersSpan = http.signed("GET", "/futures/fapi/v1/allOrders",
                "symbol=BTCUSDT&startTime=" + (now - 8 * 24 * HOUR) + "&endTime=" + now);

        assertThat(combined.status()).isEqualTo(400);
        assertThat(combined.code()).isEqualTo(-1128);
        assertThat(tradesSpan.code()).isEqualTo(-1127);
        assertThat(tradesSpan.body().get("msg").asString()).isEqualTo("More than 168 hours between startTime and endTime.");
        assertThat(ordersSpan.code()).isEqualTo(-1127);
    }

    @Test
    void incomeIsFilteredByTypeAndSymbolServedOldestFirstAndCutIntoPages() {
        long before = System.currentTimeMillis() - 1000;
        futuresOrder("BTCUSDT", "SELL", "0.010");
        futuresOrder("BTCUSDT", "BUY", "0.010");
        String range = "symbol=BTCUSDT&incomeType=COMMISSION&startTime=" + before;

        List<JsonNode> firstTwo = rows(http.signed("GET", "/futures/fapi/v1/income", range + "&limit=2"));
        List<JsonNode> page1 = rows(http.signed("GET", "/futures/fapi/v1/income", range + "&limit=1&page=1"));
        List<JsonNode> page2 = rows(http.signed("GET", "/futures/fapi/v1/income", range + "&limit=1&page=2"));
        List<JsonNode> all = rows(http.signed("GET", "/futures/fapi/v1/income", range));
        SignedHttp.Reply unknownSymbol = http.signed("GET", "/futures/fapi/v1/income", "symbol=NOPE");

        assertThat(all.size()).isGreaterThanOrEqualTo(2);
        assertThat(all).allSatisfy(r -> {
            assertThat(r.get("incomeType").asString()).isEqualTo("COMMISSION");
            assertThat(r.get("symbol").asString()).isEqualTo("BTCUSDT");
            assertThat(r.get("tradeId").asString()).isNotEmpty();
            assertThat(r.get("time").asLong()).isGreaterThanOrEqualTo(before);
        });
        assertThat(all).extracting(r -> r.get("time").asLong()).isSorted();
        assertThat(firstTwo).containsExactly(all.get(0), all.get(1));
        assertThat(page1).containsExactly(all.get(0));
        assertThat(page2).containsExactly(all.get(1));
        assertThat(unknownSymbol.code()).isEqualTo(-1121);
    }
}
