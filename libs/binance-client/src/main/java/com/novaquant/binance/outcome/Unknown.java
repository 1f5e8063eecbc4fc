package com.novaquant.binance.outcome;

/**
 * The request was (or may have been) delivered to Binance but its result is not known: HTTP 5xx, 408, -1006,
 * -1007, a read timeout after the request was written, a connection reset after sending, or an unreadable
 * success body. For an order placement the order MAY exist: query it by client order id; never re-send blindly.
 *
 * @param code   the Binance code when one was given (-1006/-1007), else {@link Rejected#NO_BINANCE_CODE}
 * @param reason what was observed, for logs and alerts
 */
public record Unknown(int code, String reason) implements OrderOutcome {

    @Override
    public String kind() {
        return "unknown";
    }
}
