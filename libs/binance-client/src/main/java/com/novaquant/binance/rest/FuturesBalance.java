package com.novaquant.binance.rest;

import java.math.BigDecimal;

/** One asset of {@code GET /fapi/v3/balance}. */
public record FuturesBalance(String asset, BigDecimal balance, BigDecimal crossWalletBalance,
                             BigDecimal crossUnrealizedPnl, BigDecimal availableBalance,
                             BigDecimal maxWithdrawAmount, long updateTimeMs) {
}
