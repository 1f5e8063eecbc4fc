package com.novaquant.execution.domain;

/** The life of a hedged pair (long spot + short perp in one symbol). */
public enum PairState {
    /** Created by an opening execution; legs being sent. */
    OPENING,
    /** Both legs held in equal quantity. */
    OPEN,
    /** A closing execution is under way. */
    CLOSING,
    /** Both legs flat after a close. */
    CLOSED,
    /** Both legs flat after a leg-risk unwind. */
    UNWOUND,
    /** Legs unequal or an order unresolved: trading halted on it until reconciled. */
    BROKEN;

    public boolean active() {
        return this == OPENING || this == OPEN || this == CLOSING || this == BROKEN;
    }
}
