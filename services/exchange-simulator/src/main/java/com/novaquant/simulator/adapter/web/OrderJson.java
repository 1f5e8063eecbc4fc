package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.domain.matching.OrderType;
import com.novaquant.simulator.domain.orders.Order;
import com.novaquant.simulator.domain.orders.OrderStatus;
import com.novaquant.simulator.domain.orders.OrderView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Order payloads as docs/binance-protocol.md, "Orders", shows them. Spot: ACK/RESULT/FULL with
 * {@code cummulativeQuoteQty} and {@code fills} in FULL only, decimals with 8 places. USD-M:
 * {@code cumQty}, {@code cumQuote}, {@code avgPrice}, never fills; ACK shows the order as accepted,
 * RESULT its state after matching.
 */
final class OrderJson {

    private OrderJson() {
    }

    /** Spot response type: the documented default is FULL for MARKET and LIMIT. */
    enum SpotResponse { ACK, RESULT, FULL }

    static Map<String, Object> spotNewOrder(OrderView o, SpotResponse type) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", o.symbol());
        out.put("orderId", o.orderId());
        out.put("orderListId", -1);
        out.put("clientOrderId", o.clientOrderId());
        out.put("transactTime", o.time());
        if (type == SpotResponse.ACK) {
            return out;
        }
        putSpotState(out, o, true);
        out.put("workingTime", o.time());
        out.put("selfTradePreventionMode", "EXPIRE_MAKER");
        if (o.status() == OrderStatus.EXPIRED) {
            out.put("expiryReason", o.type() == OrderType.MARKET ? "INSUFFICIENT_LIQUIDITY"
                    : o.timeInForce().name().equals("FOK") ? "UNFILLED_FOK_ORDER_EXPIRED" : "UNFILLED_IOC_QUANTITY_EXPIRED");
        }
        if (type == SpotResponse.FULL) {
            List<Map<String, Object>> fills = new ArrayList<>();
            for (Order.TradeFill f : o.fills()) {
                Map<String, Object> fill = new LinkedHashMap<>();
                fill.put("price", spot(f.fill().price()));
                fill.put("qty", spot(f.fill().qty()));
                fill.put("commission", spot(f.commission()));
                fill.put("commissionAsset", f.commissionAsset());
                fill.put("tradeId", f.tradeId());
                fills.add(fill);
            }
            out.put("fills", fills);
        }
        return out;
    }

    static Map<String, Object> spotQuery(OrderView o) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", o.symbol());
        out.put("orderId", o.orderId());
        out.put("orderListId", -1);
        out.put("clientOrderId", o.clientOrderId());
        putSpotState(out, o, false);
        out.put("stopPrice", spot(BigDecimal.ZERO));
        out.put("icebergQty", spot(BigDecimal.ZERO));
        out.put("time", o.time());
        out.put("updateTime", o.updateTime());
        out.put("isWorking", true);
        out.put("workingTime", o.time());
        out.put("origQuoteOrderQty", spot(o.origQuoteOrderQty()));
        out.put("selfTradePreventionMode", "EXPIRE_MAKER");
        return out;
    }

    static Map<String, Object> spotCancel(OrderView o, String cancelClientId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", o.symbol());
        out.put("origClientOrderId", o.clientOrderId());
        out.put("orderId", o.orderId());
        out.put("orderListId", -1);
        out.put("clientOrderId", cancelClientId);
        out.put("transactTime", o.updateTime());
        putSpotState(out, o, true);
        out.put("selfTradePreventionMode", "EXPIRE_MAKER");
        return out;
    }

    /** A spot order's price, quantities, status and kind, in Binance's field order ({@code origQuoteOrderQty} where shown). */
    private static void putSpotState(Map<String, Object> out, OrderView o, boolean withOrigQuoteQty) {
        out.put("price", spot(o.price()));
        out.put("origQty", spot(o.origQty()));
        out.put("executedQty", spot(o.executedQty()));
        if (withOrigQuoteQty) {
            out.put("origQuoteOrderQty", spot(o.origQuoteOrderQty()));
        }
        out.put("cummulativeQuoteQty", spot(o.cumQuote()));
        out.put("status", o.status().name());
        out.put("timeInForce", o.timeInForce().name());
        out.put("type", o.type().name());
        out.put("side", o.side().name());
    }

    /** A USD-M order; {@code asAccepted} renders it as it stood on acceptance (the ACK response). */
    static Map<String, Object> futures(OrderView o, boolean asAccepted, boolean withTime) {
        BigDecimal executed = asAccepted ? BigDecimal.ZERO : o.executedQty();
        BigDecimal cumQuote = asAccepted ? BigDecimal.ZERO : o.cumQuote();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clientOrderId", o.clientOrderId());
        out.put("cumQty", executed.toPlainString());
        out.put("cumQuote", cumQuote.toPlainString());
        out.put("executedQty", executed.toPlainString());
        out.put("orderId", o.orderId());
        out.put("avgPrice", asAccepted || o.executedQty().signum() == 0 ? "0.00"
                : o.averagePrice().setScale(Math.max(2, o.price().scale()), RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString());
        out.put("origQty", o.origQty().toPlainString());
        out.put("price", o.price().signum() == 0 ? "0" : o.price().toPlainString());
        out.put("reduceOnly", o.reduceOnly());
        out.put("side", o.side().name());
        out.put("positionSide", "BOTH");
        out.put("status", asAccepted ? OrderStatus.NEW.name() : o.status().name());
        out.put("stopPrice", "0");
        out.put("closePosition", false);
        out.put("symbol", o.symbol());
        if (withTime) {
            out.put("time", o.time());
        }
        out.put("timeInForce", o.timeInForce().name());
        out.put("type", o.type().name());
        out.put("origType", o.type().name());
        out.put("updateTime", asAccepted ? o.time() : o.updateTime());
        out.put("workingType", "CONTRACT_PRICE");
        out.put("priceProtect", false);
        out.put("priceMatch", "NONE");
        out.put("selfTradePreventionMode", "EXPIRE_MAKER");
        out.put("goodTillDate", 0);
        return out;
    }

    static String spot(BigDecimal value) {
        return value.setScale(8, RoundingMode.HALF_EVEN).toPlainString();
    }
}
