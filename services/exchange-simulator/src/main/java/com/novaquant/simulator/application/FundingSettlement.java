package com.novaquant.simulator.application;

import com.novaquant.simulator.domain.accounts.PaperAccount;
import com.novaquant.simulator.domain.market.SymbolMarket;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Settles a symbol's funding on every paper account at once, under the {@link ExchangeState} lock: each open position
 * pays or receives notional x mark x rate, reported as a FUNDING_FEE on the account's user stream, and the rate joins
 * the funding history.
 */
public final class FundingSettlement {

    private final ExchangeState state;
    private final FundingHistory history;

    public FundingSettlement(ExchangeState state, FundingHistory history) {
        this.state = state;
        this.history = history;
    }

    /** Settles funding of {@code symbol} at {@code rate} (longs pay shorts when it is positive) at the current mark. */
    public void settle(String symbol, BigDecimal rate) {
        synchronized (state) {
            SymbolMarket market = state.requireMarket(symbol);
            BigDecimal mark = market.markPrice();
            long now = state.clock.wallMillis();
            history.record(new FundingHistory.Entry(symbol, rate, now, mark));
            for (PaperAccount account : state.accounts.all()) {
                Optional<BigDecimal> payment = state.futures.settleFunding(account.futures(), symbol, mark, rate, now);
                if (payment.isPresent()) {
                    state.userEvents.accountUpdate(account.apiKey(), "FUNDING_FEE", account.futures().wallet(),
                            payment.get(), List.of(), BigDecimal.ZERO, now);
                }
            }
        }
    }
}
