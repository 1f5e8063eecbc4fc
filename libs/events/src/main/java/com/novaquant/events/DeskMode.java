package com.novaquant.events;

/**
 * The desk-wide risk state, one contract for every service (carried by {@link KillSwitchState} on
 * {@code nova.control}).
 * <ul>
 *   <li>{@link #TRADING}: signals open, grow, reduce and close pairs.</li>
 *   <li>{@link #HALTED}: no new exposure anywhere. Closes, reductions, repairs and flatten keep running, and
 *       signal-service keeps publishing closing and reducing targets. Engaged by an incident that needs a human
 *       (leg risk, an execution cut short, a vanished short, the drawdown limit) or by an operator; only an operator
 *       releases it.</li>
 *   <li>{@link #FROZEN}: nothing moves except what an operator orders (flatten, reduce, repair by hand). For a broken
 *       venue or a record that cannot be trusted; only an operator releases it.</li>
 * </ul>
 * Incidents that touch only some symbols gate those symbols instead ({@link FeedGate} for market data, execution's
 * own symbol holds for a broken pair or orders of unknown outcome).
 */
public enum DeskMode {
    TRADING,
    HALTED,
    FROZEN;

    /** True when this mode lets a trade through: growth only while TRADING, a reduction unless FROZEN. */
    public boolean allows(boolean growing) {
        return growing ? this == TRADING : this != FROZEN;
    }
}
