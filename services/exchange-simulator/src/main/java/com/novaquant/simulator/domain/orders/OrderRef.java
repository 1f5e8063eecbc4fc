package com.novaquant.simulator.domain.orders;

/**
 * Which order of an account a query or cancel means: one on {@code symbol} by {@code orderId} (and then, if sent, the
 * client id must match too), else the latest one with {@code origClientOrderId}. One of the two must be sent.
 */
public record OrderRef(String symbol, Long orderId, String origClientOrderId) {
}
