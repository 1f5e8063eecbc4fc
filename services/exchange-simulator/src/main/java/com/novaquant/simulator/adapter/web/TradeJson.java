package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.domain.orders.TradeFillView;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rows of the account trade lists as docs/binance-protocol.md, "Trade and order history", shows them: spot
 * {@code myTrades} with 8-decimal strings, USD-M {@code userTrades} with plain decimals, the commission as a positive
 * amount and the PnL each fill realised.
 */
final class TradeJson {

    private TradeJson() {
    }

    static Map<String, Object> spot(TradeFillView t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", t.symbol());
        out.put("id", t.tradeId());
        out.put("orderId", t.orderId());
        out.put("orderListId", -1);
        out.put("price", OrderJson.spot(t.price()));
        out.put("qty", OrderJson.spot(t.qty()));
        out.put("quoteQty", OrderJson.spot(t.quoteQty()));
        out.put("commission", OrderJson.spot(t.fill().commission()));
        out.put("commissionAsset", t.fill().commissionAsset());
        out.put("time", t.time());
        out.put("isBuyer", t.buyer());
        out.put("isMaker", t.maker());
        out.put("isBestMatch", true);
        return out;
    }

    static Map<String, Object> futures(TradeFillView t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("buyer", t.buyer());
        out.put("commission", t.fill().commission().toPlainString());
        out.put("commissionAsset", t.fill().commissionAsset());
        out.put("id", t.tradeId());
        out.put("maker", t.maker());
        out.put("orderId", t.orderId());
        out.put("price", t.price().toPlainString());
        out.put("qty", t.qty().toPlainString());
        out.put("quoteQty", t.quoteQty().toPlainString());
        out.put("realizedPnl", t.fill().realizedPnl().toPlainString());
        out.put("side", t.side().name());
        out.put("positionSide", "BOTH");
        out.put("symbol", t.symbol());
        out.put("time", t.time());
        return out;
    }
}
