package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.domain.accounts.AssetBalance;

import java.math.BigDecimal;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every asset the spot venue knows: the base and quote assets of the listed symbols and every asset a paper account
 * is configured to start with. Binance lists every asset in a spot account, zero balances included.
 */
record SpotAssets(SortedSet<String> names) {

    SpotAssets {
        names = new TreeSet<>(names);
    }

    /** {@code held} completed with a zero balance for every known asset the account does not hold, by asset name. */
    List<AssetBalance> withZeros(List<AssetBalance> held) {
        TreeMap<String, AssetBalance> all = new TreeMap<>();
        names.forEach(a -> all.put(a, new AssetBalance(a, BigDecimal.ZERO, BigDecimal.ZERO)));
        held.forEach(b -> all.put(b.asset(), b));
        return List.copyOf(all.values());
    }
}
