package com.novaquant.binance.terms;

import java.util.Locale;

/**
 * Order status as reported by Binance (spot and USD-M share these names). {@link #UNRECOGNISED} stands for a
 * status string this version does not know; callers must treat it like an open order and query again.
 */
public enum OrderStatus {
    NEW,
    PENDING_NEW,
    PARTIALLY_FILLED,
    FILLED,
    CANCELED,
    PENDING_CANCEL,
    REJECTED,
    EXPIRED,
    EXPIRED_IN_MATCH,
    UNRECOGNISED;

    /** Parses Binance's status string; never throws. */
    public static OrderStatus parse(String text) {
        if (text == null) {
            return UNRECOGNISED;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNRECOGNISED;
        }
    }

    /** True when the order can no longer fill (filled, canceled, rejected or expired). */
    public boolean isFinal() {
        return switch (this) {
            case FILLED, CANCELED, REJECTED, EXPIRED, EXPIRED_IN_MATCH -> true;
            case NEW, PENDING_NEW, PARTIALLY_FILLED, PENDING_CANCEL, UNRECOGNISED -> false;
        };
    }
}
