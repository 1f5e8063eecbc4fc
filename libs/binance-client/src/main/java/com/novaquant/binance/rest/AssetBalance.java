package com.novaquant.binance.rest;

import java.math.BigDecimal;

/** One spot balance from {@code GET /api/v3/account} {@code balances[]}. */
public record AssetBalance(String asset, BigDecimal free, BigDecimal locked) {

    public BigDecimal total() {
        return free.add(locked);
    }
}
