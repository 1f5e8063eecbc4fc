package com.novaquant.simulator.application;

import com.novaquant.simulator.domain.accounts.AssetBalance;
import com.novaquant.simulator.domain.accounts.FuturesSnapshot;
import com.novaquant.simulator.domain.accounts.IncomeRecord;
import com.novaquant.simulator.domain.accounts.MarginRule;
import com.novaquant.simulator.domain.accounts.PaperAccount;
import com.novaquant.simulator.domain.market.Venue;

import java.util.List;

/**
 * What a paper account holds, as consistent copies taken under the {@link ExchangeState} lock: its spot balances, its
 * USD-M account valued at the current mark prices, and its income history.
 */
public final class AccountService {

    private final ExchangeState state;

    public AccountService(ExchangeState state) {
        this.state = state;
    }

    /** The assets the account holds on spot, by name. */
    public List<AssetBalance> spotBalances(String apiKey) {
        synchronized (state) {
            return state.accounts.require(apiKey).spot().balances();
        }
    }

    public FuturesSnapshot futuresSnapshot(String apiKey) {
        synchronized (state) {
            PaperAccount account = state.accounts.require(apiKey);
            return MarginRule.snapshot(account.futures(), state.markets, state.orders.open(apiKey, Venue.USDM, null));
        }
    }

    public List<IncomeRecord> income(String apiKey) {
        synchronized (state) {
            return state.accounts.require(apiKey).futures().income();
        }
    }
}
