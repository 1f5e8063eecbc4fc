package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.domain.market.Instrument;
import com.novaquant.simulator.domain.market.Listing;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.market.VenueRules;
import com.novaquant.simulator.domain.orders.OrderFilters;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * exchangeInfo of spot, USD-M and COIN-M as docs/binance-protocol.md shows it: the venue's rate limits and every
 * listed symbol with its status and filters (COIN-M lists none).
 */
final class ExchangeInfoJson {

    private static final List<Map<String, Object>> SPOT_RATE_LIMITS = List.of(
            Map.of("rateLimitType", "REQUEST_WEIGHT", "interval", "MINUTE", "intervalNum", 1, "limit", 6000),
            Map.of("rateLimitType", "ORDERS", "interval", "SECOND", "intervalNum", 10, "limit", 100),
            Map.of("rateLimitType", "ORDERS", "interval", "DAY", "intervalNum", 1, "limit", 200000));
    private static final List<Map<String, Object>> FUTURES_RATE_LIMITS = List.of(
            Map.of("rateLimitType", "REQUEST_WEIGHT", "interval", "MINUTE", "intervalNum", 1, "limit", 2400),
            Map.of("rateLimitType", "ORDERS", "interval", "MINUTE", "intervalNum", 1, "limit", 1200),
            Map.of("rateLimitType", "ORDERS", "interval", "SECOND", "intervalNum", 10, "limit", 300));
    private static final List<Map<String, Object>> DELIVERY_RATE_LIMITS = FUTURES_RATE_LIMITS.subList(0, 2);

    private ExchangeInfoJson() {
    }

    static Map<String, Object> spot(long serverTime, Collection<SymbolMarket> markets) {
        Map<String, Object> out = header(serverTime, null, SPOT_RATE_LIMITS);
        out.put("symbols", markets.stream().map(m -> spotSymbol(m.instrument(), m.listing(Venue.SPOT))).toList());
        return out;
    }

    static Map<String, Object> futures(long serverTime, Collection<SymbolMarket> markets) {
        Map<String, Object> out = header(serverTime, "U_MARGINED", FUTURES_RATE_LIMITS);
        out.put("assets", List.of(Map.of("asset", "USDT", "marginAvailable", true, "autoAssetExchange", "-10000")));
        out.put("symbols", markets.stream().map(m -> futuresSymbol(m.instrument(), m.listing(Venue.USDM))).toList());
        return out;
    }

    /** COIN-M lists no symbol. */
    static Map<String, Object> delivery(long serverTime) {
        Map<String, Object> out = header(serverTime, null, DELIVERY_RATE_LIMITS);
        out.put("symbols", List.of());
        return out;
    }

