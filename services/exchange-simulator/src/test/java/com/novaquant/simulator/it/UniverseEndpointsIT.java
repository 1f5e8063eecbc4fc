package com.novaquant.simulator.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The all-symbol market-data endpoints a universe scanner polls, over HTTP on a 26-symbol simulator: every listed
 * symbol, field by field as Binance documents them, and the request weight Binance charges for each form.
 */
@UniverseSimulatorTest
class UniverseEndpointsIT {

    static final int UNIVERSE = 26;
    static final List<String> FOUR_HOUR_SYMBOLS = List.of("APTUSDT", "ARBUSDT", "OPUSDT", "SUIUSDT", "TIAUSDT", "WIFUSDT");
    static final String SPOT_DECIMAL = "\\d+\\.\\d{8}";

    @LocalServerPort
    int port;
    SignedHttp http;

    @BeforeEach
    void setUp() {
        http = new SignedHttp(port);
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    /**
     * The weight one call adds to X-MBX-USED-WEIGHT-1M: the header after it minus the header of a call made just before
     * (weight 1 on USD-M ping, 1 on spot ping), taken again if a minute window turned over between the two.
     */
    int weightOf(String pingPath, Supplier<SignedHttp.Reply> call) {
        for (int attempt = 0; attempt < 3; attempt++) {
            long minute = System.currentTimeMillis() / 60_000;
            int before = Integer.parseInt(http.get(pingPath).header("X-MBX-USED-WEIGHT-1M"));
            SignedHttp.Reply reply = call.get();
            assertThat(reply.status()).isEqualTo(200);
            int after = Integer.parseInt(reply.header("X-MBX-USED-WEIGHT-1M"));
            if (System.currentTimeMillis() / 60_000 == minute && after >= before) {
                return after - before;
            }
        }
        throw new AssertionError("the weight window kept turning over");
    }

    int spotWeight(String path) {
        return weightOf("/spot/api/v3/ping", () -> http.get(path));
    }

    int futuresWeight(String path) {
        return weightOf("/futures/fapi/v1/ping", () -> http.get(path));
    }

    @Test
    void spotExchangeInfoListsEveryUniverseSymbolTradingWithBinancesFields() {
        JsonNode info = http.get("/spot/api/v3/exchangeInfo").body();

        assertThat(fieldNames(info)).containsExactly("timezone", "serverTime", "rateLimits", "exchangeFilters", "symbols");
        JsonNode symbols = info.get("symbols");
        assertThat(symbols.size()).isEqualTo(UNIVERSE);
        for (JsonNode s : symbols) {
            assertThat(fieldNames(s)).containsExactly("symbol", "status", "baseAsset", "baseAssetPrecision", "quoteAsset",
                    "quotePrecision", "quoteAssetPrecision", "baseCommissionPrecision", "quoteCommissionPrecision",
                    "orderTypes", "icebergAllowed", "ocoAllowed", "otoAllowed", "quoteOrderQtyMarketAllowed",
                    "allowTrailingStop", "cancelReplaceAllowed", "amendAllowed", "isSpotTradingAllowed",
                    "isMarginTradingAllowed", "filters", "permissions", "permissionSets", "defaultSelfTradePreventionMode",
                    "allowedSelfTradePreventionModes");
            assertThat(s.get("status").asString()).isEqualTo("TRADING");
            assertThat(s.get("baseAsset").asString() + s.get("quoteAsset").asString()).isEqualTo(s.get("symbol").asString());
            JsonNode price = s.get("filters").get(0);
            assertThat(price.get("filterType").asString()).isEqualTo("PRICE_FILTER");
            assertThat(price.get("tickSize").asString()).matches(SPOT_DECIMAL);
        }
        assertThat(symbols.findValuesAsString("symbol")).contains("BTCUSDT", "DOGEUSDT", "WIFUSDT");
        JsonNode doge = symbols.findParents("symbol").stream().filter(s -> s.get("symbol").asString().equals("DOGEUSDT")).findFirst().orElseThrow();
        assertThat(doge.get("filters").get(0).get("tickSize").asString()).isEqualTo("0.00001000");
        assertThat(spotWeight("/spot/api/v3/exchangeInfo")).isEqualTo(20);
    }

    @Test
    void futuresExchangeInfoListsEveryUniverseSymbolAsATradingPerpetual() {
        JsonNode info = http.get("/futures/fapi/v1/exchangeInfo").body();

        assertThat(fieldNames(info)).containsExactly("timezone", "serverTime", "futuresType", "rateLimits",
                "exchangeFilters", "assets", "symbols");
        JsonNode symbols = info.get("symbols");
        assertThat(symbols.size()).isEqualTo(UNIVERSE);
        for (JsonNode s : symbols) {
            assertThat(fieldNames(s)).containsExactly("symbol", "pair", "contractType", "deliveryDate", "onboardDate",
                    "status", "maintMarginPercent", "requiredMarginPercent", "baseAsset", "quoteAsset", "marginAsset",
                    "pricePrecision", "quantityPrecision", "baseAssetPrecision", "quotePrecision", "underlyingType",
                    "underlyingSubType", "settlePlan", "triggerProtect", "liquidationFee", "marketTakeBound", "filters",
                    "orderTypes", "timeInForce");
            assertThat(s.get("contractType").asString()).isEqualTo("PERPETUAL");
            assertThat(s.get("status").asString()).isEqualTo("TRADING");
            assertThat(s.get("pair").asString()).isEqualTo(s.get("symbol").asString());
            assertThat(s.get("filters").findValuesAsString("filterType"))
                    .containsExactly("PRICE_FILTER", "LOT_SIZE", "MARKET_LOT_SIZE", "MAX_NUM_ORDERS", "MIN_NOTIONAL", "PERCENT_PRICE");
        }
        assertThat(futuresWeight("/futures/fapi/v1/exchangeInfo")).isEqualTo(1);
    }

    @Test
    void spot24hTickersOfEverySymbolCarryEachSymbolsQuoteVolume() {
        JsonNode all = http.get("/spot/api/v3/ticker/24hr").body();

        assertThat(all.isArray()).isTrue();
        assertThat(all.size()).isEqualTo(UNIVERSE);
        for (JsonNode t : all) {
            assertThat(fieldNames(t)).containsExactly("symbol", "priceChange", "priceChangePercent", "weightedAvgPrice",
                    "prevClosePrice", "lastPrice", "lastQty", "bidPrice", "bidQty", "askPrice", "askQty", "openPrice",
                    "highPrice", "lowPrice", "volume", "quoteVolume", "openTime", "closeTime", "firstId", "lastId", "count");
            assertThat(t.get("quoteVolume").asString()).matches(SPOT_DECIMAL);
            assertThat(new BigDecimal(t.get("quoteVolume").asString())).isPositive();
            assertThat(new BigDecimal(t.get("lastPrice").asString())).isPositive();
        }
        Map<String, String> quoteVolumes = new java.util.HashMap<>();
        all.forEach(t -> quoteVolumes.put(t.get("symbol").asString(), t.get("quoteVolume").asString()));
        assertThat(quoteVolumes).containsEntry("TIAUSDT", "3500000.00000000").containsEntry("BTCUSDT", "1500000000.00000000");
        assertThat(spotWeight("/spot/api/v3/ticker/24hr")).isEqualTo(80);
        assertThat(spotWeight("/spot/api/v3/ticker/24hr?symbol=TIAUSDT")).isEqualTo(2);
    }

    @Test
    void futures24hTickersOfEverySymbolCarryTheUsdmQuoteVolume() {
        JsonNode all = http.get("/futures/fapi/v1/ticker/24hr").body();

        assertThat(all.size()).isEqualTo(UNIVERSE);
        for (JsonNode t : all) {
            assertThat(fieldNames(t)).containsExactly("symbol", "priceChange", "priceChangePercent", "weightedAvgPrice",
                    "lastPrice", "lastQty", "openPrice", "highPrice", "lowPrice", "volume", "quoteVolume", "openTime",
                    "closeTime", "firstId", "lastId", "count");
        }
        JsonNode fil = all.findParents("symbol").stream().filter(t -> t.get("symbol").asString().equals("FILUSDT")).findFirst().orElseThrow();
        assertThat(fil.get("quoteVolume").asString()).isEqualTo("7500000.00000000");
        assertThat(futuresWeight("/futures/fapi/v1/ticker/24hr")).isEqualTo(40);
        assertThat(futuresWeight("/futures/fapi/v1/ticker/24hr?symbol=FILUSDT")).isEqualTo(1);
    }

    @Test
    void bookTickersOfEverySymbolAreArraysOfBinancesFields() {
        JsonNode spot = http.get("/spot/api/v3/ticker/bookTicker").body();
        JsonNode futures = http.get("/futures/fapi/v1/ticker/bookTicker").body();
        JsonNode one = http.get("/spot/api/v3/ticker/bookTicker?symbol=SUIUSDT").body();

        assertThat(spot.size()).isEqualTo(UNIVERSE);
        assertThat(futures.size()).isEqualTo(UNIVERSE);
        for (JsonNode t : spot) {
            assertThat(fieldNames(t)).containsExactly("symbol", "bidPrice", "bidQty", "askPrice", "askQty");
            assertThat(t.get("bidPrice").asString()).matches(SPOT_DECIMAL);
            assertThat(new BigDecimal(t.get("bidPrice").asString())).isLessThan(new BigDecimal(t.get("askPrice").asString()));
        }
        for (JsonNode t : futures) {
            assertThat(fieldNames(t)).containsExactlyInAnyOrder("symbol", "bidPrice", "bidQty", "askPrice", "askQty",
                    "time", "lastUpdateId");
            assertThat(new BigDecimal(t.get("bidPrice").asString())).isLessThan(new BigDecimal(t.get("askPrice").asString()));
        }
        assertThat(one.isObject()).isTrue();
        assertThat(one.get("symbol").asString()).isEqualTo("SUIUSDT");
        assertThat(spotWeight("/spot/api/v3/ticker/bookTicker")).isEqualTo(4);
        assertThat(spotWeight("/spot/api/v3/ticker/bookTicker?symbol=SUIUSDT")).isEqualTo(2);
        assertThat(futuresWeight("/futures/fapi/v1/ticker/bookTicker")).isEqualTo(5);
        assertThat(futuresWeight("/futures/fapi/v1/ticker/bookTicker?symbol=SUIUSDT")).isEqualTo(2);
    }

    @Test
    void premiumIndexOfEverySymbolShowsRotatingRatesAndEachSymbolsNextFunding() {
        JsonNode all = http.get("/futures/fapi/v1/premiumIndex").body();

        assertThat(all.isArray()).isTrue();
        assertThat(all.size()).isEqualTo(UNIVERSE);
        long fourHours = 4 * 3_600_000L;
        long now = System.currentTimeMillis();
        int negative = 0;
        for (JsonNode p : all) {
            assertThat(fieldNames(p)).containsExactly("symbol", "markPrice", "indexPrice", "estimatedSettlePrice",
                    "lastFundingRate", "interestRate", "nextFundingTime", "time");
            long next = p.get("nextFundingTime").asLong();
            long interval = FOUR_HOUR_SYMBOLS.contains(p.get("symbol").asString()) ? fourHours : 2 * fourHours;
            // At clock speed 1 the next settlement is the next multiple of the symbol's interval, within one interval.
            assertThat(Math.floorMod(next, interval)).as(p.get("symbol").asString()).isLessThan(5_000L);
            assertThat(next - now).isBetween(-5_000L, interval + 5_000L);
            negative += new BigDecimal(p.get("lastFundingRate").asString()).signum() < 0 ? 1 : 0;
        }
        assertThat(negative).as("symbols whose funding stays negative").isGreaterThanOrEqualTo(3);
        assertThat(all.findValuesAsString("lastFundingRate").stream().distinct().count()).isGreaterThan(20);
        assertThat(futuresWeight("/futures/fapi/v1/premiumIndex")).isEqualTo(10);
        assertThat(futuresWeight("/futures/fapi/v1/premiumIndex?symbol=OPUSDT")).isEqualTo(1);
    }

    @Test
    void fundingInfoListsExactlyTheSymbolsThatSettleEveryFourHours() {
        JsonNode info = http.get("/futures/fapi/v1/fundingInfo").body();

        assertThat(info.findValuesAsString("symbol")).containsExactlyInAnyOrderElementsOf(FOUR_HOUR_SYMBOLS);
        for (JsonNode entry : info) {
            assertThat(fieldNames(entry)).containsExactly("symbol", "adjustedFundingRateCap", "adjustedFundingRateFloor",
                    "fundingIntervalHours", "disclaimer");
            assertThat(entry.get("fundingIntervalHours").asInt()).isEqualTo(4);
            assertThat(entry.get("adjustedFundingRateCap").asString()).isEqualTo("0.02000000");
            assertThat(entry.get("disclaimer").asBoolean()).isFalse();
        }
        assertThat(futuresWeight("/futures/fapi/v1/fundingInfo")).isZero();
    }
}
