package com.novaquant.binance.limits;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * An IP ban (HTTP 418) on one venue. While it lasts every request of the client to that venue is refused locally:
 * continuing to call a banning Binance only lengthens the ban (2 minutes up to 3 days). Spot and USD-M keep their
 * limits apart, so each venue has its own: a ban on one must not stop an unwind on the other.
 */
public final class BanState {

    private final Supplier<Instant> clock;
    private final AtomicReference<Instant> bannedUntil = new AtomicReference<>(Instant.MIN);

    public BanState(Supplier<Instant> clock) {
        this.clock = clock;
    }

    /** Extends the ban to at least {@code until}. */
    public void banUntil(Instant until) {
        bannedUntil.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** The end of the ban when one is running now. */
    public Optional<Instant> activeUntil() {
        Instant until = bannedUntil.get();
        return clock.get().isBefore(until) ? Optional.of(until) : Optional.empty();
    }

    public boolean isActive() {
        return activeUntil().isPresent();
    }
}
