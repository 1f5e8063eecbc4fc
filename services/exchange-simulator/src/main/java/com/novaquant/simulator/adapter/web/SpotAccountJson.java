package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.domain.accounts.AssetBalance;
import com.novaquant.simulator.domain.orders.FeeSchedule;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spot account payloads as docs/binance-protocol.md shows them: the account with its commission rates and every
 * balance, and a symbol's commission rates. Decimals carry 8 places.
 */
final class SpotAccountJson {

    private static final String ZERO = OrderJson.spot(BigDecimal.ZERO);

    private SpotAccountJson() {
    }

    static Map<String, Object> account(String apiKey, FeeSchedule fees, List<AssetBalance> balances, long now) {
        BigDecimal maker = fees.spotMaker();
        BigDecimal taker = fees.spotTaker();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("makerCommission", maker.movePointRight(4).intValue());
        out.put("takerCommission", taker.movePointRight(4).intValue());
        out.put("buyerCommission", 0);
        out.put("sellerCommission", 0);
        out.put("commissionRates", rates(OrderJson.spot(maker), OrderJson.spot(taker)));
        out.put("canTrade", true);
        out.put("canWithdraw", false);
        out.put("canDeposit", false);
        out.put("brokered", false);
        out.put("requireSelfTradePrevention", false);
        out.put("preventSor", false);
        out.put("updateTime", now);
        out.put("accountType", "SPOT");
        out.put("balances", balances.stream().map(SpotAccountJson::balance).toList());
        out.put("permissions", List.of("SPOT"));
        out.put("uid", Math.abs(apiKey.hashCode()));
        return out;
    }

    static Map<String, Object> commission(String symbol, FeeSchedule fees) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", symbol);
        out.put("standardCommission", rates(OrderJson.spot(fees.spotMaker()), OrderJson.spot(fees.spotTaker())));
        out.put("specialCommission", rates(ZERO, ZERO));
        out.put("taxCommission", rates(ZERO, ZERO));
        out.put("discount", Map.of("enabledForAccount", false, "enabledForSymbol", false, "discountAsset", "BNB",
                "discount", OrderJson.spot(new BigDecimal("0.25"))));
        return out;
    }

    /** Maker and taker rates; the simulator charges no buyer or seller commission. */
    private static Map<String, Object> rates(String maker, String taker) {
        return Map.of("maker", maker, "taker", taker, "buyer", ZERO, "seller", ZERO);
    }

    private static Map<String, Object> balance(AssetBalance b) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("asset", b.asset());
        out.put("free", OrderJson.spot(b.free()));
        out.put("locked", OrderJson.spot(b.locked()));
        return out;
    }
}
