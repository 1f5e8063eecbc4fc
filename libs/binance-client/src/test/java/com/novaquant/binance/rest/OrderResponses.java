package com.novaquant.binance.rest;

import com.novaquant.binance.testserver.FakeBinance.Received;
import com.novaquant.binance.testserver.FakeBinance.Response;

/** Order bodies shaped like docs/binance-protocol.md, "Orders", echoing the request's client order id. */
final class OrderResponses {

    private OrderResponses() {
    }

    static String clientId(Received r) {
        return r.params().getOrDefault("newClientOrderId", r.params().getOrDefault("origClientOrderId", ""));
    }

    static Response spotFilled(Received r) {
        return Response.ok("""
                {"symbol":"BTCUSDT","orderId":40118823,"orderListId":-1,"clientOrderId":"%s",
                 "transactTime":1772000001000,"price":"0.00000000","origQty":"0.01000000",
                 "executedQty":"0.01000000","origQuoteOrderQty":"0.00000000","cummulativeQuoteQty":"642.50100000",
                 "status":"FILLED","timeInForce":"GTC","type":"MARKET","side":"BUY","workingTime":1772000001000,
                 "selfTradePreventionMode":"EXPIRE_MAKER",
                 "fills":[{"price":"64250.02000000","qty":"0.00600000","commission":"0.00000600","commissionAsset":"BTC","tradeId":9001},
                          {"price":"64250.10000000","qty":"0.00400000","commission":"0.00000400","commissionAsset":"BTC","tradeId":9002}]}
                """.formatted(clientId(r)))
                .withHeader("X-MBX-ORDER-COUNT-10S", "3")
                .withHeader("X-MBX-ORDER-COUNT-1D", "17");
    }

    static Response spotStatus(Received r, String status) {
        return Response.ok("""
                {"symbol":"BTCUSDT","orderId":40118823,"orderListId":-1,"clientOrderId":"%s","price":"64000.00000000",
                 "origQty":"0.01000000","executedQty":"0.00000000","cummulativeQuoteQty":"0.00000000",
                 "status":"%s","timeInForce":"GTC","type":"LIMIT","side":"BUY","time":1772000001000,
                 "updateTime":1772000002000,"isWorking":true}
                """.formatted(clientId(r), status));
    }

    static Response futuresFilled(Received r) {
        return Response.ok("""
                {"clientOrderId":"%s","cumQty":"0.010","cumQuote":"642.51000","executedQty":"0.010",
                 "orderId":771234567890,"avgPrice":"64251.00000","origQty":"0.010","price":"0.00","reduceOnly":false,
                 "side":"SELL","positionSide":"BOTH","status":"FILLED","stopPrice":"0.00","closePosition":false,
                 "symbol":"BTCUSDT","timeInForce":"GTC","type":"MARKET","origType":"MARKET","updateTime":1772000002000,
                 "workingType":"CONTRACT_PRICE","priceProtect":false,"priceMatch":"NONE",
                 "selfTradePreventionMode":"EXPIRE_MAKER","goodTillDate":0}
                """.formatted(clientId(r)))
                .withHeader("X-MBX-ORDER-COUNT-10S", "1")
                .withHeader("X-MBX-ORDER-COUNT-1M", "5");
    }
}
