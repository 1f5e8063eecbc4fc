package com.novaquant.binance.rest;

import java.math.BigDecimal;
import java.util.List;

/**
 * The totals of {@code GET /fapi/v3/account} (single-asset mode; figures in USDT), used for margin monitoring.
 * Positions are read with {@link FuturesApi#positionRisk(String)}.
 */
public record FuturesAccount(
        BigDecimal totalWalletBalance,
        BigDecimal totalUnrealizedProfit,
        BigDecimal totalMarginBalance,
        BigDecimal totalInitialMargin,
        BigDecimal totalMaintMargin,
        BigDecimal availableBalance,
        BigDecimal maxWithdrawAmount,
        List<FuturesBalance> assets) {

    public FuturesAccount {
        assets = List.copyOf(assets);
    }
}
