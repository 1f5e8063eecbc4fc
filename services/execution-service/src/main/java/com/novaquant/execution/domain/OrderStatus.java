package com.novaquant.execution.domain;

/** The ledger's view of one order's life. Final states never change again. */
public enum OrderStatus {
    /** Written to the ledger, not yet sent: a crash here means "query before re-sending". */
    NEW(false),
    /** Handed to the exchange, no answer yet. */
    SENT(false),
    /** The exchange answered ambiguously (5xx, -1007, timeout): must be resolved by a query. */
    UNKNOWN(false),
    /** Resting on the book with part of it filled. */
    PARTIALLY_FILLED(false),
    /** Accepted and resting on the book, nothing filled yet. */
    ACCEPTED(false),
    FILLED(true),
    REJECTED(true),
    CANCELED(true),
    EXPIRED(true),
    /** Refused locally before reaching the exchange (the request never left). */
    NOT_SENT(true);

    private final boolean terminal;

    OrderStatus(boolean terminal) {
        this.terminal = terminal;
    }

    public boolean terminal() {
        return terminal;
    }

    /** Maps a Binance order status string (spot or USD-M) to ours. */
    public static OrderStatus fromExchange(String status) {
        return switch (status) {
            case "FILLED" -> FILLED;
            case "PARTIALLY_FILLED" -> PARTIALLY_FILLED;
            case "NEW", "PENDING_NEW" -> ACCEPTED;
            case "CANCELED", "PENDING_CANCEL" -> CANCELED;
            case "REJECTED" -> REJECTED;
            case "EXPIRED", "EXPIRED_IN_MATCH" -> EXPIRED;
            default -> UNKNOWN;
        };
    }
}
