package com.novaquant.execution.domain;

import java.math.BigDecimal;

/**
 * One entry of the futures account's income history. {@code tranId} is unique within its type.
 *
 * @param type    {@link #FUNDING_FEE}, {@link #COMMISSION}, {@link #REALIZED_PNL} or another type Binance lists
 * @param amount  signed: positive was received
 * @param tradeId the fill a COMMISSION or REALIZED_PNL entry belongs to; empty otherwise
 */
public record IncomeEntry(String type, String symbol, BigDecimal amount, String asset, long timeMs, long tranId,
                          String tradeId) {

    public static final String FUNDING_FEE = "FUNDING_FEE";
    public static final String COMMISSION = "COMMISSION";
    public static final String REALIZED_PNL = "REALIZED_PNL";

    public boolean funding() {
        return FUNDING_FEE.equals(type);
    }
}
