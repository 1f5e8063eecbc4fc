package com.novaquant.ingestion.domain;

/**
 * Whether one symbol's market data can be decided on. A problem on any feed of the symbol closes the gate at once; the
 * gate lifts by itself once every feed of the symbol has been healthy, without a break, for the heal time. A gate
 * closed longer than the escalation time is escalated once per closing (the feeds did not recover by themselves).
 *
 * <p>A gate starts closed ({@link #STARTING}): a new instance trusts nothing until its feeds have delivered and
 * healed. Used by one thread (the watchdog).
 */
public final class SymbolGate {

    /** The reason of the gate every symbol starts with. */
    public static final String STARTING = "feeds starting";

    public enum Change {
        NONE,
        /** The gate just closed; {@link #reason()} says why. */
        CLOSED,
        /** The gate just lifted; {@link #reason()} says what it had been closed for. */
        LIFTED,
        /** The gate has now been closed for the escalation time (reported once per closing). */
        ESCALATED
    }

    private static final long NEVER = Long.MIN_VALUE;

    private final long healNanos;
    private final long escalateNanos;
    private boolean gated = true;
    private String reason = STARTING;
    private long closedAtNanos;
    private long healthySinceNanos = NEVER;
    private boolean escalated;

    public SymbolGate(long healNanos, long escalateNanos, long nowNanos) {
        if (healNanos < 0 || escalateNanos <= 0) {
            throw new IllegalArgumentException("the heal time must not be negative and the escalation time must be positive");
        }
        this.healNanos = healNanos;
        this.escalateNanos = escalateNanos;
        this.closedAtNanos = nowNanos;
    }

    /**
     * One look at the symbol's feeds.
     *
     * @param problem why a feed of the symbol cannot be trusted now, or null when there is no problem
     * @param healthy whether every feed of the symbol is healthy now; a feed can have no problem and still not be
     *                healthy (it has just reconnected and not delivered yet): that neither closes nor heals the gate
     */
    public Change observe(String problem, boolean healthy, long nowNanos) {
        if (problem != null) {
            healthySinceNanos = NEVER;
            if (!gated) {
                gated = true;
                reason = problem;
                closedAtNanos = nowNanos;
                escalated = false;
                return Change.CLOSED;
            }
            return escalation(nowNanos);
        }
        if (!gated) {
            return Change.NONE;
        }
        if (!healthy) {
            healthySinceNanos = NEVER;
            return escalation(nowNanos);
        }
        if (healthySinceNanos == NEVER) {
            healthySinceNanos = nowNanos;
        }
        if (nowNanos - healthySinceNanos >= healNanos) {
            gated = false;
            healthySinceNanos = NEVER;
            return Change.LIFTED;
        }
        return escalation(nowNanos);
    }

    private Change escalation(long nowNanos) {
        if (escalated || nowNanos - closedAtNanos < escalateNanos) {
            return Change.NONE;
        }
        escalated = true;
        return Change.ESCALATED;
    }

    public boolean gated() {
        return gated;
    }

    /** Why the gate is closed; once lifted, what it had been closed for. */
    public String reason() {
        return reason;
    }
}