    private static Map<String, Object> header(long serverTime, String futuresType, List<Map<String, Object>> rateLimits) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("timezone", "UTC");
        out.put("serverTime", serverTime);
        if (futuresType != null) {
            out.put("futuresType", futuresType);
        }
        out.put("rateLimits", rateLimits);
        out.put("exchangeFilters", List.of());
        return out;
    }

    private static Map<String, Object> spotSymbol(Instrument instrument, Listing listing) {
        VenueRules r = instrument.spot();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", instrument.symbol());
        out.put("status", listing.binanceStatus(Venue.SPOT));
        out.put("baseAsset", instrument.baseAsset());
        out.put("baseAssetPrecision", 8);
        out.put("quoteAsset", instrument.quoteAsset());
        out.put("quotePrecision", 8);
        out.put("quoteAssetPrecision", 8);
        out.put("baseCommissionPrecision", 8);
        out.put("quoteCommissionPrecision", 8);
        out.put("orderTypes", List.of("LIMIT", "MARKET"));
        out.put("icebergAllowed", false);
        out.put("ocoAllowed", false);
        out.put("otoAllowed", false);
        out.put("quoteOrderQtyMarketAllowed", true);
        out.put("allowTrailingStop", false);
        out.put("cancelReplaceAllowed", false);
        out.put("amendAllowed", false);
        out.put("isSpotTradingAllowed", true);
        out.put("isMarginTradingAllowed", false);
        out.put("filters", List.of(
                filter("PRICE_FILTER", "minPrice", spot(r.minPrice()), "maxPrice", spot(r.maxPrice()), "tickSize", spot(r.tickSize())),
                filter("LOT_SIZE", "minQty", spot(r.minQty()), "maxQty", spot(r.maxQty()), "stepSize", spot(r.stepSize())),
                filter("MARKET_LOT_SIZE", "minQty", spot(BigDecimal.ZERO), "maxQty", spot(r.marketMaxQty()), "stepSize", spot(BigDecimal.ZERO)),
                filter("PERCENT_PRICE_BY_SIDE", "bidMultiplierUp", OrderFilters.SPOT_MULTIPLIER_UP.toPlainString(),
                        "bidMultiplierDown", OrderFilters.SPOT_MULTIPLIER_DOWN.toPlainString(),
                        "askMultiplierUp", OrderFilters.SPOT_MULTIPLIER_UP.toPlainString(),
                        "askMultiplierDown", OrderFilters.SPOT_MULTIPLIER_DOWN.toPlainString(), "avgPriceMins", 5),
                filter("NOTIONAL", "minNotional", spot(r.minNotional()), "applyMinToMarket", true,
                        "maxNotional", spot(OrderFilters.SPOT_MAX_NOTIONAL), "applyMaxToMarket", false, "avgPriceMins", 5)));
        out.put("permissions", List.of());
        out.put("permissionSets", List.of(List.of("SPOT")));
        out.put("defaultSelfTradePreventionMode", "EXPIRE_MAKER");
        out.put("allowedSelfTradePreventionModes", List.of("EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH"));
        return out;
    }

    private static Map<String, Object> futuresSymbol(Instrument instrument, Listing listing) {
        VenueRules r = instrument.futures();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", instrument.symbol());
        out.put("pair", instrument.symbol());
        out.put("contractType", "PERPETUAL");
        out.put("deliveryDate", 4133404800000L);
        out.put("onboardDate", 1569398400000L);
        out.put("status", listing.binanceStatus(Venue.USDM));
        out.put("maintMarginPercent", "2.5000");
        out.put("requiredMarginPercent", "5.0000");
        out.put("baseAsset", instrument.baseAsset());
        out.put("quoteAsset", instrument.quoteAsset());
        out.put("marginAsset", instrument.quoteAsset());
        out.put("pricePrecision", r.priceScale());
        out.put("quantityPrecision", r.qtyScale());
        out.put("baseAssetPrecision", 8);
        out.put("quotePrecision", 8);
        out.put("underlyingType", "COIN");
        out.put("underlyingSubType", List.of());
        out.put("settlePlan", 0);
        out.put("triggerProtect", "0.0500");
        out.put("liquidationFee", "0.012500");
        out.put("marketTakeBound", "0.05");
        out.put("filters", List.of(
                filter("PRICE_FILTER", "minPrice", r.minPrice().toPlainString(), "maxPrice", r.maxPrice().toPlainString(), "tickSize", r.tickSize().toPlainString()),
                filter("LOT_SIZE", "minQty", r.minQty().toPlainString(), "maxQty", r.maxQty().toPlainString(), "stepSize", r.stepSize().toPlainString()),
                filter("MARKET_LOT_SIZE", "minQty", r.minQty().toPlainString(), "maxQty", r.marketMaxQty().toPlainString(), "stepSize", r.stepSize().toPlainString()),
                filter("MAX_NUM_ORDERS", "limit", OrderFilters.FUTURES_MAX_NUM_ORDERS),
                filter("MIN_NOTIONAL", "notional", r.minNotional().toPlainString()),
                filter("PERCENT_PRICE", "multiplierUp", OrderFilters.FUTURES_MULTIPLIER_UP.toPlainString(),
                        "multiplierDown", OrderFilters.FUTURES_MULTIPLIER_DOWN.toPlainString(), "multiplierDecimal", "4")));
        out.put("orderTypes", List.of("LIMIT", "MARKET"));
        out.put("timeInForce", List.of("GTC", "IOC", "FOK"));
        return out;
    }

    private static Map<String, Object> filter(String type, Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("filterType", type);
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], pairs[i + 1]);
        }
        return out;
    }

    private static String spot(BigDecimal v) {
        return OrderJson.spot(v);
    }
}
