package com.novaquant.execution.domain;

import java.math.BigDecimal;

/**
 * Position limits checked before any order that grows exposure.
 *
 * @param maxSymbolNotional largest hedged notional (USDT, per leg) in one symbol
 * @param maxTotalNotional  largest hedged notional over all symbols
 * @param maxLeverage       largest perp notional / futures wallet balance
 */
public record RiskLimits(BigDecimal maxSymbolNotional, BigDecimal maxTotalNotional, BigDecimal maxLeverage) {
}
