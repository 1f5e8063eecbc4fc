package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.matching.OrderType;
import com.novaquant.simulator.domain.matching.Side;
import com.novaquant.simulator.domain.matching.TimeInForce;
import com.novaquant.simulator.domain.orders.OrderRequest;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A spot new-order request's parameters as Binance checks them (docs/binance-protocol.md, "Orders"): which ones each
 * order type needs and refuses, the client id's characters, positive amounts, and the response type.
 */
final class SpotOrderParams {

    private static final Pattern CLIENT_ID = Pattern.compile("^[a-zA-Z0-9-_]{1,36}$");

    private SpotOrderParams() {
    }

    static OrderRequest parse(RequestParams p, ParamValidator validator) {
        String symbol = validator.listedSymbol(p);
        Side side = ParamValidator.side(p);
        OrderType type = switch (p.require("type")) {
            case "LIMIT" -> OrderType.LIMIT;
            case "MARKET" -> OrderType.MARKET;
            case "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER" ->
                    throw ApiException.badRequest(-1013, "This order type is not supported by this exchange.");
            default -> throw ApiException.badRequest(-1116, "Invalid orderType.");
        };
        String clientId = p.get("newClientOrderId");
        if (clientId != null && !CLIENT_ID.matcher(clientId).matches()) {
            throw ApiException.badRequest(-1100, "Illegal characters found in parameter 'newClientOrderId'; legal range is '^[a-zA-Z0-9-_]{1,36}$'.");
        }
        BigDecimal quantity = p.decimal("quantity");
        BigDecimal quoteQty = p.decimal("quoteOrderQty");
        BigDecimal price = p.decimal("price");
        TimeInForce tif = p.enumValue("timeInForce", TimeInForce.class);
        if (type == OrderType.LIMIT) {
            requireLimitParams(tif, quantity, price, quoteQty);
        } else {
            refuseMarketParams(tif, quantity, price, quoteQty);
        }
        if ((quantity != null && quantity.signum() <= 0) || (price != null && price.signum() <= 0)
                || (quoteQty != null && quoteQty.signum() <= 0)) {
            throw ApiException.badRequest(-1013, quantity != null && quantity.signum() <= 0
                    ? "Filter failure: LOT_SIZE" : "Filter failure: PRICE_FILTER");
        }
        return new OrderRequest(Venue.SPOT, symbol, side, type, tif, quantity, quoteQty, price, clientId, false);
    }

    private static void requireLimitParams(TimeInForce tif, BigDecimal quantity, BigDecimal price, BigDecimal quoteQty) {
        if (tif == null) {
            throw ApiException.missing("timeInForce");
        }
        if (quantity == null) {
            throw ApiException.missing("quantity");
        }
        if (price == null) {
            throw ApiException.missing("price");
        }
        if (quoteQty != null) {
            throw ApiException.badRequest(-1106, "Parameter 'quoteOrderQty' sent when not required.");
        }
    }

    private static void refuseMarketParams(TimeInForce tif, BigDecimal quantity, BigDecimal price, BigDecimal quoteQty) {
        if (quantity == null && quoteQty == null) {
            throw ApiException.badRequest(-1102, "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!");
        }
        if (quantity != null && quoteQty != null) {
            throw ApiException.badRequest(-1106, "Parameter 'quoteOrderQty' sent when not required.");
        }
        if (price != null) {
            throw ApiException.badRequest(-1106, "Parameter 'price' sent when not required.");
        }
        if (tif != null) {
            throw ApiException.badRequest(-1106, "Parameter 'timeInForce' sent when not required.");
        }
    }

    /** {@code newOrderRespType}: FULL unless ACK or RESULT is asked for. */
    static OrderJson.SpotResponse responseType(RequestParams p) {
        String value = p.get("newOrderRespType");
        if (value == null) {
            return OrderJson.SpotResponse.FULL;
        }
        try {
            return OrderJson.SpotResponse.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(-1116, "Invalid newOrderRespType.");
        }
    }
}
