package com.novaquant.alert.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One-time codes that confirm a dangerous command (/resume, /flatten): issued to one user in one chat, valid for a
 * short time, redeemable once. Who may redeem it: the user who asked, in the same chat; or, under the two-person rule
 * ({@code byAnotherOperator}), anyone but that user. Only operators reach either side: {@link CommandRouter} checks
 * that before asking or confirming.
 */
public final class ConfirmationCodes {

    public enum Action { RESUME, FLATTEN }

    /** What a confirmation attempt came to. */
    public sealed interface Redemption {

        /** The code was good for this user and is now spent; {@code askedBy} is the actor who asked for it. */
        record Confirmed(Action action, long askedByUserId, String askedBy) implements Redemption {
        }

        /** Two-person rule: the asker tried to confirm their own code. It stays valid for another operator. */
        record NeedsAnotherOperator() implements Redemption {
        }

        /** Wrong, expired, already used, or not this user's to confirm. */
        record NoSuchCode() implements Redemption {
        }
    }

    /**
     * A code waiting for its confirmation, as stored: the code only as its SHA-256, so it never sits in a file in
     * plain text (six digits are no secret against someone who can read the file: the store is owner-only).
     */
    public record Pending(String codeHash, long chatId, long userId, String actor, Action action, Instant expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    /** By the code's hash. */
    private final Map<String, Pending> issued = new HashMap<>();
    private final Duration validity;
    private final boolean byAnotherOperator;
    private final ConfirmationStore store;

    public ConfirmationCodes(Duration validity, boolean byAnotherOperator) {
        this(validity, byAnotherOperator, ConfirmationStore.inMemory());
    }

    /** Resumes the codes the store kept (an expired one is dropped at the next use). */
    public ConfirmationCodes(Duration validity, boolean byAnotherOperator, ConfirmationStore store) {
        this.validity = validity;
        this.byAnotherOperator = byAnotherOperator;
        this.store = store;
        store.load().forEach(p -> issued.put(p.codeHash(), p));
    }

    public Duration validity() {
        return validity;
    }

    /** True under the two-person rule: the asker cannot confirm their own code. */
    public boolean byAnotherOperator() {
        return byAnotherOperator;
    }

    public synchronized String issue(long chatId, long userId, String actor, Action action, Instant now) {
        purge(now);
        String code;
        do {
            code = String.format("%06d", random.nextInt(1_000_000));
        } while (issued.containsKey(hash(code)));
        issued.put(hash(code), new Pending(hash(code), chatId, userId, actor, action, now.plus(validity)));
        store.save(List.copyOf(issued.values()));
        return code;
    }

    /** Redeems the code for this user in this chat if they may; a redeemed code is spent. */
    public synchronized Redemption redeem(String code, long chatId, long userId, Instant now) {
        purge(now);
        Pending match = issued.get(hash(code));
        if (match == null) {
            return new Redemption.NoSuchCode();
        }
        boolean asker = match.userId() == userId;
        if (byAnotherOperator) {
            if (asker) {
                return new Redemption.NeedsAnotherOperator();
            }
            // Any allowed chat: the second operator may well have a private chat of their own with the bot.
        } else if (!asker || match.chatId() != chatId) {
            return new Redemption.NoSuchCode();
        }
        issued.remove(hash(code));
        store.save(List.copyOf(issued.values()));
        return new Redemption.Confirmed(match.action(), match.userId(), match.actor());
    }

    private void purge(Instant now) {
        for (Iterator<Pending> it = issued.values().iterator(); it.hasNext(); ) {
            if (!it.next().expiresAt().isAfter(now)) {
                it.remove();
            }
        }
    }

    private static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
