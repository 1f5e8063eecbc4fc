package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.domain.accounts.AssetBalance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Wallet payloads of {@code /sapi} as Binance answers them for a spot account that can neither deposit nor withdraw. */
final class WalletJson {

    private static final Map<String, String> NAMES = Map.of("BTC", "Bitcoin", "ETH", "Ethereum", "USDT", "TetherUS",
            "BNB", "BNB", "SOL", "Solana", "XRP", "XRP");

    private WalletJson() {
    }

    /** One coin of {@code capital/config/getall}: its balance, one network, deposits and withdrawals disabled. */
    static Map<String, Object> coin(AssetBalance b) {
        String zero = "0";
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("coin", b.asset());
        out.put("depositAllEnable", false);
        out.put("withdrawAllEnable", false);
        out.put("name", NAMES.getOrDefault(b.asset(), b.asset()));
        out.put("free", b.free().toPlainString());
        out.put("locked", b.locked().toPlainString());
        out.put("freeze", zero);
        out.put("withdrawing", zero);
        out.put("ipoing", zero);
        out.put("ipoable", zero);
        out.put("storage", zero);
        out.put("isLegalMoney", false);
        out.put("trading", true);
        Map<String, Object> network = new LinkedHashMap<>();
        network.put("network", b.asset());
        network.put("coin", b.asset());
        network.put("withdrawIntegerMultiple", "0.00000001");
        network.put("isDefault", true);
        network.put("depositEnable", false);
        network.put("withdrawEnable", false);
        network.put("depositDesc", "Wallet Maintenance, Deposit Suspended");
        network.put("withdrawDesc", "Wallet Maintenance, Withdrawal Suspended");
        network.put("specialTips", "");
        network.put("name", NAMES.getOrDefault(b.asset(), b.asset()));
        network.put("resetAddressStatus", false);
        network.put("addressRegex", "");
        network.put("memoRegex", "");
        network.put("withdrawFee", zero);
        network.put("withdrawMin", zero);
        network.put("withdrawMax", zero);
        network.put("minConfirm", 0);
        network.put("unLockConfirm", 0);
        network.put("sameAddress", false);
        network.put("estimatedArrivalTime", 0);
        network.put("busy", false);
        out.put("networkList", List.of(network));
        return out;
    }
}
