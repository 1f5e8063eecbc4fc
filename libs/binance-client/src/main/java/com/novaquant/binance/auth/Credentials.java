package com.novaquant.binance.auth;

import java.util.Map;
import java.util.Objects;

/**
 * A Binance HMAC API key and secret. {@link #toString()} masks both, so logging a config record never leaks
 * them. The secret is only read by {@link HmacSigner}.
 */
public final class Credentials {

    /** Environment variable holding the API key. */
    public static final String API_KEY_ENV = "BINANCE_API_KEY";
    /** Environment variable holding the HMAC secret. */
    public static final String SECRET_ENV = "BINANCE_SECRET";

    private static final Credentials NONE = new Credentials("", "");

    private final String apiKey;
    private final String secret;

    private Credentials(String apiKey, String secret) {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey").trim();
        this.secret = Objects.requireNonNull(secret, "secret").trim();
    }

    public static Credentials of(String apiKey, String secret) {
        return new Credentials(apiKey == null ? "" : apiKey, secret == null ? "" : secret);
    }

    /** No credentials: signed calls are refused locally with NotSent(INVALID_LOCALLY). */
    public static Credentials none() {
        return NONE;
    }

    /** Reads {@code BINANCE_API_KEY} and {@code BINANCE_SECRET} from the given environment. */
    public static Credentials fromEnvironment(Map<String, String> environment) {
        return of(environment.get(API_KEY_ENV), environment.get(SECRET_ENV));
    }

    /** Reads {@code BINANCE_API_KEY} and {@code BINANCE_SECRET} from the process environment. */
    public static Credentials fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public String apiKey() {
        return apiKey;
    }

    /** Package-private: only the signer touches the secret. */
    String secret() {
        return secret;
    }

    /** True when both key and secret are non-blank. */
    public boolean isComplete() {
        return !apiKey.isEmpty() && !secret.isEmpty();
    }

    @Override
    public String toString() {
        String key = apiKey.isEmpty() ? "<none>"
                : apiKey.substring(0, Math.min(4, apiKey.length())) + "****";
        return "Credentials[apiKey=" + key + ", secret=" + (secret.isEmpty() ? "<none>" : "****") + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Credentials c && c.apiKey.equals(apiKey) && c.secret.equals(secret);
    }

    @Override
    public int hashCode() {
        return apiKey.hashCode();
    }
}
