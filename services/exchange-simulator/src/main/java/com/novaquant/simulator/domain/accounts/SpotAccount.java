package com.novaquant.simulator.domain.accounts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Spot balances of one paper account. Open orders lock what they may spend; fills move the locked
 * (or, for takers, the free) amounts between assets. Touched only under the exchange's lock.
 */
public final class SpotAccount {

    private final Map<String, BigDecimal> free = new TreeMap<>();
    private final Map<String, BigDecimal> locked = new TreeMap<>();

    public SpotAccount(Map<String, BigDecimal> startingBalances) {
        startingBalances.forEach((asset, amount) -> free.put(asset, amount));
    }

    public BigDecimal free(String asset) {
        return free.getOrDefault(asset, BigDecimal.ZERO);
    }

    public BigDecimal locked(String asset) {
        return locked.getOrDefault(asset, BigDecimal.ZERO);
    }

    public boolean canSpend(String asset, BigDecimal amount) {
        return free(asset).compareTo(amount) >= 0;
    }

    public void lock(String asset, BigDecimal amount) {
        free.put(asset, free(asset).subtract(amount));
        locked.put(asset, locked(asset).add(amount));
    }

    public void unlock(String asset, BigDecimal amount) {
        locked.put(asset, locked(asset).subtract(amount));
        free.put(asset, free(asset).add(amount));
    }

    /** Takes {@code amount} out of the locked balance (a resting order's fill). */
    public void spendLocked(String asset, BigDecimal amount) {
        locked.put(asset, locked(asset).subtract(amount));
    }

    public void spendFree(String asset, BigDecimal amount) {
        free.put(asset, free(asset).subtract(amount));
    }

    public void credit(String asset, BigDecimal amount) {
        free.put(asset, free(asset).add(amount));
    }

    public List<AssetBalance> balances() {
        TreeMap<String, AssetBalance> all = new TreeMap<>();
        free.keySet().forEach(a -> all.put(a, new AssetBalance(a, free(a), locked(a))));
        locked.keySet().forEach(a -> all.put(a, new AssetBalance(a, free(a), locked(a))));
        return List.copyOf(all.values());
    }
}
