package com.novaquant.execution.domain;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Which signals the traded universe lets through, once the position a signal starts from is known. A signal that
 * reduces or closes a position the desk holds always passes, whatever the universe says (or fails to say): a
 * universe that is stale, missing or has dropped the symbol must never keep risk on. Anything else needs a member of
 * the universe whose exchange filters and account settings are in place; a member still being prepared is refused
 * as {@link Refusal#SYMBOL_NOT_READY} (the signal service publishes its standing targets again, so it heals).
 */
public final class UniverseRule {

    /** Where the symbol stands in the universe as execution follows it. */
    public enum Standing {
        /** A member whose filters are loaded and whose account settings are made. */
        MEMBER_READY,
        /** A member whose filters or account settings are not in place yet. */
        MEMBER_PREPARING,
        /** Not a member (never was, or left). */
        OUTSIDE
    }

    private UniverseRule() {
    }

    /**
     * @param standing the symbol's standing now
     * @param held     the perp short of the symbol's active pair, or null when the desk holds no pair on it
     * @param target   the signal's target perp short
     * @return the refusal, or empty when the signal may go on to the trade decision
     */
    public static Optional<Refusal> check(Standing standing, BigDecimal held, BigDecimal target) {
        if (held != null && target.compareTo(held) < 0) {
            return Optional.empty();
        }
        return switch (standing) {
            case MEMBER_READY -> Optional.empty();
            case MEMBER_PREPARING -> Optional.of(Refusal.SYMBOL_NOT_READY);
            case OUTSIDE -> Optional.of(Refusal.OUTSIDE_UNIVERSE);
        };
    }
}
