package com.novaquant.execution.application;

/**
 * The right to trade the account. Exactly one execution instance holds it; the others stay passive (consume
 * nothing, not ready) until it is released or its holder dies.
 */
public interface TradingLease {

    /** Tries to take the lease; true when this instance holds it (already or now). */
    boolean tryAcquire();

    /** Whether the lease is still held (the holding connection is alive). */
    boolean held();

    void release();

    /** The fencing token: how many times the lease has changed hands when this instance took it (0: never held). */
    default long epoch() {
        return 0;
    }
}
