package com.novaquant.simulator.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** 24 h tickers, price tickers and klines of both venues, fundingInfo and the leverage brackets, over HTTP. */
@SimulatorIntegrationTest
class MarketDataIT {

    static final String SPOT_DECIMAL = "-?\\d+\\.\\d{8}";

    @LocalServerPort
    int port;
    SignedHttp http;

    @BeforeEach
    void setUp() {
        http = new SignedHttp(port);
        http.admin("DELETE", "/admin/faults", null);
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    @Test
    void spot24hTickerOfOneSymbolHasBinancesFieldsInOrder() {
        SignedHttp.Reply reply = http.get("/spot/api/v3/ticker/24hr?symbol=BTCUSDT");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode t = reply.body();
        assertThat(fieldNames(t)).containsExactly("symbol", "priceChange", "priceChangePercent", "weightedAvgPrice",
                "prevClosePrice", "lastPrice", "lastQty", "bidPrice", "bidQty", "askPrice", "askQty", "openPrice",
                "highPrice", "lowPrice", "volume", "quoteVolume", "openTime", "closeTime", "firstId", "lastId", "count");
        assertThat(t.get("symbol").asString()).isEqualTo("BTCUSDT");
        assertThat(t.get("lastPrice").asString()).matches(SPOT_DECIMAL);
        assertThat(new BigDecimal(t.get("lastPrice").asString())).isPositive();
        assertThat(new BigDecimal(t.get("highPrice").asString())).isGreaterThanOrEqualTo(new BigDecimal(t.get("lowPrice").asString()));
        assertThat(new BigDecimal(t.get("priceChange").asString()))
                .isEqualByComparingTo(new BigDecimal(t.get("lastPrice").asString()).subtract(new BigDecimal(t.get("openPrice").asString())));
        assertThat(t.get("priceChangePercent").asString()).matches("-?\\d+\\.\\d{3}");
        assertThat(t.get("closeTime").asLong() - t.get("openTime").asLong()).isEqualTo(86_400_000L);
        assertThat(t.get("quoteVolume").asString()).isEqualTo("1500000000.00000000");
        assertThat(new BigDecimal(t.get("volume").asString()))
                .isEqualByComparingTo(new BigDecimal("1500000000").divide(new BigDecimal(t.get("lastPrice").asString()), 8, java.math.RoundingMode.DOWN));
        assertThat(t.get("firstId").asLong()).isEqualTo(-1);
        assertThat(t.get("count").asLong()).isZero();
    }

    @Test
    void spot24hTickerTakesASymbolsArrayOrNothingAndRefusesAnUnknownSymbol() {
        String symbols = URLEncoder.encode("[\"ETHUSDT\",\"BTCUSDT\"]", StandardCharsets.UTF_8);

        SignedHttp.Reply some = http.get("/spot/api/v3/ticker/24hr?symbols=" + symbols);
        SignedHttp.Reply all = http.get("/spot/api/v3/ticker/24hr");
        SignedHttp.Reply unknown = http.get("/spot/api/v3/ticker/24hr?symbols=" + URLEncoder.encode("[\"NOPE\"]", StandardCharsets.UTF_8));

        assertThat(some.body().isArray()).isTrue();
        assertThat(some.body().findValuesAsString("symbol")).containsExactly("ETHUSDT", "BTCUSDT");
        assertThat(all.body().findValuesAsString("symbol")).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo(-1121);
    }

    @Test
    void futures24hTickerHasNoPreviousCloseAndNoBook() {
        JsonNode t = http.get("/futures/fapi/v1/ticker/24hr?symbol=ETHUSDT").body();
        JsonNode all = http.get("/futures/fapi/v1/ticker/24hr").body();

        assertThat(fieldNames(t)).containsExactly("symbol", "priceChange", "priceChangePercent", "weightedAvgPrice",
                "lastPrice", "lastQty", "openPrice", "highPrice", "lowPrice", "volume", "quoteVolume", "openTime",
                "closeTime", "firstId", "lastId", "count");
        assertThat(t.get("lastPrice").asString()).matches("\\d+\\.\\d{2}");
        assertThat(all.size()).isEqualTo(2);
    }

    @Test
    void priceTickersGiveTheLastPriceAndOnUsdmItsTime() {
        JsonNode spot = http.get("/spot/api/v3/ticker/price?symbol=BTCUSDT").body();
        JsonNode spotAll = http.get("/spot/api/v3/ticker/price").body();
        JsonNode v1 = http.get("/futures/fapi/v1/ticker/price?symbol=BTCUSDT").body();
        JsonNode v2 = http.get("/futures/fapi/v2/ticker/price").body();

        assertThat(fieldNames(spot)).containsExactly("symbol", "price");
        assertThat(spot.get("price").asString()).matches(SPOT_DECIMAL);
        assertThat(spotAll.size()).isEqualTo(2);
        assertThat(fieldNames(v1)).containsExactly("symbol", "price", "time");
        assertThat(v1.get("price").asString()).matches("\\d+\\.\\d");
        assertThat(v1.get("time").asLong()).isGreaterThan(System.currentTimeMillis() - 60_000);
        assertThat(v2.findValuesAsString("symbol")).containsExactly("BTCUSDT", "ETHUSDT");
    }

    @Test
    void spotKlinesAreTwelveElementRowsInAscendingOrder() {
        SignedHttp.Reply reply = http.get("/spot/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=3");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode rows = reply.body();
        assertThat(rows.size()).isBetween(1, 3);
        JsonNode row = rows.get(rows.size() - 1);
        assertThat(row.size()).isEqualTo(12);
        assertThat(row.get(0).isNumber()).isTrue();
        assertThat(row.get(0).asLong() % 60_000).isZero();
        assertThat(row.get(6).asLong()).isEqualTo(row.get(0).asLong() + 59_999);
        for (int i : new int[]{1, 2, 3, 4, 5, 7, 9, 10}) {
            assertThat(row.get(i).asString()).matches(SPOT_DECIMAL);
        }
        assertThat(new BigDecimal(row.get(2).asString())).isGreaterThanOrEqualTo(new BigDecimal(row.get(3).asString()));
        assertThat(row.get(8).asInt()).isZero();
        assertThat(row.get(11).asString()).isEqualTo("0");
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).get(0).asLong()).isGreaterThan(rows.get(i - 1).get(0).asLong());
        }
    }

    @Test
    void futuresKlinesOfALongerIntervalOpenOnItsBoundaryAndHonourTheTimeRange() {
        JsonNode hour = http.get("/futures/fapi/v1/klines?symbol=BTCUSDT&interval=1h&limit=2").body();
        long open = hour.get(hour.size() - 1).get(0).asLong();
        JsonNode before = http.get("/futures/fapi/v1/klines?symbol=BTCUSDT&interval=1h&endTime=" + (open - 1)).body();
        JsonNode from = http.get("/futures/fapi/v1/klines?symbol=BTCUSDT&interval=1h&startTime=" + open).body();

        assertThat(open % 3_600_000).isZero();
        assertThat(hour.get(hour.size() - 1).get(6).asLong()).isEqualTo(open + 3_599_999);
        assertThat(hour.get(hour.size() - 1).get(1).asString()).matches("\\d+\\.\\d");
        assertThat(hour.get(hour.size() - 1).get(5).asString()).isEqualTo("0.000");
        for (JsonNode row : before) {
            assertThat(row.get(0).asLong()).isLessThan(open);
        }
        assertThat(from.get(0).get(0).asLong()).isEqualTo(open);
    }

    @Test
    void klinesRefuseABadIntervalAMissingOneAndAnInvertedRange() {
        SignedHttp.Reply bad = http.get("/spot/api/v3/klines?symbol=BTCUSDT&interval=7m");
        SignedHttp.Reply badFutures = http.get("/futures/fapi/v1/klines?symbol=BTCUSDT&interval=1y");
        SignedHttp.Reply missing = http.get("/futures/fapi/v1/klines?symbol=BTCUSDT");
        SignedHttp.Reply inverted = http.get("/spot/api/v3/klines?symbol=BTCUSDT&interval=1m&startTime=2000&endTime=1000");
        SignedHttp.Reply malformed = http.get("/futures/fapi/v1/klines?symbol=BTCUSDT&interval=1m&limit=ten");
        SignedHttp.Reply unknown = http.get("/futures/fapi/v1/klines?symbol=NOPE&interval=1m");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo(-1120);
        assertThat(bad.body().get("msg").asString()).isEqualTo("Invalid interval.");
        assertThat(badFutures.code()).isEqualTo(-1120);
        assertThat(missing.code()).isEqualTo(-1102);
        assertThat(missing.body().get("msg").asString()).contains("'interval'");
        assertThat(inverted.code()).isEqualTo(-1023);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo(-1100);
        assertThat(unknown.code()).isEqualTo(-1121);
    }

    @Test
    void fundingInfoListsTheAdjustedSymbolsWithTheirFundingInterval() {
        SignedHttp.Reply reply = http.get("/futures/fapi/v1/fundingInfo");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().findValuesAsString("symbol")).containsExactly("BTCUSDT", "ETHUSDT");
        JsonNode btc = reply.body().get(0);
        assertThat(fieldNames(btc)).containsExactly("symbol", "adjustedFundingRateCap", "adjustedFundingRateFloor",
                "fundingIntervalHours", "disclaimer");
        // The integration simulator runs a one-hour funding interval, so both symbols count as adjusted.
        assertThat(btc.get("fundingIntervalHours").asInt()).isEqualTo(1);
        assertThat(btc.get("adjustedFundingRateCap").asString()).isEqualTo("0.02000000");
        assertThat(btc.get("adjustedFundingRateFloor").asString()).isEqualTo("-0.02000000");
        assertThat(btc.get("disclaimer").asBoolean()).isFalse();
    }

    @Test
    void leverageBracketIsSignedAndAnswersAnObjectForOneSymbolAndAListOtherwise() {
        SignedHttp.Reply one = http.signed("GET", "/futures/fapi/v1/leverageBracket", "symbol=BTCUSDT");
        SignedHttp.Reply all = http.signed("GET", "/futures/fapi/v1/leverageBracket", "");
        SignedHttp.Reply unsigned = http.get("/futures/fapi/v1/leverageBracket");
        SignedHttp.Reply unknown = http.signed("GET", "/futures/fapi/v1/leverageBracket", "symbol=NOPE");

        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body().isObject()).isTrue();
        assertThat(one.body().get("symbol").asString()).isEqualTo("BTCUSDT");
        assertThat(one.body().get("notionalCoef").asDouble()).isEqualTo(1.0);
        JsonNode first = one.body().get("brackets").get(0);
        assertThat(fieldNames(first)).containsExactly("bracket", "initialLeverage", "notionalCap", "notionalFloor",
                "maintMarginRatio", "cum");
        assertThat(first.toString()).isEqualTo(
                "{\"bracket\":1,\"initialLeverage\":125,\"notionalCap\":50000,\"notionalFloor\":0,\"maintMarginRatio\":0.004,\"cum\":0.0}");
        assertThat(one.body().get("brackets").get(1).get("cum").toString()).isEqualTo("50.0");
        assertThat(all.body().isArray()).isTrue();
        assertThat(all.body().findValuesAsString("symbol")).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(unsigned.code()).isEqualTo(-2014);
        assertThat(unknown.code()).isEqualTo(-1121);
    }

    @Test
    void leverageAnswersTheMaximumNotionalOfItsBracketAndRefusesMoreThanTheFirstBracketAllows() {
        SignedHttp.Reply set = http.signedBody("/futures/fapi/v1/leverage", "symbol=BTCUSDT&leverage=20");
        SignedHttp.Reply tooHigh = http.signedBody("/futures/fapi/v1/leverage", "symbol=BTCUSDT&leverage=126");

        assertThat(set.body().get("leverage").asInt()).isEqualTo(20);
        assertThat(set.body().get("maxNotionalValue").asString()).isEqualTo("50000000");
        assertThat(tooHigh.code()).isEqualTo(-4028);
    }
}
