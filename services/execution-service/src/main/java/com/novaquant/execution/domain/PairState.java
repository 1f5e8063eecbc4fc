package com.novaquant.execution.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a hedged pair (long spot + short perp in one symbol), as a state machine: {@link #canMoveTo} is the
 * whole transition table, and the ledger never stores a move outside it.
 * <pre>
 *   OPENING ──> OPEN ──> REDUCING ──> OPEN
 *      │         │ └───> CLOSING ──> CLOSED
 *      │         └─────> OPENING (grows)
 *      └──> CLOSED (nothing filled) / UNWOUND (leg risk reversed)
 *   any active state ──> BROKEN (legs unequal or an order unknown) ──> OPEN / CLOSED / UNWOUND once repaired
 *   OPEN ──> CLOSED / UNWOUND directly when a repair (no new execution) leaves it flat (a short the exchange closed)
 * </pre>
 */
public enum PairState {
    /** An execution that grows the pair is under way (the first one creates it). */
    OPENING,
    /** Both legs held, hedged within the {@link HedgeBand}. */
    OPEN,
    /** An execution that shrinks the pair but leaves part of it is under way (margin reduction). */
    REDUCING,
    /** An execution that closes the whole pair is under way. */
    CLOSING,
    /** Both legs flat after a close. */
    CLOSED,
    /** Both legs flat after a leg-risk unwind. */
    UNWOUND,
    /** Legs outside the hedge band or an order unresolved: no decision trades it until it is repaired. */
    BROKEN;

    private static final Set<PairState> EXECUTING = EnumSet.of(OPENING, REDUCING, CLOSING);
    private static final Map<PairState, Set<PairState>> MOVES = Map.of(
            OPENING, EnumSet.of(OPENING, OPEN, CLOSED, UNWOUND, BROKEN),
            OPEN, EnumSet.of(OPENING, REDUCING, CLOSING, BROKEN, OPEN, CLOSED, UNWOUND),
            REDUCING, EnumSet.of(OPEN, CLOSED, UNWOUND, BROKEN),
            CLOSING, EnumSet.of(OPEN, CLOSED, UNWOUND, BROKEN),
            BROKEN, EnumSet.of(BROKEN, OPEN, CLOSED, UNWOUND, REDUCING, CLOSING),
            CLOSED, EnumSet.noneOf(PairState.class),
            UNWOUND, EnumSet.noneOf(PairState.class));

    public boolean active() {
        return this != CLOSED && this != UNWOUND;
    }

    /** An execution was started on the pair and has not settled (a restart finds it interrupted). */
    public boolean executing() {
        return EXECUTING.contains(this);
    }

    public boolean canMoveTo(PairState next) {
        return MOVES.get(this).contains(next);
    }

    /** The state an execution puts the pair in while its legs are out. */
    public static PairState executing(boolean growing, boolean closesAll) {
        return growing ? OPENING : closesAll ? CLOSING : REDUCING;
    }

    /**
     * The state a settled execution leaves: flat pairs are over (UNWOUND when leg risk reversed the trade), anything
     * held and hedged is OPEN.
     */
    public static PairState settled(boolean flat, boolean unwound) {
        return !flat ? OPEN : unwound ? UNWOUND : CLOSED;
    }
}
