package com.novaquant.binance.rest;

import java.math.BigDecimal;

/** Response of {@code POST /fapi/v1/leverage}. */
public record LeverageSetting(String symbol, int leverage, BigDecimal maxNotionalValue) {
}
