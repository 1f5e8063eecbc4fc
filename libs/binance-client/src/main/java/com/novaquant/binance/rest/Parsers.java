package com.novaquant.binance.rest;

import com.novaquant.binance.filters.ExchangeInfo;
import com.novaquant.binance.filters.LotSizeFilter;
import com.novaquant.binance.filters.NotionalFilter;
import com.novaquant.binance.filters.PriceFilter;
import com.novaquant.binance.filters.RateLimitRule;
import com.novaquant.binance.filters.SymbolFilters;
import com.novaquant.binance.filters.SymbolInfo;
import com.novaquant.binance.outcome.Fill;
import com.novaquant.binance.outcome.OrderSnapshot;
import com.novaquant.binance.terms.OrderStatus;
import com.novaquant.binance.terms.Venue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Turns Binance JSON bodies into this library's records. Throws IllegalArgumentException on nonsense. */
final class Parsers {

    private static final MathContext PRICE_CONTEXT = new MathContext(20, RoundingMode.HALF_EVEN);

    private Parsers() {
    }

    /** A spot order (FULL/RESULT/ACK, query, cancel) or a USD-M order (RESULT/ACK, query, cancel). */
    static OrderSnapshot order(Venue venue, JsonNode n) {
        if (!n.isObject() || !n.has("orderId")) {
            throw new IllegalArgumentException("not an order object");
        }
        BigDecimal executed = Json.decimal(n, "executedQty");
        BigDecimal cumQuote = venue == Venue.SPOT ? Json.decimal(n, "cummulativeQuoteQty") : Json.decimal(n, "cumQuote");
        BigDecimal average;
        if (venue == Venue.USDM && n.has("avgPrice")) {
            average = Json.decimal(n, "avgPrice");
        } else if (executed.signum() > 0 && cumQuote.signum() > 0) {
            average = cumQuote.divide(executed, PRICE_CONTEXT).stripTrailingZeros();
        } else {
            average = BigDecimal.ZERO;
        }
        List<Fill> fills = new ArrayList<>();
        for (JsonNode f : n.path("fills")) {
            String asset = Json.text(f, "commissionAsset");
            fills.add(new Fill(Json.decimal(f, "price"), Json.decimal(f, "qty"), Json.decimal(f, "commission"),
                    asset.isEmpty() ? null : asset, Json.number(f, "tradeId")));
        }
        long time = n.has("transactTime") ? Json.number(n, "transactTime") : Json.number(n, "updateTime");
        return new OrderSnapshot(venue, Json.text(n, "symbol"), Json.number(n, "orderId"),
                Json.text(n, "clientOrderId"), Json.text(n, "side"), Json.text(n, "type"),
                OrderStatus.parse(n.has("status") ? Json.text(n, "status") : null), Json.decimal(n, "price"),
                Json.decimal(n, "origQty"), executed, cumQuote, average, fills, time);
    }

