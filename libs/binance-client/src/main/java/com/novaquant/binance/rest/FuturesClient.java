package com.novaquant.binance.rest;

import com.novaquant.binance.limits.RequestGate;
import com.novaquant.binance.outcome.BinanceErrorCodes;
import com.novaquant.binance.outcome.NotSent;
import com.novaquant.binance.outcome.NotSentReason;
import com.novaquant.binance.outcome.Rejected;
import com.novaquant.binance.terms.OrderType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Binance USD-M futures over REST. */
final class FuturesClient extends VenueClient implements FuturesApi {

    FuturesClient(RestTransport transport, RequestGate gate, BinanceMetrics metrics, BinanceClientConfig config) {
        super(transport, gate, metrics, config);
    }

    @Override
    protected String orderPath() {
        return "/fapi/v1/order";
    }

    @Override
    protected String openOrdersPath() {
        return "/fapi/v1/openOrders";
    }

    @Override
    protected String timePath() {
        return "/fapi/v1/time";
    }

    @Override
    protected String exchangeInfoPath() {
        return "/fapi/v1/exchangeInfo";
    }

    @Override
    protected int exchangeInfoWeight() {
        return 1;
    }

    @Override
    protected int queryOrderWeight() {
        return 1;
    }

    @Override
    protected int openOrdersWeight() {
        return 1;
    }

    @Override
    protected String venueOrderProblem(NewOrder order) {
        if (order.type() == OrderType.LIMIT_MAKER) {
            return "LIMIT_MAKER exists on spot only; use LIMIT with GTX on USD-M";
        }
        return null;
    }

    @Override
    protected void addVenueOrderParams(NewOrder order, Map<String, String> params) {
        if (order.reduceOnly()) {
            params.put("reduceOnly", "true");
        }
        params.put("newOrderRespType", "RESULT");
    }

    @Override
    public CompletableFuture<List<FuturesBalance>> balances() {
        return read(Endpoint.signed("GET", "/fapi/v3/balance", 5), Map.of(), Parsers::futuresBalances);
    }

    @Override
    public CompletableFuture<FuturesAccount> account() {
        return read(Endpoint.signed("GET", "/fapi/v3/account", 5), Map.of(), Parsers::futuresAccount);
    }

    @Override
    public CompletableFuture<List<PositionRisk>> positionRisk(String symbol) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", symbol);
        return read(Endpoint.signed("GET", "/fapi/v3/positionRisk", 5), params, Parsers::positions);
    }

    @Override
    public CompletableFuture<List<IncomeRecord>> income(IncomeQuery query) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", query.symbol());
        params.put("incomeType", query.incomeType());
        params.put("startTime", query.startTimeMs() == null ? null : query.startTimeMs().toString());
        params.put("endTime", query.endTimeMs() == null ? null : query.endTimeMs().toString());
        params.put("page", query.page() == null ? null : query.page().toString());
        params.put("limit", query.limit() == null ? null : query.limit().toString());
        return read(Endpoint.signed("GET", "/fapi/v1/income", 30), params, Parsers::income);
    }

    @Override
    public CompletableFuture<List<AccountTrade>> userTrades(String symbol, long orderId) {
        return orderTrades("/fapi/v1/userTrades", symbol, orderId, Parsers::futuresTrades);
    }

    @Override
    public CompletableFuture<List<FundingInfo>> fundingInfo() {
        // Weight 0 in Binance's table, but it draws on a 500-per-5-minutes IP bucket: weight 1 keeps it subject
        // to the gate's used-weight stop.
        return read(Endpoint.get("/fapi/v1/fundingInfo", 1, false), Map.of(), Parsers::fundingInfo);
    }

    @Override
    public CompletableFuture<PremiumIndex> premiumIndex(String symbol) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", symbol);
        return read(Endpoint.get("/fapi/v1/premiumIndex", 1, false), params, Parsers::premiumIndex);
    }

    @Override
    public CompletableFuture<LeverageSetting> setLeverage(String symbol, int leverage) {
        if (leverage < 1 || leverage > 125) {
            return CompletableFuture.failedFuture(new BinanceRequestException("POST /fapi/v1/leverage",
                    NotSent.of(NotSentReason.INVALID_LOCALLY, "leverage must be in 1..125, was " + leverage)));
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", symbol);
        params.put("leverage", Integer.toString(leverage));
        return read(Endpoint.signed("POST", "/fapi/v1/leverage", 1), params, Parsers::leverage);
    }

    @Override
    public CompletableFuture<MarginTypeSetting> setMarginType(String symbol, MarginType marginType) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", symbol);
        params.put("marginType", marginType.name());
        return read(Endpoint.signed("POST", "/fapi/v1/marginType", 1), params,
                body -> Parsers.marginTypeChanged(symbol, marginType, body))
                .exceptionallyCompose(error -> alreadySo(error)
                        ? CompletableFuture.completedFuture(new MarginTypeSetting(symbol, marginType, false))
                        : CompletableFuture.failedFuture(error));
    }

    /** -4046 "No need to change margin type.": what was asked for is already so. */
    private static boolean alreadySo(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof BinanceRequestException e && e.outcome() instanceof Rejected r
                && r.code() == BinanceErrorCodes.NO_NEED_TO_CHANGE_MARGIN_TYPE;
    }

    @Override
    public CompletableFuture<PositionMode> positionMode() {
        return read(Endpoint.signed("GET", "/fapi/v1/positionSide/dual", 30), Map.of(), Parsers::positionMode);
    }

    @Override
    public CompletableFuture<AssetMode> assetMode() {
        return read(Endpoint.signed("GET", "/fapi/v1/multiAssetsMargin", 30), Map.of(), Parsers::assetMode);
    }

    @Override
    public CompletableFuture<CommissionRates> commissionRates(String symbol) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", symbol);
        return read(Endpoint.signed("GET", "/fapi/v1/commissionRate", 20), params,
                body -> Parsers.futuresCommission(symbol, body));
    }
}
