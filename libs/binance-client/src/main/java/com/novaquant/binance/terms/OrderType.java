package com.novaquant.binance.terms;

/**
 * Order types this client sends. Conditional types are deliberately absent: on USD-M they moved to the Algo
 * service in 2025 ({@code -4120 STOP_ORDER_SWITCH_ALGO}) and the carry strategy does not use them.
 */
public enum OrderType {
    LIMIT,
    MARKET,
    /** Spot post-only limit order. USD-M expresses post-only as LIMIT with {@link TimeInForce#GTX}. */
    LIMIT_MAKER
}
