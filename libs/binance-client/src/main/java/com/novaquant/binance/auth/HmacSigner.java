package com.novaquant.binance.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 request signing as Binance defines it: the signature is computed over exactly the query string
 * concatenated with the request body (no separator), hex-encoded, and appended as the last parameter.
 * Thread-safe: each call uses its own {@link Mac} clone.
 */
public final class HmacSigner {

    private static final String ALGORITHM = "HmacSHA256";

    private final Mac prototype;

    public HmacSigner(Credentials credentials) {
        if (credentials.secret().isEmpty()) {
            throw new IllegalArgumentException("cannot sign without a secret");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(credentials.secret().getBytes(StandardCharsets.UTF_8), ALGORITHM));
            this.prototype = mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Lower-case hex HMAC-SHA256 of {@code queryString + body}. */
    public String sign(String queryString, String body) {
        Mac mac;
        try {
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HMAC implementation cannot be cloned", e);
        }
        mac.update(queryString.getBytes(StandardCharsets.UTF_8));
        mac.update(body.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal());
    }
}
