package com.novaquant.binance.rest;

import com.novaquant.binance.limits.RequestGate;
import com.novaquant.binance.terms.TimeInForce;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Binance spot over REST. */
final class SpotClient extends VenueClient implements SpotApi {

    SpotClient(RestTransport transport, RequestGate gate, BinanceMetrics metrics, BinanceClientConfig config) {
        super(transport, gate, metrics, config);
    }

    @Override
    protected String orderPath() {
        return "/api/v3/order";
    }

    @Override
    protected String openOrdersPath() {
        return "/api/v3/openOrders";
    }

    @Override
    protected String timePath() {
        return "/api/v3/time";
    }

    @Override
    protected String exchangeInfoPath() {
        return "/api/v3/exchangeInfo";
    }

    @Override
    protected int exchangeInfoWeight() {
        return 20;
    }

    @Override
    protected int queryOrderWeight() {
        return 4;
    }

    @Override
    protected int openOrdersWeight() {
        return 6;
    }

    @Override
    protected String venueOrderProblem(NewOrder order) {
        if (order.reduceOnly()) {
            return "reduceOnly exists on USD-M only";
        }
        if (order.timeInForce() == TimeInForce.GTX) {
            return "GTX exists on USD-M only; use LIMIT_MAKER for a spot post-only order";
        }
        return null;
    }

    @Override
    protected void addVenueOrderParams(NewOrder order, Map<String, String> params) {
        params.put("newOrderRespType", "FULL");
    }

    @Override
    public CompletableFuture<SpotAccount> account() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("omitZeroBalances", "true");
        return read(Endpoint.signed("GET", "/api/v3/account", 20), params, Parsers::spotAccount);
    }

    @Override
    public CompletableFuture<List<AccountTrade>> myTrades(String symbol, long orderId) {
        return orderTrades("/api/v3/myTrades", symbol, orderId, Parsers::spotTrades);
    }

    @Override
    public CompletableFuture<java.math.BigDecimal> lastPrice(String symbol) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", symbol);
        return read(Endpoint.get("/api/v3/ticker/price", 2, false), params, Parsers::lastPrice);
    }

    @Override
    public CompletableFuture<CommissionRates> commissionRates(String symbol) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", symbol);
        return read(Endpoint.signed("GET", "/api/v3/account/commission", 20), params,
                body -> Parsers.spotCommission(symbol, body));
    }
}
