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

    /** {@code GET /fapi/v1/income}. */
    CompletableFuture<List<IncomeRecord>> income(IncomeQuery query);

    /** {@code GET /fapi/v1/income?incomeType=FUNDING_FEE}. */
    default CompletableFuture<List<IncomeRecord>> fundingIncome(String symbol, Long startTimeMs, Long endTimeMs) {
        return income(IncomeQuery.funding(symbol, startTimeMs, endTimeMs));
    }

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
