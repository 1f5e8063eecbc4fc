package com.novaquant.events;

import com.novaquant.ids.SignalId;

import java.math.BigDecimal;

/**
 * A target hedged position for one symbol ({@code nova.signals}): long {@code targetBaseQty} on spot and short the
 * same base quantity on the USD-M perpetual. A level, not an edge: receiving the same target twice is harmless.
 * {@code targetBaseQty} zero means flat.
 *
 * @param signalId         unique id; execution derives its client order ids from it
 * @param expectedCarryApr expected net carry, annualised fraction (0.12 = 12 %/year), after fees and basis
 * @param spot             the spot quote the decision was made on
 * @param perp             the USD-M quote the decision was made on
 * @param funding          the funding state the decision was made on
 * @param decidedAtMicros  when the decision was taken, epoch microseconds
 * @param expiresAtMs      after this instant (epoch milliseconds) execution must ignore the signal
 */
public record Signal(
        SignalId signalId,
        String symbol,
        BigDecimal targetBaseQty,
        BigDecimal targetNotional,
        Reason reason,
        double expectedCarryApr,
        Quote spot,
        Quote perp,
        FundingRate funding,
        long decidedAtMicros,
        long expiresAtMs) implements NovaEvent {

    /** Why the target was set. */
    public enum Reason {
        CARRY_ABOVE_ENTRY,
        CARRY_BELOW_EXIT,
        FUNDING_NEGATIVE,
        BASIS_CONVERGED,
        OPERATOR,
        /** The symbol left the traded universe: its pair closes whatever its carry. */
        LEFT_UNIVERSE,
        /**
         * The pair's allocation moved beyond the resize band since it was sized: an open pair is resized to it (grown
         * only while its carry would open it, shrunk whatever its carry).
         */
        ALLOCATION_CHANGED
    }

    @Override
    public String key() {
        return symbol;
    }

    public boolean flat() {
        return targetBaseQty.signum() == 0;
    }

    /** The earliest receive instant of the quotes behind this signal: the start of tick-to-order latency. */
    public long tickReceivedAtMicros() {
        return Math.max(spot.receivedAtMicros(), perp.receivedAtMicros());
    }

    public boolean expiredAt(long nowMs) {
        return nowMs > expiresAtMs;
    }
}
