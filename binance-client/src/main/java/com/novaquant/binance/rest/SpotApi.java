package com.novaquant.binance.rest;

import java.util.concurrent.CompletableFuture;

/** Binance spot ({@code <spot rest-url>/api/v3/...}). */
public interface SpotApi extends OrderApi {

    /** {@code GET /api/v3/account?omitZeroBalances=true}: non-zero balances. */
    CompletableFuture<SpotAccount> account();
}
