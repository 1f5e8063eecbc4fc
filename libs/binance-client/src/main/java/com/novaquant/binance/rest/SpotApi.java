package com.novaquant.binance.rest;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Binance spot ({@code <spot rest-url>/api/v3/...}). */
public interface SpotApi extends OrderApi {

    /** {@code GET /api/v3/account?omitZeroBalances=true}: non-zero balances. */
    CompletableFuture<SpotAccount> account();

    /**
     * {@code GET /api/v3/myTrades?symbol&orderId&limit=1000} (weight 5 with an order id): the fills of one order,
     * with their commission. {@code realizedPnl} is zero on spot.
     */
    CompletableFuture<List<AccountTrade>> myTrades(String symbol, long orderId);

    /** {@code GET /api/v3/ticker/price?symbol} (weight 2): the last trade price of one symbol. */
    CompletableFuture<java.math.BigDecimal> lastPrice(String symbol);
}
