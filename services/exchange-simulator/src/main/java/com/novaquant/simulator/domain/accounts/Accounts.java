package com.novaquant.simulator.domain.accounts;

import com.novaquant.simulator.domain.orders.RejectedException;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The paper accounts by API key. The set is fixed at start, so it is read without a lock; what each account holds is
 * not (see {@link PaperAccount}).
 */
public final class Accounts {

    private final Map<String, PaperAccount> byApiKey = new LinkedHashMap<>();

    public Accounts(Collection<PaperAccount> accounts) {
        accounts.forEach(a -> byApiKey.put(a.apiKey(), a));
    }

    public Optional<PaperAccount> find(String apiKey) {
        return Optional.ofNullable(apiKey == null ? null : byApiKey.get(apiKey));
    }

    /** The account of {@code apiKey}, or Binance's refusal of an unknown key (-2015). */
    public PaperAccount require(String apiKey) {
        return find(apiKey).orElseThrow(() -> new RejectedException(-2015, "Invalid API-key, IP, or permissions for action."));
    }

    public Collection<PaperAccount> all() {
        return Collections.unmodifiableCollection(byApiKey.values());
    }
}
