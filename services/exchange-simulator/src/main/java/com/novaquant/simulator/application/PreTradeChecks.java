package com.novaquant.simulator.application;

import com.novaquant.simulator.domain.market.Book;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.orders.ListingRule;
import com.novaquant.simulator.domain.orders.OrderFilters;
import com.novaquant.simulator.domain.orders.OrderRequest;
import com.novaquant.simulator.domain.orders.RejectedException;

/**
 * The checks an order endpoint makes before it hands an order to the exchange, which are all that {@code order/test}
 * makes: the symbol's listing and every filter, the side-dependent ones included (spot against the book's mid, whose
 * price checks wait for the exchange while the book is empty; USD-M against the mark price), and on USD-M the
 * position side first. The exchange checks the other filters again when it places the order. What reads an account
 * holds the {@link ExchangeState} lock; the listing and the books are read as published.
 */
public final class PreTradeChecks {

    private final ExchangeState state;

    public PreTradeChecks(ExchangeState state) {
        this.state = state;
    }

    public void spot(OrderRequest request) {
        SymbolMarket market = state.requireMarket(request.symbol());
        ListingRule.admit(market.listing(Venue.SPOT), Venue.SPOT, request.reduceOnly());
        Book book = market.book(Venue.SPOT);
        OrderFilters.checkSpot(market.instrument().spot(), request.side(), request.type(), request.quantity(),
                request.price(), book.isEmpty() ? null : book.mid());
    }

    /** {@code positionSide} as sent (null: none) must fit the account's position mode. */
    public void futures(String apiKey, OrderRequest request, String positionSide) {
        synchronized (state) {
            state.accounts.require(apiKey).futures().modes().positionSideProblem(positionSide).ifPresent(r -> {
                throw new RejectedException(r.code(), r.msg());
            });
        }
        SymbolMarket market = state.requireMarket(request.symbol());
        ListingRule.admit(market.listing(Venue.USDM), Venue.USDM, request.reduceOnly());
        OrderFilters.checkFutures(market.instrument().futures(), request.side(), request.quantity(), request.price(),
                market.markPrice(), market.book(Venue.USDM), request.reduceOnly(), request.type());
    }

    /** USD-M's MAX_NUM_ORDERS: a new order must leave the account's open orders on the symbol within the limit. */
    public void futuresOpenOrderLimit(String apiKey, String symbol) {
        synchronized (state) {
            state.requireMarket(symbol);
            OrderFilters.checkFuturesOpenOrders(state.orders.open(apiKey, Venue.USDM, symbol).size());
        }
    }
}
