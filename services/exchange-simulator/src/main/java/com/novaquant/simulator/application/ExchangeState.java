package com.novaquant.simulator.application;

import com.novaquant.simulator.domain.accounts.Accounts;
import com.novaquant.simulator.domain.accounts.BnbBurn;
import com.novaquant.simulator.domain.accounts.FuturesSettlement;
import com.novaquant.simulator.domain.accounts.SpotSettlement;
import com.novaquant.simulator.domain.clock.SimulationClock;
import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.matching.MatchingEngine;
import com.novaquant.simulator.domain.orders.FeeSchedule;
import com.novaquant.simulator.domain.orders.OrderRegistry;
import com.novaquant.simulator.domain.orders.RejectedException;

/**
 * What the paper exchange changes when it trades, and the one lock that guards all of it: this object's monitor.
 * <p>
 * The services of this package read its fields directly; nothing outside the package sees them.
 * <p>
 * Guarded: every paper account's spot balances and USD-M wallet, positions, leverage, modes and income (the accounts
 * themselves; the set of {@link Accounts} is fixed at start), every order and which of them rest
 * ({@link OrderRegistry}), the liquidity already taken from each book ({@link MatchingEngine}) and the trade and
 * income ids ({@link OrderRegistry}, {@link FuturesSettlement}). {@link OrderService}, {@link RestingOrderFills},
 * {@link AccountService}, {@link FuturesSettingsService}, {@link FundingSettlement} and {@link PreTradeChecks} hold
 * the lock for the whole of each operation, so no client sees an order filled without its balance moved, or a margin
 * computed from half a fill.
 * <p>
 * Not guarded: the {@link Markets}, whose books and prices are immutable values the market source publishes through
 * volatile fields (an operation reads each book once and matches against that snapshot); the user streams
 * ({@link FuturesUserEvents}), called under the lock, which must not call back into the exchange; the funding history,
 * which has a lock of its own.
 */
public final class ExchangeState {

    final Markets markets;
    final Accounts accounts;
    final SpotSettlement spot;
    final FuturesSettlement futures;
    final SimulationClock clock;
    final FuturesUserEvents userEvents;
    final OrderRegistry orders = new OrderRegistry();
    final MatchingEngine matching = new MatchingEngine();

    public ExchangeState(Markets markets, Accounts accounts, FeeSchedule fees, BnbBurn bnbBurn, SimulationClock clock,
                         FuturesUserEvents userEvents) {
        this.markets = markets;
        this.accounts = accounts;
        this.spot = new SpotSettlement(fees, bnbBurn);
        this.futures = new FuturesSettlement(fees);
        this.clock = clock;
        this.userEvents = userEvents;
    }

    /** The listed symbol's market, or Binance's refusal of an unknown symbol (-1121). */
    SymbolMarket requireMarket(String symbol) {
        return markets.find(symbol).orElseThrow(() -> new RejectedException(-1121, "Invalid symbol."));
    }
}
