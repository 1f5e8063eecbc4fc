package com.novaquant.execution.domain;

import com.novaquant.events.Venue;
import com.novaquant.ids.ClientOrderId;
import com.novaquant.ids.PairId;
import com.novaquant.ids.SignalId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic {@code newClientOrderId}s derived from the signal id, so that a redelivered signal or a restarted
 * instance computes the same ids and finds its orders on the exchange instead of sending them again.
 * <p>
 * Form: {@code nq-<20 hex of SHA-256(signalId)>-<S|F><purpose><attempt>}, at most 31 characters, within both
 * venues' alphabets (spot {@code [a-zA-Z0-9-_]{1,36}}, USD-M {@code [.A-Z:/a-z0-9_-]{1,36}}).
 */
public final class ClientOrderIds {

    /** The largest attempt number an id can carry (two digits). */
    public static final int MAX_ATTEMPT = 99;

    private ClientOrderIds() {
    }

    public static ClientOrderId of(SignalId signalId, Venue venue, OrderPurpose purpose, int attempt) {
        if (attempt < 0 || attempt > MAX_ATTEMPT) {
            throw new IllegalArgumentException("attempt out of range: " + attempt);
        }
        return new ClientOrderId("nq-" + digest(signalId) + "-" + (venue == Venue.SPOT ? "S" : "F") + purpose.code()
                + attempt);
    }

    /** The pair id for a pair opened by a signal: stable for the same reason as the order ids. */
    public static PairId pairId(SignalId signalId) {
        return new PairId("P-" + digest(signalId));
    }

    private static String digest(SignalId signalId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(signalId.value().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
