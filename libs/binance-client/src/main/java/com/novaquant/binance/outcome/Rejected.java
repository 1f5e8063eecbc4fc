package com.novaquant.binance.outcome;

/**
 * Binance definitely refused the request; the exchange state did not change because of it.
 *
 * @param code    Binance error code (e.g. -2010, -2019, -1013, -4164, -1111, -1021, -1022, -2011, -2013), or
 *                {@link #NO_BINANCE_CODE} when the refusal carried no Binance error body
 * @param message Binance's {@code msg}, or a description of the refusal
 */
public record Rejected(int code, String message) implements OrderOutcome {

    /** Code used when a definite refusal carried no Binance error body (e.g. a 404 from a wrong base URL). */
    public static final int NO_BINANCE_CODE = 0;

    @Override
    public String kind() {
        return "rejected";
    }

    /** -2010 with an insufficient-balance message (spot), -2018 or -2019 (USD-M). */
    public boolean isInsufficientFunds() {
        return code == BinanceErrorCodes.BALANCE_NOT_SUFFICIENT || code == BinanceErrorCodes.MARGIN_NOT_SUFFICIENT
                || (code == BinanceErrorCodes.NEW_ORDER_REJECTED && message != null
                && message.toLowerCase(java.util.Locale.ROOT).contains("insufficient balance"));
    }

    /** -2011 (cancel of an unknown order) or -2013 (query of an order that does not exist). */
    public boolean isUnknownOrder() {
        return code == BinanceErrorCodes.CANCEL_REJECTED || code == BinanceErrorCodes.NO_SUCH_ORDER;
    }

    /** Filter failures: spot -1013, USD-M lot/price/notional codes, -1111 bad precision. */
    public boolean isFilterFailure() {
        return BinanceErrorCodes.isFilterFailure(code);
    }
}
