package com.novaquant.simulator.application;

import com.novaquant.simulator.domain.accounts.FuturesAccount;
import com.novaquant.simulator.domain.accounts.PaperAccount;
import com.novaquant.simulator.domain.accounts.Position;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.matching.Fill;
import com.novaquant.simulator.domain.orders.Order;
import com.novaquant.simulator.domain.orders.OrderStatus;

import java.math.BigDecimal;
import java.util.List;

/**
 * Books what happens to an order on its account, spot or USD-M, and reports it on the USD-M account's user stream:
 * its fills (taker or maker), and its end while still open (canceled or expired), which gives back what it held.
 * Called under the {@link ExchangeState} lock.
 */
final class Executions {

    private Executions() {
    }

    static void fill(ExchangeState state, PaperAccount account, SymbolMarket market, Order order, List<Fill> fills) {
        if (fills.isEmpty()) {
            return;
        }
        long now = state.clock.wallMillis();
        if (order.venue() == Venue.SPOT) {
            for (Fill fill : fills) {
                state.spot.settle(account.spot(), market.instrument(), order, fill, state.orders.nextTradeId(), now);
            }
            return;
        }
        FuturesAccount futures = account.futures();
        BigDecimal walletBefore = futures.wallet();
        for (Fill fill : fills) {
            BigDecimal realised = state.futures.settle(futures, order, fill, state.orders.nextTradeId(), now);
            state.userEvents.orderUpdate(account.apiKey(), order.view(), "TRADE", order.view().fills().getLast(),
                    realised, now);
        }
        Position position = futures.position(order.symbol());
        state.userEvents.accountUpdate(account.apiKey(), "ORDER", futures.wallet(),
                futures.wallet().subtract(walletBefore), List.of(position), position.unrealisedPnl(market.markPrice()), now);
    }

    /** Ends an open order as {@code status} (CANCELED or EXPIRED): it leaves the book and gives back what it held. */
    static void end(ExchangeState state, PaperAccount account, Order order, OrderStatus status) {
        long now = state.clock.wallMillis();
        if (order.venue() == Venue.SPOT) {
            // USD-M margin is computed from the open orders, so only spot has something to give back.
            state.spot.release(account.spot(), state.requireMarket(order.symbol()).instrument(), order);
        }
        order.finish(status, now);
        state.orders.unrest(order);
        if (order.venue() == Venue.USDM) {
            state.userEvents.orderUpdate(account.apiKey(), order.view(), status.name(), null, BigDecimal.ZERO, now);
        }
    }
}