    static List<OrderSnapshot> orders(Venue venue, JsonNode array) {
        requireArray(array);
        List<OrderSnapshot> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(order(venue, n));
        }
        return out;
    }

    static ExchangeInfo exchangeInfo(Venue venue, JsonNode n) {
        List<RateLimitRule> limits = new ArrayList<>();
        for (JsonNode r : n.path("rateLimits")) {
            limits.add(new RateLimitRule(Json.text(r, "rateLimitType"), Json.text(r, "interval"),
                    (int) Json.number(r, "intervalNum"), (int) Json.number(r, "limit")));
        }
        Map<String, SymbolInfo> symbols = new HashMap<>();
        for (JsonNode s : n.path("symbols")) {
            String symbol = Json.text(s, "symbol");
            PriceFilter price = null;
            LotSizeFilter lot = null;
            LotSizeFilter marketLot = null;
            NotionalFilter notional = null;
            for (JsonNode f : s.path("filters")) {
                switch (Json.text(f, "filterType")) {
                    case "PRICE_FILTER" -> price = new PriceFilter(Json.decimal(f, "minPrice"),
                            Json.decimal(f, "maxPrice"), Json.decimal(f, "tickSize"));
                    case "LOT_SIZE" -> lot = lotSize(f);
                    case "MARKET_LOT_SIZE" -> marketLot = lotSize(f);
                    case "NOTIONAL" -> notional = new NotionalFilter(Json.decimal(f, "minNotional"),
                            Json.bool(f, "applyMinToMarket"), Json.decimal(f, "maxNotional"),
                            Json.bool(f, "applyMaxToMarket"), false);
                    case "MIN_NOTIONAL" -> {
                        // Spot's older MIN_NOTIONAL uses minNotional/applyToMarket; USD-M uses notional and
                        // always applies to MARKET orders (at the mark price), exempting reduce-only orders.
                        if (venue == Venue.USDM) {
                            notional = new NotionalFilter(Json.decimal(f, "notional"), true, BigDecimal.ZERO,
                                    false, true);
                        } else if (notional == null) {
                            notional = new NotionalFilter(Json.decimal(f, "minNotional"),
                                    Json.bool(f, "applyToMarket"), BigDecimal.ZERO, false, false);
                        }
                    }
                    default -> {
                        // Other filters (PERCENT_PRICE, MAX_NUM_ORDERS, ...) are enforced by Binance only.
                    }
                }
            }
            SymbolFilters filters = new SymbolFilters(venue, symbol, price, lot, marketLot, notional);
            symbols.put(symbol, new SymbolInfo(symbol, Json.text(s, "status").isEmpty()
                    ? Json.text(s, "contractStatus") : Json.text(s, "status"),
                    Json.text(s, "baseAsset"), Json.text(s, "quoteAsset"), filters));
        }
        return new ExchangeInfo(venue, Json.number(n, "serverTime"), limits, symbols);
    }

    private static LotSizeFilter lotSize(JsonNode f) {
        return new LotSizeFilter(Json.decimal(f, "minQty"), Json.decimal(f, "maxQty"), Json.decimal(f, "stepSize"));
    }

    static SpotAccount spotAccount(JsonNode n) {
        List<AssetBalance> balances = new ArrayList<>();
        for (JsonNode b : n.path("balances")) {
            AssetBalance balance = new AssetBalance(Json.text(b, "asset"), Json.decimal(b, "free"),
                    Json.decimal(b, "locked"));
            if (balance.total().signum() != 0) {
                balances.add(balance);
            }
        }
        return new SpotAccount(!n.has("canTrade") || Json.bool(n, "canTrade"), balances,
                Json.number(n, "updateTime"));
    }

    static FuturesBalance futuresBalance(JsonNode b) {
        return new FuturesBalance(Json.text(b, "asset"),
                b.has("balance") ? Json.decimal(b, "balance") : Json.decimal(b, "walletBalance"),
                Json.decimal(b, "crossWalletBalance"),
                b.has("crossUnPnl") ? Json.decimal(b, "crossUnPnl") : Json.decimal(b, "unrealizedProfit"),
                Json.decimal(b, "availableBalance"), Json.decimal(b, "maxWithdrawAmount"),
                Json.number(b, "updateTime"));
    }

    static List<FuturesBalance> futuresBalances(JsonNode array) {
        requireArray(array);
        List<FuturesBalance> out = new ArrayList<>();
        for (JsonNode b : array) {
            out.add(futuresBalance(b));
        }
        return out;
    }

    static FuturesAccount futuresAccount(JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("not an account object");
        }
        List<FuturesBalance> assets = new ArrayList<>();
        for (JsonNode a : n.path("assets")) {
            assets.add(futuresBalance(a));
        }
        return new FuturesAccount(Json.decimal(n, "totalWalletBalance"), Json.decimal(n, "totalUnrealizedProfit"),
                Json.decimal(n, "totalMarginBalance"), Json.decimal(n, "totalInitialMargin"),
                Json.decimal(n, "totalMaintMargin"), Json.decimal(n, "availableBalance"),
                Json.decimal(n, "maxWithdrawAmount"), assets);
    }

    static List<PositionRisk> positions(JsonNode array) {
        requireArray(array);
        List<PositionRisk> out = new ArrayList<>();
        for (JsonNode p : array) {
            out.add(new PositionRisk(Json.text(p, "symbol"),
                    Json.text(p, "positionSide").isEmpty() ? "BOTH" : Json.text(p, "positionSide"),
                    Json.decimal(p, "positionAmt"), Json.decimal(p, "entryPrice"), Json.decimal(p, "breakEvenPrice"),
                    Json.decimal(p, "markPrice"), Json.decimal(p, "unRealizedProfit"),
                    Json.decimal(p, "liquidationPrice"), Json.decimal(p, "notional"),
                    Json.decimal(p, "initialMargin"), Json.decimal(p, "maintMargin"), Json.number(p, "updateTime")));
        }
        return out;
    }

    static List<IncomeRecord> income(JsonNode array) {
        requireArray(array);
        List<IncomeRecord> out = new ArrayList<>();
        for (JsonNode i : array) {
            out.add(new IncomeRecord(Json.text(i, "symbol"), Json.text(i, "incomeType"), Json.decimal(i, "income"),
                    Json.text(i, "asset"), Json.text(i, "info"), Json.number(i, "time"), Json.number(i, "tranId"),
                    Json.text(i, "tradeId")));
        }
        return out;
    }

    /** {@code GET /api/v3/myTrades}: {@code isBuyer}/{@code isMaker}, no realised profit. */
    static List<AccountTrade> spotTrades(JsonNode array) {
        return accountTrades(array, "isBuyer", "isMaker", false);
    }

    /** {@code GET /fapi/v1/userTrades}: {@code buyer}/{@code maker} and {@code realizedPnl}. */
    static List<AccountTrade> futuresTrades(JsonNode array) {
        return accountTrades(array, "buyer", "maker", true);
    }

    private static List<AccountTrade> accountTrades(JsonNode array, String buyer, String maker, boolean realizedPnl) {
        requireArray(array);
        List<AccountTrade> out = new ArrayList<>();
        for (JsonNode t : array) {
            requireField(t, "id", "trade");
            out.add(new AccountTrade(Json.text(t, "symbol"), Json.number(t, "id"), Json.number(t, "orderId"),
                    Json.bool(t, buyer), Json.bool(t, maker), Json.decimal(t, "price"), Json.decimal(t, "qty"),
                    Json.decimal(t, "quoteQty"), Json.decimal(t, "commission"), Json.text(t, "commissionAsset"),
                    realizedPnl ? Json.decimal(t, "realizedPnl") : BigDecimal.ZERO, Json.number(t, "time")));
        }
        return out;
    }

    /** A row without a symbol or a positive interval is nonsense: a wrong interval misprices funding 2x-8x. */
    static List<FundingInfo> fundingInfo(JsonNode array) {
        requireArray(array);
        List<FundingInfo> out = new ArrayList<>();
        for (JsonNode f : array) {
            String symbol = Json.text(f, "symbol");
            long hours = Json.number(f, "fundingIntervalHours");
            if (symbol.isEmpty() || hours <= 0 || hours > 24) {
                throw new IllegalArgumentException("fundingInfo row without a symbol or a valid interval: " + f);
            }
            out.add(new FundingInfo(symbol, Json.decimal(f, "adjustedFundingRateCap"),
                    Json.decimal(f, "adjustedFundingRateFloor"), (int) hours));
        }
        return out;
    }

    static PremiumIndex premiumIndex(JsonNode n) {
        if (!n.isObject() || !n.has("markPrice")) {
            throw new IllegalArgumentException("not a premiumIndex object");
        }
        return new PremiumIndex(Json.text(n, "symbol"), Json.decimal(n, "markPrice"), Json.decimal(n, "indexPrice"),
                Json.decimal(n, "estimatedSettlePrice"), Json.decimal(n, "lastFundingRate"),
                Json.decimal(n, "interestRate"), Json.number(n, "nextFundingTime"), Json.number(n, "time"));
    }

    static BigDecimal lastPrice(JsonNode n) {
        if (!n.isObject() || !n.has("price")) {
            throw new IllegalArgumentException("not a ticker/price object");
        }
        return Json.decimal(n, "price");
    }

    static CommissionRates spotCommission(String symbol, JsonNode n) {
        BigDecimal maker = BigDecimal.ZERO;
        BigDecimal taker = BigDecimal.ZERO;
        for (String part : List.of("standardCommission", "specialCommission", "taxCommission")) {
            JsonNode c = n.path(part);
            maker = maker.add(Json.decimal(c, "maker"));
            taker = taker.add(Json.decimal(c, "taker"));
        }
        if (!n.has("standardCommission")) {
            throw new IllegalArgumentException("no standardCommission in commission response");
        }
        return new CommissionRates(Venue.SPOT, symbol, maker, taker);
    }

    static CommissionRates futuresCommission(String symbol, JsonNode n) {
        if (!n.has("makerCommissionRate")) {
            throw new IllegalArgumentException("no makerCommissionRate in commission response");
        }
        return new CommissionRates(Venue.USDM, symbol, Json.decimal(n, "makerCommissionRate"),
                Json.decimal(n, "takerCommissionRate"));
    }

    static LeverageSetting leverage(JsonNode n) {
        if (!n.has("leverage")) {
            throw new IllegalArgumentException("no leverage in response");
        }
        return new LeverageSetting(Json.text(n, "symbol"), (int) Json.number(n, "leverage"),
                Json.decimal(n, "maxNotionalValue"));
    }

    /** Binance answers {@code {"code":200,"msg":"success"}}; the symbol now has the margin type asked for. */
    static MarginTypeSetting marginTypeChanged(String symbol, MarginType marginType, JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("not a marginType answer");
        }
        return new MarginTypeSetting(symbol, marginType, true);
    }

    static PositionMode positionMode(JsonNode n) {
        return requiredBool(n, "dualSidePosition") ? PositionMode.HEDGE : PositionMode.ONE_WAY;
    }

    static AssetMode assetMode(JsonNode n) {
        return requiredBool(n, "multiAssetsMargin") ? AssetMode.MULTI_ASSETS : AssetMode.SINGLE_ASSET;
    }

    /** A mode flag that is missing must never read as false (the mode the desk wants). */
    private static boolean requiredBool(JsonNode n, String field) {
        JsonNode value = n.path(field);
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String text = value.isString() ? value.asString() : "";
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("no boolean " + field + " in response");
    }

    static long serverTime(JsonNode n) {
        long t = Json.number(n, "serverTime");
        if (t <= 0) {
            throw new IllegalArgumentException("no serverTime in response");
        }
        return t;
    }

    private static void requireField(JsonNode n, String field, String what) {
        if (!n.isObject() || !n.has(field)) {
            throw new IllegalArgumentException("not a " + what + " object (no " + field + ")");
        }
    }

    private static void requireArray(JsonNode n) {
        if (!n.isArray()) {
            throw new IllegalArgumentException("expected a JSON array");
        }
    }
}
