package com.novaquant.simulator.application;

import com.novaquant.simulator.domain.accounts.Accounts;
import com.novaquant.simulator.domain.accounts.BnbBurn;
import com.novaquant.simulator.domain.accounts.PaperAccount;
import com.novaquant.simulator.domain.accounts.SpotAccount;
import com.novaquant.simulator.domain.clock.SimulationClock;
import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.orders.FeeSchedule;

import java.util.List;

/** The exchange's services over one {@link ExchangeState}, wired as the application wires them, for tests without Spring. */
record TestExchange(Accounts paperAccounts, OrderService orders, RestingOrderFills restingOrders,
                    AccountService accounts, FuturesSettingsService settings, FundingSettlement funding) {

    static TestExchange of(Markets markets, List<PaperAccount> accounts, FeeSchedule fees, BnbBurn bnbBurn,
                           SimulationClock clock, FuturesUserEvents events, FundingHistory history) {
        Accounts paperAccounts = new Accounts(accounts);
        ExchangeState state = new ExchangeState(markets, paperAccounts, fees, bnbBurn, clock, events);
        return new TestExchange(paperAccounts, new OrderService(state), new RestingOrderFills(state),
                new AccountService(state), new FuturesSettingsService(state), new FundingSettlement(state, history));
    }

    static TestExchange of(Markets markets, List<PaperAccount> accounts, FeeSchedule fees, SimulationClock clock,
                           FuturesUserEvents events, FundingHistory history) {
        return of(markets, accounts, fees, BnbBurn.OFF, clock, events, history);
    }

    /** The account's spot balances themselves: read only while no other thread trades. */
    SpotAccount spotAccount(String apiKey) {
        return paperAccounts.require(apiKey).spot();
    }
}
