package com.novaquant.simulator.application;

import com.novaquant.simulator.domain.market.Book;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.matching.Fill;
import com.novaquant.simulator.domain.matching.MatchingEngine;
import com.novaquant.simulator.domain.orders.Order;

import java.util.List;
import java.util.Optional;

/**
 * Fills the resting orders a new book reaches, as makers at their own price; every market source calls it after it
 * publishes a book. A book change while no order rests costs one read and no lock.
 */
public final class RestingOrderFills {

    private final ExchangeState state;

    public RestingOrderFills(ExchangeState state) {
        this.state = state;
    }

    /** Fills resting orders that the new book of {@code symbol} on {@code venue} reaches. */
    public void onBook(String symbol, Venue venue) {
        if (!state.orders.anyResting()) {
            return;
        }
        synchronized (state) {
            SymbolMarket market = state.markets.find(symbol).orElse(null);
            if (market == null) {
                return;
            }
            Book book = market.book(venue);
            for (Order order : state.orders.resting(venue, symbol)) {
                Optional<Fill> fill = MatchingEngine.makerFill(book, order.side(), order.price(), order.remainingQty());
                if (fill.isPresent()) {
                    Executions.fill(state, state.accounts.require(order.apiKey()), market, order, List.of(fill.get()));
                }
                if (!order.status().isOpen()) {
                    state.orders.unrest(order);
                }
            }
        }
    }
}
