package com.novaquant.simulator.adapter.web;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Verifies Binance HMAC-SHA256 signatures: the payload is the query string concatenated with the
 * body, exactly as received, without the {@code signature} parameter; the signature is hex, compared
 * case-insensitively and in constant time.
 */
final class HmacVerifier {

    private HmacVerifier() {
    }

    /** The signed payload and the signature found in {@code rawQuery} or {@code rawBody}, or null if unsigned. */
    static Signed extract(String rawQuery, String rawBody) {
        String[] fromQuery = strip(rawQuery);
        if (fromQuery[1] != null) {
            return new Signed(fromQuery[0] + rawBody, fromQuery[1]);
        }
        String[] fromBody = strip(rawBody);
        if (fromBody[1] != null) {
            return new Signed(rawQuery + fromBody[0], fromBody[1]);
        }
        return null;
    }

    static boolean verify(String secret, Signed signed) {
        String expected = sign(secret, signed.payload());
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signed.signature().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    static String sign(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Splits {@code raw} into the string without its signature parameter, and the signature value. */
    private static String[] strip(String raw) {
        if (raw == null || raw.isEmpty()) {
            return new String[] {"", null};
        }
        int start;
        if (raw.startsWith("signature=")) {
            start = 0;
        } else {
            int at = raw.indexOf("&signature=");
            if (at < 0) {
                return new String[] {raw, null};
            }
            start = at;
        }
        int valueStart = raw.indexOf('=', start) + 1;
        int end = raw.indexOf('&', valueStart);
        String signature = end < 0 ? raw.substring(valueStart) : raw.substring(valueStart, end);
        String rest = start == 0
                ? (end < 0 ? "" : raw.substring(end + 1))
                : raw.substring(0, start) + (end < 0 ? "" : raw.substring(end));
        return new String[] {rest, signature};
    }

    /** A signed payload and its claimed signature. */
    record Signed(String payload, String signature) {
    }
}
