package com.novaquant.binance.testserver;

/** exchangeInfo bodies shaped like docs/binance-protocol.md, "exchangeInfo and filters" (spot example verbatim). */
public final class ExchangeInfoSamples {

    public static final String SPOT = """
            {"timezone":"UTC","serverTime":1772000000000,
             "rateLimits":[{"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":6000},
                           {"rateLimitType":"ORDERS","interval":"SECOND","intervalNum":10,"limit":100},
                           {"rateLimitType":"ORDERS","interval":"DAY","intervalNum":1,"limit":200000},
                           {"rateLimitType":"RAW_REQUESTS","interval":"MINUTE","intervalNum":5,"limit":61000}],
             "exchangeFilters":[],
             "symbols":[
              {"symbol":"BTCUSDT","status":"TRADING","baseAsset":"BTC","baseAssetPrecision":8,"quoteAsset":"USDT",
               "quoteAssetPrecision":8,"orderTypes":["LIMIT","LIMIT_MAKER","MARKET","STOP_LOSS_LIMIT","TAKE_PROFIT_LIMIT"],
               "filters":[
                {"filterType":"PRICE_FILTER","minPrice":"0.01000000","maxPrice":"1000000.00000000","tickSize":"0.01000000"},
                {"filterType":"LOT_SIZE","minQty":"0.00001000","maxQty":"9000.00000000","stepSize":"0.00001000"},
                {"filterType":"MARKET_LOT_SIZE","minQty":"0.00000000","maxQty":"120.00000000","stepSize":"0.00000000"},
                {"filterType":"NOTIONAL","minNotional":"5.00000000","applyMinToMarket":true,"maxNotional":"9000000.00000000","applyMaxToMarket":false,"avgPriceMins":5}]},
              {"symbol":"ETHUSDT","status":"TRADING","baseAsset":"ETH","quoteAsset":"USDT",
               "filters":[
                {"filterType":"PRICE_FILTER","minPrice":"0.01","maxPrice":"100000","tickSize":"0.01"},
                {"filterType":"LOT_SIZE","minQty":"0.0001","maxQty":"100000","stepSize":"0.0001"},
                {"filterType":"MIN_NOTIONAL","minNotional":"10","applyToMarket":true,"avgPriceMins":5}]},
              {"symbol":"LUNAUSDT","status":"BREAK","baseAsset":"LUNA","quoteAsset":"USDT","filters":[]}]}
            """;

    public static final String FUTURES = """
            {"timezone":"UTC","serverTime":1772000000000,
             "rateLimits":[{"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":2400},
                           {"rateLimitType":"ORDERS","interval":"MINUTE","intervalNum":1,"limit":1200},
                           {"rateLimitType":"ORDERS","interval":"SECOND","intervalNum":10,"limit":300}],
             "assets":[],
             "symbols":[
              {"symbol":"BTCUSDT","pair":"BTCUSDT","contractType":"PERPETUAL","status":"TRADING","baseAsset":"BTC",
               "quoteAsset":"USDT","marginAsset":"USDT","pricePrecision":2,"quantityPrecision":3,
               "filters":[
                {"filterType":"PRICE_FILTER","minPrice":"556.80","maxPrice":"4529764","tickSize":"0.10"},
                {"filterType":"LOT_SIZE","minQty":"0.001","maxQty":"1000","stepSize":"0.001"},
                {"filterType":"MARKET_LOT_SIZE","minQty":"0.001","maxQty":"120","stepSize":"0.001"},
                {"filterType":"MAX_NUM_ORDERS","limit":200},
                {"filterType":"MIN_NOTIONAL","notional":"100"},
                {"filterType":"PERCENT_PRICE","multiplierUp":"1.0500","multiplierDown":"0.9500","multiplierDecimal":"4"}]}]}
            """;

    private ExchangeInfoSamples() {
    }
}
