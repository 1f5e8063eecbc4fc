package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.domain.accounts.AssetBalance;
import com.novaquant.simulator.application.Exchange;
import com.novaquant.simulator.domain.market.Venue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Binance wallet and margin ({@code /sapi}) calls a client makes on start-up, under {@code /spot/sapi}, answered
 * as Binance answers a spot account without margin: every known asset with its balance and no deposit or
 * withdrawal, no cross or isolated margin pair (every listed symbol has {@code isMarginTradingAllowed=false}), and
 * -3003 for the margin account. Weight counts against the spot limit.
 */
@RestController
@RequestMapping("/spot/sapi")
class SapiController {

    private static final Map<String, String> NAMES = Map.of("BTC", "Bitcoin", "ETH", "Ethereum", "USDT", "TetherUS",
            "BNB", "BNB", "SOL", "Solana", "XRP", "XRP");

    private final Exchange exchange;
    private final RequestGate gate;
    private final SpotAssets assets;

    SapiController(Exchange exchange, RequestGate gate, SpotAssets assets) {
        this.exchange = exchange;
        this.gate = gate;
        this.assets = assets;
    }

    @GetMapping("/v1/system/status")
    Map<String, Object> systemStatus(ServerWebExchange web) {
        gate.open(web, Venue.SPOT, 1);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", 0);
        out.put("msg", "normal");
        return out;
    }

    /** Every coin the account can hold, with its free and locked balance (USER_DATA, weight 10). */
    @GetMapping("/v1/capital/config/getall")
    List<Map<String, Object>> coins(ServerWebExchange web) {
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.SPOT, 10);
        return assets.withZeros(exchange.spotBalances(auth.apiKey())).stream().map(SapiController::coin).toList();
    }

    /** Cross margin pairs (MARKET_DATA, weight 1): none is listed for margin. */
    @GetMapping("/v1/margin/allPairs")
    List<Map<String, Object>> crossMarginPairs(ServerWebExchange web) {
        gate.keyed(web, null, Venue.SPOT, 1);
        return List.of();
    }

    /** Isolated margin pairs (weight 10): none is listed for margin. */
    @GetMapping("/v1/margin/isolated/allPairs")
    List<Map<String, Object>> isolatedMarginPairs(ServerWebExchange web) {
        gate.keyed(web, null, Venue.SPOT, 10);
        return List.of();
    }

    /** The cross margin account (USER_DATA, weight 10): a paper account has none. */
    @GetMapping("/v1/margin/account")
    Map<String, Object> marginAccount(ServerWebExchange web) {
        gate.signed(web, null, Venue.SPOT, 10);
        throw ApiException.badRequest(-3003, "Margin account does not exist.");
    }

    private static Map<String, Object> coin(AssetBalance b) {
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
