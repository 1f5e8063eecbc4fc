package com.novaquant.binance.rest;

import com.novaquant.binance.outcome.OrderOutcome;

/**
 * Completes the future of a non-order call (account, positions, income, exchangeInfo, ...) when it failed. The
 * failure is classified by the same table as orders: {@link #outcome()} is a
 * {@link com.novaquant.binance.outcome.Rejected}, {@link com.novaquant.binance.outcome.Unknown} or
 * {@link com.novaquant.binance.outcome.NotSent}.
 */
public class BinanceRequestException extends RuntimeException {

    private final transient OrderOutcome outcome;

    public BinanceRequestException(String endpoint, OrderOutcome outcome) {
        super(endpoint + " failed: " + outcome, null, false, false);
        this.outcome = outcome;
    }

    public OrderOutcome outcome() {
        return outcome;
    }
}
