package com.novaquant.binance.rest;

import java.math.BigDecimal;

/** {@code GET /fapi/v1/premiumIndex?symbol=}: mark price and funding. */
public record PremiumIndex(String symbol, BigDecimal markPrice, BigDecimal indexPrice,
                           BigDecimal estimatedSettlePrice, BigDecimal lastFundingRate, BigDecimal interestRate,
                           long nextFundingTimeMs, long timeMs) {
}
