package com.novaquant.alert.application;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * One-time codes that confirm a dangerous command (/resume, /flatten): issued to one user in one chat, valid for a
 * short time, redeemable once, and only by that user in that chat.
 */
public final class ConfirmationCodes {

    public enum Action { RESUME, FLATTEN }

    private record Issued(long chatId, long userId, Action action, Instant expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> issued = new HashMap<>();
    private final Duration validity;

    public ConfirmationCodes(Duration validity) {
        this.validity = validity;
    }

    public Duration validity() {
        return validity;
    }

    public synchronized String issue(long chatId, long userId, Action action, Instant now) {
        purge(now);
        String code;
        do {
            code = String.format("%06d", random.nextInt(1_000_000));
        } while (issued.containsKey(code));
        issued.put(code, new Issued(chatId, userId, action, now.plus(validity)));
        return code;
    }

    /** The action the code confirms, if it is valid for this user in this chat. A redeemed code is spent. */
    public synchronized Optional<Action> redeem(String code, long chatId, long userId, Instant now) {
        purge(now);
        Issued match = issued.get(code);
        if (match == null || match.chatId() != chatId || match.userId() != userId) {
            return Optional.empty();
        }
        issued.remove(code);
        return Optional.of(match.action());
    }

    private void purge(Instant now) {
        for (Iterator<Issued> it = issued.values().iterator(); it.hasNext(); ) {
            if (!it.next().expiresAt().isAfter(now)) {
                it.remove();
            }
        }
    }
}
