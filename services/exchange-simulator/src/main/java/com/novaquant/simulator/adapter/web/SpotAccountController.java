package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.application.AccountService;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.orders.FeeSchedule;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Binance spot account under {@code /spot/api/v3}: the account (every asset the venue knows, zero balances included,
 * as Binance lists them) and a symbol's commission rates.
 */
@RestController
@RequestMapping("/spot/api/v3")
record SpotAccountController(AccountService accounts, FeeSchedule fees, SpotAssets assets, RequestGate gate,
                             ParamValidator validator, LongSupplier wallMillis) {

    @GetMapping("/account")
    Map<String, Object> account(ServerWebExchange web) {
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.SPOT, 20);
        return SpotAccountJson.account(auth.apiKey(), fees, assets.withZeros(accounts.spotBalances(auth.apiKey())),
                wallMillis.getAsLong());
    }

    @GetMapping("/account/commission")
    Map<String, Object> commission(ServerWebExchange web) {
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.SPOT, 20);
        String symbol = validator.listedSymbol(auth.params());
        return SpotAccountJson.commission(symbol, fees);
    }
}
