package com.novaquant.binance.rest;

import com.novaquant.binance.terms.OrderType;
import com.novaquant.binance.terms.Side;
import com.novaquant.binance.terms.TimeInForce;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One order to place on spot or USD-M. Quantities and prices are exact decimals that the caller has already
 * rounded with {@link com.novaquant.binance.filters.SymbolFilters}; the client checks them against the loaded
 * exchange filters and refuses ({@code NotSent(INVALID_LOCALLY)}) rather than round on its own.
 *
 * @param symbol        e.g. {@code BTCUSDT}
 * @param side          BUY or SELL
 * @param type          LIMIT, MARKET or (spot) LIMIT_MAKER
 * @param timeInForce   required for LIMIT, must be null otherwise
 * @param quantity      base quantity, strictly positive
 * @param price         limit price; required for LIMIT and LIMIT_MAKER, must be null for MARKET
 * @param clientOrderId sent as {@code newClientOrderId}; the key for query and cancel. 1-36 characters of
 *                      {@code [A-Za-z0-9_-]} (what both spot and USD-M accept)
 * @param reduceOnly    USD-M only: the order may only reduce the position (also exempts it from MIN_NOTIONAL)
 */
public record NewOrder(
        String symbol,
        Side side,
        OrderType type,
        TimeInForce timeInForce,
        BigDecimal quantity,
        BigDecimal price,
        String clientOrderId,
        boolean reduceOnly) {

    /** Characters accepted by both venues for a client order id. */
    public static final Pattern CLIENT_ORDER_ID = Pattern.compile("^[A-Za-z0-9_-]{1,36}$");

    public NewOrder {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
    }

    /** A MARKET order. */
    public static NewOrder market(String symbol, Side side, BigDecimal quantity, String clientOrderId) {
        return new NewOrder(symbol, side, OrderType.MARKET, null, quantity, null, clientOrderId, false);
    }

    /** A LIMIT order with the given time in force. */
    public static NewOrder limit(String symbol, Side side, BigDecimal quantity, BigDecimal price,
                                 TimeInForce timeInForce, String clientOrderId) {
        return new NewOrder(symbol, side, OrderType.LIMIT, timeInForce, quantity, price, clientOrderId, false);
    }

    /** The same order flagged reduce-only (USD-M). */
    public NewOrder asReduceOnly() {
        return new NewOrder(symbol, side, type, timeInForce, quantity, price, clientOrderId, true);
    }
}
