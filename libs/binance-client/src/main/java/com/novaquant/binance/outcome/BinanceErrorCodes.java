package com.novaquant.binance.outcome;

import java.util.Set;

/** Binance error codes the client and its callers act on (docs/binance-protocol.md, "Error codes"). */
public final class BinanceErrorCodes {

    public static final int TOO_MANY_REQUESTS = -1003;
    public static final int UNEXPECTED_RESPONSE = -1006;
    public static final int TIMEOUT = -1007;
    public static final int SERVER_BUSY = -1008;
    public static final int INVALID_MESSAGE = -1013;
    public static final int TOO_MANY_ORDERS = -1015;
    public static final int INVALID_TIMESTAMP = -1021;
    public static final int INVALID_SIGNATURE = -1022;
    public static final int BAD_PRECISION = -1111;
    public static final int BAD_SYMBOL = -1121;
    public static final int NEW_ORDER_REJECTED = -2010;
    public static final int CANCEL_REJECTED = -2011;
    public static final int NO_SUCH_ORDER = -2013;
    public static final int REJECTED_API_KEY = -2015;
    public static final int BALANCE_NOT_SUFFICIENT = -2018;
    public static final int MARGIN_NOT_SUFFICIENT = -2019;
    public static final int NO_NEED_TO_CHANGE_MARGIN_TYPE = -4046;
    public static final int POSITION_SIDE_NOT_MATCH = -4061;
    public static final int FUTURES_MIN_NOTIONAL = -4164;

    private static final Set<Integer> FILTER_FAILURES = Set.of(
            INVALID_MESSAGE, BAD_PRECISION, -4003, -4004, -4005, -4013, -4014, -4016, -4023, -4024,
            FUTURES_MIN_NOTIONAL);

    private BinanceErrorCodes() {
    }

    /** Spot -1013 "Filter failure: ...", USD-M lot size, price, percent price and notional codes, -1111. */
    public static boolean isFilterFailure(int code) {
        return FILTER_FAILURES.contains(code);
    }
}
