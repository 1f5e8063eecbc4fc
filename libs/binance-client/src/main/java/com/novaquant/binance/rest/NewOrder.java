package com.novaquant.binance.rest;

import com.novaquant.binance.terms.OrderType;
import com.novaquant.binance.terms.Side;
import com.novaquant.binance.terms.TimeInForce;
import com.novaquant.ids.ClientOrderId;

import java.math.BigDecimal;
import java.util.Objects;

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
 * @param clientOrderId sent as {@code newClientOrderId}; the key for query and cancel. Refused locally unless both
 *                      venues accept it ({@link ClientOrderId#acceptedByBothVenues()})
 * @param reduceOnly    USD-M only: the order may only reduce the position (also exempts it from MIN_NOTIONAL)
 */
public record NewOrder(
        String symbol,
        Side side,
        OrderType type,
        TimeInForce timeInForce,
        BigDecimal quantity,
        BigDecimal price,
        ClientOrderId clientOrderId,
        boolean reduceOnly) {

    public NewOrder {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
    }

    /** A MARKET order. */
    public static NewOrder market(String symbol, Side side, BigDecimal quantity, ClientOrderId clientOrderId) {
        return new NewOrder(symbol, side, OrderType.MARKET, null, quantity, null, clientOrderId, false);
    }

    /** A LIMIT order with the given time in force. */
    public static NewOrder limit(String symbol, Side side, BigDecimal quantity, BigDecimal price,
                                 TimeInForce timeInForce, ClientOrderId clientOrderId) {
        return new NewOrder(symbol, side, OrderType.LIMIT, timeInForce, quantity, price, clientOrderId, false);
    }

    /** The same order flagged reduce-only (USD-M). */
    public NewOrder asReduceOnly() {
        return new NewOrder(symbol, side, type, timeInForce, quantity, price, clientOrderId, true);
    }
}
