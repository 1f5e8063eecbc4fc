package com.novaquant.simulator.application;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * USD-M listenKeys: one active key per account, valid for the configured validity (60 min) and
 * extended by each keepalive. POST returns the active key (extended) when there is one.
 */
public final class ListenKeys {

    private final Map<String, Entry> byKey = new LinkedHashMap<>();
    private final Duration validity;
    private final LongSupplier wallMillis;
    private final SecureRandom random = new SecureRandom();

    public ListenKeys(Duration validity, LongSupplier wallMillis) {
        this.validity = validity;
        this.wallMillis = wallMillis;
    }

    public synchronized String createOrExtend(String apiKey) {
        long expiry = wallMillis.getAsLong() + validity.toMillis();
        for (Map.Entry<String, Entry> e : byKey.entrySet()) {
            if (e.getValue().apiKey().equals(apiKey)) {
                e.setValue(new Entry(apiKey, expiry));
                return e.getKey();
            }
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String key = HexFormat.of().formatHex(bytes);
        byKey.put(key, new Entry(apiKey, expiry));
        return key;
    }

    /** Extends the account's active key; false when it has none (-1125). */
    public synchronized boolean extend(String apiKey) {
        for (Map.Entry<String, Entry> e : byKey.entrySet()) {
            if (e.getValue().apiKey().equals(apiKey)) {
                e.setValue(new Entry(apiKey, wallMillis.getAsLong() + validity.toMillis()));
                return true;
            }
        }
        return false;
    }

    public synchronized boolean delete(String apiKey) {
        return byKey.entrySet().removeIf(e -> e.getValue().apiKey().equals(apiKey));
    }

    /** The account of a valid listenKey. */
    public synchronized Optional<String> apiKeyOf(String listenKey) {
        Entry entry = listenKey == null ? null : byKey.get(listenKey);
        return entry == null || entry.expiresAt() <= wallMillis.getAsLong() ? Optional.empty() : Optional.of(entry.apiKey());
    }

    /** Removes and returns the keys that have lapsed. */
    public synchronized List<String> removeExpired() {
        long now = wallMillis.getAsLong();
        List<String> expired = byKey.entrySet().stream().filter(e -> e.getValue().expiresAt() <= now).map(Map.Entry::getKey).toList();
        expired.forEach(byKey::remove);
        return expired;
    }

    private record Entry(String apiKey, long expiresAt) {
    }
}
