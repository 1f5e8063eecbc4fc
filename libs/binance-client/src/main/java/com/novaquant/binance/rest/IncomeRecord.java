package com.novaquant.binance.rest;

import java.math.BigDecimal;

/**
 * One entry of {@code GET /fapi/v1/income}. {@code tranId} is unique within an income type: use
 * (incomeType, tranId) to de-duplicate funding payments.
 *
 * @param income signed: positive was received
 */
public record IncomeRecord(String symbol, String incomeType, BigDecimal income, String asset, String info,
                           long timeMs, long tranId, String tradeId) {
}
