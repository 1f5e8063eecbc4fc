package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.domain.market.Book;
import com.novaquant.simulator.domain.market.Instrument;
import com.novaquant.simulator.domain.market.Listing;
import com.novaquant.simulator.domain.market.PriceLevel;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.market.VenueRules;
import com.novaquant.simulator.domain.orders.OrderFilters;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Market-data payloads shared by the spot and USD-M controllers. */
final class MarketJson {

    private MarketJson() {
    }

    static List<List<String>> levels(List<PriceLevel> side, int limit, boolean spot) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < side.size() && i < limit; i++) {
            PriceLevel level = side.get(i);
            out.add(List.of(format(level.price(), spot), format(level.qty(), spot)));
        }
        return out;
    }

    static String format(BigDecimal value, boolean spot) {
        return spot ? OrderJson.spot(value) : value.toPlainString();
    }

    static Map<String, Object> spotSymbol(Instrument instrument, Listing listing) {
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

    static Map<String, Object> futuresSymbol(Instrument instrument, Listing listing) {
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

    static Map<String, Object> bookTicker(String symbol, Book book, boolean spot, Long time) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", symbol);
        out.put("bidPrice", format(book.bestBid().price(), spot));
        out.put("bidQty", format(book.bestBid().qty(), spot));
        out.put("askPrice", format(book.bestAsk().price(), spot));
        out.put("askQty", format(book.bestAsk().qty(), spot));
        if (time != null) {
            out.put("time", time);
            out.put("lastUpdateId", book.updateId());
        }
        return out;
    }
}
