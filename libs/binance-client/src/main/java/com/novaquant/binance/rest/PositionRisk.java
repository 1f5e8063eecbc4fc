package com.novaquant.binance.rest;

import java.math.BigDecimal;

/**
 * One entry of {@code GET /fapi/v3/positionRisk}.
 *
 * @param positionAmount  signed: negative is short
 * @param positionSide    {@code BOTH} in one-way mode
 * @param liquidationPrice zero when there is no position
 */
public record PositionRisk(String symbol, String positionSide, BigDecimal positionAmount, BigDecimal entryPrice,
                           BigDecimal breakEvenPrice, BigDecimal markPrice, BigDecimal unrealizedProfit,
                           BigDecimal liquidationPrice, BigDecimal notional, BigDecimal initialMargin,
                           BigDecimal maintMargin, long updateTimeMs) {
}
