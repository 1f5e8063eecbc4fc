package com.novaquant.binance.rest;

import com.novaquant.binance.terms.Venue;
import java.math.BigDecimal;

/**
 * Effective commission rates of one symbol as fractions (0.001 = 0.1 %).
 * Spot: {@code GET /api/v3/account/commission} standard + special + tax maker/taker. USD-M:
 * {@code GET /fapi/v1/commissionRate} makerCommissionRate / takerCommissionRate.
 */
public record CommissionRates(Venue venue, String symbol, BigDecimal maker, BigDecimal taker) {
}
