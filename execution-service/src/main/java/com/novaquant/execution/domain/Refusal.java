package com.novaquant.execution.domain;

/** Every reason a signal is not traded: a closed set, so metrics show each one from start-up. */
public enum Refusal {
    EXPIRED, BAD_TARGET, DUPLICATE,
    FROZEN, TRADING_HELD, UNRESOLVED_ORDERS, PAIR_BROKEN, NO_CHANGE, KILL_SWITCH, FEED_GATED, MARGIN_CRITICAL,
    VENUE_UNAVAILABLE,
    BELOW_STEP, STALE_QUOTES, BAD_PRICE, SPOT_FILTER, PERP_FILTER, SYMBOL_LIMIT, TOTAL_LIMIT, SPOT_BALANCE,
    FUTURES_MARGIN, LEVERAGE
}
