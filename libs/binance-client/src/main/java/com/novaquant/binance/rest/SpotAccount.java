package com.novaquant.binance.rest;

import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v3/account} (weight 20), with {@code omitZeroBalances=true}.
 *
 * @param canTrade    the account may place orders
 * @param balances    non-zero balances
 * @param updateTimeMs Binance {@code updateTime}
 */
public record SpotAccount(boolean canTrade, List<AssetBalance> balances, long updateTimeMs) {

    public SpotAccount {
        balances = List.copyOf(balances);
    }

    public Optional<AssetBalance> balance(String asset) {
        return balances.stream().filter(b -> b.asset().equals(asset)).findFirst();
    }
}
