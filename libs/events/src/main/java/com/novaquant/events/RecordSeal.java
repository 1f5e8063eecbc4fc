package com.novaquant.events;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An HMAC-SHA256 seal on a Kafka record, carried in two headers: the key id and the MAC over the topic, the record
 * key, the key id and the value. A producer holding a key seals; a consumer holding the same key proves the record
 * came from a holder, unchanged and meant for this topic. Broker ACLs decide who may write a topic; the seal decides
 * what a consumer acts on, so a wrongly granted ACL or a compromised broker still cannot place an order.
 * <p>
 * Keys are given as {@code id:base64,id:base64,...}; the first one seals, every one verifies. Rotation: add the new
 * key after the current one on the consumer, then put it first on the producer, then remove the old key from both.
 */
public final class RecordSeal {

    public static final String KEY_ID_HEADER = "nova-key-id";
    public static final String MAC_HEADER = "nova-mac";
    /** HMAC-SHA256 wants at least its output size in key material. */
    public static final int MIN_KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    /** What a consumer found on a record. */
    public enum Verdict { SEALED, UNSIGNED, UNKNOWN_KEY, BAD_SEAL }

    private final Map<String, Mac> keys;
    private final String signingKeyId;

    private RecordSeal(Map<String, Mac> keys, String signingKeyId) {
        this.keys = keys;
        this.signingKeyId = signingKeyId;
    }

    /** No keys: records go out unsealed and every record verifies as {@link Verdict#UNSIGNED}. */
    public static RecordSeal none() {
        return new RecordSeal(Map.of(), null);
    }

    /**
     * Parses {@code id:base64[,id:base64...]}; blank means {@link #none()}. Errors name the key id, never the key.
     *
     * @throws IllegalArgumentException for a malformed entry, a repeated id or a key shorter than 32 bytes
     */
    public static RecordSeal parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return none();
        }
        Map<String, Mac> keys = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String trimmed = entry.trim();
            int colon = trimmed.indexOf(':');
            String id = colon < 0 ? trimmed : trimmed.substring(0, colon);
            if (colon < 0 || !KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("A signing key is id:base64 with an id of 1-32 letters, digits,"
                        + " '.', '_' or '-'; got an entry with id '" + (KEY_ID.matcher(id).matches() ? id : "?") + "'");
            }
            byte[] secret;
            try {
                secret = Base64.getDecoder().decode(trimmed.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Signing key " + id + " is not valid base64");
            }
            if (secret.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("Signing key " + id + " has " + secret.length + " bytes; at least "
                        + MIN_KEY_BYTES + " are needed");
            }
            if (keys.put(id, mac(secret)) != null) {
                throw new IllegalArgumentException("Signing key id " + id + " is given twice");
            }
        }
        return new RecordSeal(Map.copyOf(keys), keys.keySet().iterator().next());
    }

    /** A new random key in the {@code id:base64} form, for a local desk or a first install. */
    public static String generate(String id) {
        byte[] secret = new byte[MIN_KEY_BYTES];
        new java.security.SecureRandom().nextBytes(secret);
        return id + ":" + Base64.getEncoder().encodeToString(secret);
    }

    public boolean enabled() {
        return !keys.isEmpty();
    }

    /** The id of the key that seals (the first one given), or null without keys. */
    public String signingKeyId() {
        return signingKeyId;
    }

    /** Adds the two seal headers; a no-op without keys. */
    public void seal(String topic, String key, byte[] value, Headers headers) {
        if (!enabled()) {
            return;
        }
        headers.remove(KEY_ID_HEADER).remove(MAC_HEADER);
        headers.add(KEY_ID_HEADER, signingKeyId.getBytes(StandardCharsets.UTF_8));
        headers.add(MAC_HEADER, compute(keys.get(signingKeyId), topic, key, signingKeyId, value));
    }

    public Verdict verify(String topic, String key, byte[] value, Headers headers) {
        Header keyIdHeader = headers.lastHeader(KEY_ID_HEADER);
        Header macHeader = headers.lastHeader(MAC_HEADER);
        if (keyIdHeader == null || macHeader == null || keyIdHeader.value() == null || macHeader.value() == null) {
            return Verdict.UNSIGNED;
        }
        String keyId = new String(keyIdHeader.value(), StandardCharsets.UTF_8);
        Mac prototype = keys.get(keyId);
        if (prototype == null) {
            return Verdict.UNKNOWN_KEY;
        }
        byte[] expected = compute(prototype, topic, key, keyId, value);
        return MessageDigest.isEqual(expected, macHeader.value()) ? Verdict.SEALED : Verdict.BAD_SEAL;
    }

    private static byte[] compute(Mac prototype, String topic, String key, String keyId, byte[] value) {
        Mac mac;
        try {
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HMAC implementation cannot be cloned", e);
        }
        // Lengths first, so no two different (topic, key, id, value) tuples feed the MAC the same bytes.
        field(mac, topic == null ? new byte[0] : topic.getBytes(StandardCharsets.UTF_8));
        field(mac, key == null ? new byte[0] : key.getBytes(StandardCharsets.UTF_8));
        field(mac, keyId.getBytes(StandardCharsets.UTF_8));
        field(mac, value == null ? new byte[0] : value);
        return mac.doFinal();
    }

    private static void field(Mac mac, byte[] bytes) {
        int n = bytes.length;
        mac.update(new byte[]{(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        mac.update(bytes);
    }

    private static Mac mac(byte[] secret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "RecordSeal[keys=" + keys.keySet() + ", signing=" + signingKeyId + "]";
    }
}
