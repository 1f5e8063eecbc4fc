package com.novaquant.execution.domain;

import com.novaquant.ids.ClientOrderId;

import java.math.BigDecimal;

/**
 * What the exchange says about one order.
 *
 * @param avgPrice average fill price, zero when nothing filled
 * @param fee      total commission, in {@code feeAsset}; zero when unknown (USD-M RESULT responses carry no fee)
 */
public record OrderReport(ClientOrderId clientOrderId, long exchangeOrderId, OrderStatus status, BigDecimal executedQty,
                          BigDecimal avgPrice, BigDecimal fee, String feeAsset) {

    public OrderReport {
        executedQty = executedQty == null ? BigDecimal.ZERO : executedQty;
        avgPrice = avgPrice == null ? BigDecimal.ZERO : avgPrice;
        fee = fee == null ? BigDecimal.ZERO : fee;
        feeAsset = feeAsset == null ? "" : feeAsset;
    }
}
