package com.novaquant.simulator.domain.accounts;

import java.math.BigDecimal;

/** One line of the USD-M income history (FUNDING_FEE, COMMISSION, REALIZED_PNL). */
public record IncomeRecord(String symbol, String incomeType, BigDecimal income, String asset, long time,
                           long tranId, String tradeId) {
}
