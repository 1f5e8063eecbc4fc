package com.novaquant.simulator.admin;

import com.novaquant.simulator.application.AccountService;
import com.novaquant.simulator.application.OrderService;
import com.novaquant.simulator.domain.accounts.AssetBalance;
import com.novaquant.simulator.domain.accounts.Accounts;
import com.novaquant.simulator.domain.accounts.FuturesSnapshot;
import com.novaquant.simulator.domain.accounts.IncomeRecord;
import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.orders.OrderView;
import com.novaquant.simulator.domain.orders.TradeFillView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every paper account, read without signing: what each holds ({@code GET /admin/accounts}) and its own records of one
 * symbol ({@code GET /admin/records}), what its books must add up to.
 */
@RestController
@RequestMapping("/admin")
class PaperAccountsController {

    private final Accounts accounts;
    private final AccountService accountService;
    private final OrderService orders;
    private final Markets markets;

    PaperAccountsController(Accounts accounts, AccountService accountService, OrderService orders, Markets markets) {
        this.accounts = accounts;
        this.accountService = accountService;
        this.orders = orders;
        this.markets = markets;
    }

    @GetMapping("/accounts")
    List<Map<String, Object>> holdings() {
        return accounts.all().stream().map(account -> holdings(account.apiKey())).toList();
    }

    private Map<String, Object> holdings(String apiKey) {
        List<AssetBalance> spot = accountService.spotBalances(apiKey);
        FuturesSnapshot futures = accountService.futuresSnapshot(apiKey);
        List<OrderView> open = new ArrayList<>(orders.openOrders(apiKey, Venue.SPOT, null));
        open.addAll(orders.openOrders(apiKey, Venue.USDM, null));
        return PaperAccountJson.holdings(apiKey, spot, futures, open);
    }

    /**
     * Each account's trades of the symbol on both venues (commission in kind, USD-M realised PnL) and its futures
     * income entries of it.
     */
    @GetMapping("/records")
    List<Map<String, Object>> records(@RequestParam String symbol) {
        AdminRequestChecks.knownMarket(markets, symbol);
        return accounts.all().stream().map(account -> records(account.apiKey(), symbol)).toList();
    }

    private Map<String, Object> records(String apiKey, String symbol) {
        List<TradeFillView> trades = new ArrayList<>();
        for (Venue venue : Venue.values()) {
            trades.addAll(orders.trades(apiKey, venue, symbol));
        }
        List<IncomeRecord> income = accountService.income(apiKey).stream()
                .filter(r -> symbol.equals(r.symbol()))
                .toList();
        return PaperAccountJson.records(apiKey, trades, income);
    }
}
