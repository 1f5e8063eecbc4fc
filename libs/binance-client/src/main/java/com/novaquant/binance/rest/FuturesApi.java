package com.novaquant.binance.rest;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Binance USD-M futures ({@code <futures rest-url>/fapi/...}). */
public interface FuturesApi extends OrderApi {

    /** {@code GET /fapi/v3/balance}. */
    CompletableFuture<List<FuturesBalance>> balances();

    /** {@code GET /fapi/v3/account}. */
    CompletableFuture<FuturesAccount> account();

    /** {@code GET /fapi/v3/positionRisk[?symbol=]}; symbol null returns every symbol. */
    CompletableFuture<List<PositionRisk>> positionRisk(String symbol);

    /** {@code GET /fapi/v1/income}: one page of records. */
    CompletableFuture<List<IncomeRecord>> income(IncomeQuery query);

    /**
     * Every record of the query's window: {@code GET /fapi/v1/income} page after page (from page 1, the query's
     * limit or 1000 a page) until a page comes back short. Fails rather than truncate when the server does not
     * page or the window needs more than 100 pages.
     */
    default CompletableFuture<List<IncomeRecord>> allIncome(IncomeQuery query) {
        return IncomePages.readAll(this::income, query);
    }

    /** {@code GET /fapi/v1/income?incomeType=FUNDING_FEE}: the first 1000 records of the window. */
    default CompletableFuture<List<IncomeRecord>> fundingIncome(String symbol, Long startTimeMs, Long endTimeMs) {
        return income(IncomeQuery.funding(symbol, startTimeMs, endTimeMs));
    }

    /**
     * {@code GET /fapi/v1/userTrades?symbol&orderId&limit=1000} (weight 5): the fills of one order, with their
     * commission and realised profit.
     */
    CompletableFuture<List<AccountTrade>> userTrades(String symbol, long orderId);

    /**
     * {@code GET /fapi/v1/fundingInfo} (unsigned): the symbols whose funding interval, cap or floor Binance has
     * adjusted. A symbol that is absent pays every {@link FundingInfo#DEFAULT_FUNDING_INTERVAL_HOURS} hours.
     */
    CompletableFuture<List<FundingInfo>> fundingInfo();

    /** {@code GET /fapi/v1/premiumIndex?symbol=} (unsigned). */
    CompletableFuture<PremiumIndex> premiumIndex(String symbol);

    /** {@code POST /fapi/v1/leverage} symbol, leverage (1..125). */
    CompletableFuture<LeverageSetting> setLeverage(String symbol, int leverage);

    /**
     * {@code POST /fapi/v1/marginType} symbol, ISOLATED or CROSSED. -4046 (the symbol has it already) completes
     * normally, as unchanged; any other refusal fails like every read.
     */
    CompletableFuture<MarginTypeSetting> setMarginType(String symbol, MarginType marginType);

    /** {@code GET /fapi/v1/positionSide/dual}: One-way or Hedge Mode (every symbol). */
    CompletableFuture<PositionMode> positionMode();

    /** {@code GET /fapi/v1/multiAssetsMargin}: Single-Asset or Multi-Assets Mode. */
    CompletableFuture<AssetMode> assetMode();
}
