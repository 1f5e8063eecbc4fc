package com.novaquant.execution.domain;

import java.math.BigDecimal;

/**
 * Realised PnL of one pair, symbol or day, split by where it came from (USDT).
 *
 * @param key     the pair id, the symbol or the UTC day (yyyy-mm-dd)
 * @param basis   price PnL of both legs' closed quantities
 * @param funding funding received (positive) or paid (negative)
 * @param fees    commission paid (positive), every asset valued in USDT
 */
public record PnlRow(String key, BigDecimal basis, BigDecimal funding, BigDecimal fees) {

    public BigDecimal net() {
        return basis.add(funding).subtract(fees);
    }
}
