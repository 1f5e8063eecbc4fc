package com.novaquant.binance.auth;

import java.util.Locale;

/**
 * Whether real money may be traded. PAPER is the default and refuses Binance production hosts; LIVE must be
 * chosen explicitly and requires credentials. See {@link TradingModeGuard}.
 */
public enum TradingMode {
    PAPER,
    LIVE;

    /** Parses {@code paper}/{@code live} (any case). Anything else is an error, never a silent default to LIVE. */
    public static TradingMode parse(String text) {
        if (text == null || text.isBlank()) {
            return PAPER;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "paper" -> PAPER;
            case "live" -> LIVE;
            default -> throw new IllegalArgumentException(
                    "nova.trading.mode must be 'paper' or 'live', was '" + text + "'");
        };
    }
}
