package com.novaquant.execution.domain;

import com.novaquant.events.Quote;
import com.novaquant.events.Signal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a signal must be before execution records it, whoever sent it: alive, for a symbol this desk trades, with a
 * plausible target, and dated by a clock that agrees with this one. A signal dated ahead of this clock would pass
 * every age check (its quotes look fresh, it never expires), so it is refused as {@link Refusal#FUTURE_DATED}.
 */
public final class SignalAdmission {

    /** How far ahead of this clock another service's clock may run (both are kept in sync). */
    public static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(2);
    /** The longest a signal may be meant to live; the signal service gives its signals seconds. */
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    /** Largest target quantity stored at all: the ledger keeps 20 integer and 18 fractional digits. */
    private static final BigDecimal MAX_TARGET = new BigDecimal("1E+15");

    /** A symbol as exchanges spell them: what the ledger and the venues can take at all. */
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,20}");

    /** The symbols this desk trades, or null when the traded universe decides (after the position is read). */
    private final Set<String> symbols;

    /** @param symbols the symbols this desk trades ({@code nova.symbols}) */
    public SignalAdmission(Collection<String> symbols) {
        this.symbols = Set.copyOf(symbols);
    }

    private SignalAdmission() {
        this.symbols = null;
    }

    /**
     * Admission when the desk follows the traded universe: any well-formed symbol passes here, and
     * {@link UniverseRule} decides once the position the signal starts from is known (a close on a symbol that left
     * the universe must still go through).
     */
    public static SignalAdmission followingTheUniverse() {
        return new SignalAdmission();
    }

    /** The refusal, or empty when the signal may be decided on. */
    public Optional<Refusal> check(Signal signal, long nowMs) {
        if (signal.expiredAt(nowMs)) {
            return Optional.of(Refusal.EXPIRED);
        }
        if (signal.symbol() == null || (symbols == null ? !SYMBOL.matcher(signal.symbol()).matches()
                : !symbols.contains(signal.symbol()))) {
            return Optional.of(Refusal.UNLISTED_SYMBOL);
        }
        BigDecimal target = signal.targetBaseQty();
        if (target == null || target.abs().compareTo(MAX_TARGET) >= 0 || target.scale() > 18) {
            return Optional.of(Refusal.BAD_TARGET);
        }
        long latestMs = nowMs + CLOCK_TOLERANCE.toMillis();
        if (signal.decidedAtMicros() / 1000 > latestMs || ahead(signal.spot(), latestMs) || ahead(signal.perp(), latestMs)
                || signal.expiresAtMs() > nowMs + MAX_LIFETIME.toMillis()) {
            return Optional.of(Refusal.FUTURE_DATED);
        }
        return Optional.empty();
    }

    private static boolean ahead(Quote quote, long latestMs) {
        return quote != null && quote.receivedAtMicros() / 1000 > latestMs;
    }
}
