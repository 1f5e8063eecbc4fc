package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.application.AccountService;
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
record SapiController(AccountService accounts, RequestGate gate, SpotAssets assets) {

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
        return assets.withZeros(accounts.spotBalances(auth.apiKey())).stream().map(WalletJson::coin).toList();
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
}
