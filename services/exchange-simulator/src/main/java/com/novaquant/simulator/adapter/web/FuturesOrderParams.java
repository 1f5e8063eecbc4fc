package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.matching.OrderType;
import com.novaquant.simulator.domain.matching.Side;
import com.novaquant.simulator.domain.matching.TimeInForce;
import com.novaquant.simulator.domain.orders.OrderRequest;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A USD-M new-order request's parameters as Binance checks them (docs/binance-protocol.md, "Orders"): the order types
 * served (algo types belong to another endpoint, -4120), which parameters each type needs and refuses, the client id's
 * characters, {@code reduceOnly}, and the response type.
 */
final class FuturesOrderParams {

    private static final Pattern CLIENT_ID = Pattern.compile("^[\\.A-Z\\:/a-z0-9_-]{1,36}$");
    private static final List<String> ALGO_TYPES = List.of("STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET");

    private FuturesOrderParams() {
    }

    static OrderRequest parse(RequestParams p, ParamValidator validator) {
        String symbol = validator.listedSymbol(p);
        Side side = ParamValidator.side(p);
        String typeName = p.require("type");
        if (ALGO_TYPES.contains(typeName)) {
            throw ApiException.badRequest(-4120, "Order type not supported for this endpoint. Please use the Algo Order API endpoints instead.");
        }
        OrderType type = switch (typeName) {
            case "LIMIT" -> OrderType.LIMIT;
            case "MARKET" -> OrderType.MARKET;
            default -> throw ApiException.badRequest(-1116, "Invalid orderType.");
        };
        String clientId = p.get("newClientOrderId");
        if (clientId != null && !CLIENT_ID.matcher(clientId).matches()) {
            throw ApiException.badRequest(-1100, "Illegal characters found in parameter 'newClientOrderId'; legal range is '^[\\.A-Z\\:/a-z0-9_-]{1,36}$'.");
        }
        String reduceOnlyValue = p.get("reduceOnly");
        if (reduceOnlyValue != null && !"true".equals(reduceOnlyValue) && !"false".equals(reduceOnlyValue)) {
            throw ApiException.badRequest(-1116, "Invalid reduceOnly.");
        }
        BigDecimal quantity = p.decimal("quantity");
        if (quantity == null) {
            throw ApiException.missing("quantity");
        }
        BigDecimal price = p.decimal("price");
        TimeInForce tif = type == OrderType.LIMIT ? limitTimeInForce(p.get("timeInForce"), price) : null;
        if (type == OrderType.MARKET && price != null) {
            throw ApiException.badRequest(-1106, "Parameter 'price' sent when not required.");
        }
        return new OrderRequest(Venue.USDM, symbol, side, type, tif, quantity, null, price, clientId,
                "true".equals(reduceOnlyValue));
    }

    private static TimeInForce limitTimeInForce(String name, BigDecimal price) {
        if (name == null) {
            throw ApiException.missing("timeInForce");
        }
        if (price == null) {
            throw ApiException.missing("price");
        }
        return switch (name) {
            case "GTC" -> TimeInForce.GTC;
            case "IOC" -> TimeInForce.IOC;
            case "FOK" -> TimeInForce.FOK;
            default -> throw ApiException.badRequest(-1116, "Invalid timeInForce.");
        };
    }

    /** {@code newOrderRespType}: whether RESULT (the order after matching) is asked for rather than ACK. */
    static boolean resultResponse(RequestParams p) {
        String value = p.get("newOrderRespType");
        if (value == null || "ACK".equals(value)) {
            return false;
        }
        if ("RESULT".equals(value)) {
            return true;
        }
        throw ApiException.badRequest(-1116, "Invalid newOrderRespType.");
    }
}
