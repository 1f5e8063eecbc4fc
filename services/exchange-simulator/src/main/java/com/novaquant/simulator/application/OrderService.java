package com.novaquant.simulator.application;

import com.novaquant.simulator.domain.accounts.FuturesAccount;
import com.novaquant.simulator.domain.accounts.MarginRule;
import com.novaquant.simulator.domain.accounts.PaperAccount;
import com.novaquant.simulator.domain.market.Book;
import com.novaquant.simulator.domain.market.Instrument;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.matching.Fill;
import com.novaquant.simulator.domain.matching.MatchingEngine;
import com.novaquant.simulator.domain.matching.OrderType;
import com.novaquant.simulator.domain.matching.Side;
import com.novaquant.simulator.domain.matching.TimeInForce;
import com.novaquant.simulator.domain.orders.Order;
import com.novaquant.simulator.domain.orders.OrderFilters;
import com.novaquant.simulator.domain.orders.OrderRef;
import com.novaquant.simulator.domain.orders.OrderRequest;
import com.novaquant.simulator.domain.orders.OrderStatus;
import com.novaquant.simulator.domain.orders.OrderView;
import com.novaquant.simulator.domain.orders.RejectedException;
import com.novaquant.simulator.domain.orders.TradeFillView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The orders of both venues: places an order (its filters, the balance or margin it needs, then its fills against the
 * current book), queries, cancels and lists them, and serves the trade and order history. Each call holds the
 * {@link ExchangeState} lock throughout.
 */
public final class OrderService {

    private final ExchangeState state;

    public OrderService(ExchangeState state) {
        this.state = state;
    }

    /**
     * Validates, places and matches an order. {@code fillRatio} below 1 caps the fill (a fault that simulates thin
     * liquidity). Throws {@link RejectedException} when refused; nothing is placed then.
     */
    public OrderView place(String apiKey, OrderRequest request, BigDecimal fillRatio) {
        synchronized (state) {
            PaperAccount account = state.accounts.require(apiKey);
            SymbolMarket market = state.requireMarket(request.symbol());
            Venue venue = request.venue();
            String clientOrderId = state.orders.clientOrderId(venue, request.clientOrderId());
            state.orders.rejectDuplicate(apiKey, venue, clientOrderId);
            Book book = market.book(venue);
            if (book.isEmpty()) {
                throw venue == Venue.SPOT ? new RejectedException(-2010, "Market is closed.")
                        : new RejectedException(-1008, "Server is currently overloaded with other requests. Please try again in a few minutes.");
            }
            Order order = venue == Venue.SPOT
                    ? openSpot(account, market.instrument(), book, request, clientOrderId)
                    : openFutures(account, market, book, request, clientOrderId);
            match(account, market, book, order, request, fillRatio);
            return order.view();
        }
    }

    public OrderView query(String apiKey, Venue venue, OrderRef ref) {
        synchronized (state) {
            state.requireMarket(ref.symbol());
            return state.orders.find(apiKey, venue, ref)
                    .orElseThrow(() -> new RejectedException(-2013, "Order does not exist."))
                    .view();
        }
    }

    public OrderView cancel(String apiKey, Venue venue, OrderRef ref) {
        synchronized (state) {
            state.requireMarket(ref.symbol());
            Order order = state.orders.find(apiKey, venue, ref)
                    .filter(o -> o.status().isOpen())
                    .orElseThrow(() -> new RejectedException(-2011, "Unknown order sent."));
            Executions.end(state, state.accounts.require(apiKey), order, OrderStatus.CANCELED);
            return order.view();
        }
    }

    /** The account's open orders on the venue, on {@code symbol} or (null) every symbol. */
    public List<OrderView> openOrders(String apiKey, Venue venue, String symbol) {
        synchronized (state) {
            if (symbol != null) {
                state.requireMarket(symbol);
            }
            return state.orders.open(apiKey, venue, symbol).stream().map(Order::view).toList();
        }
    }

    /** The account's orders on {@code symbol} of {@code venue}, open and done, by order id. */
    public List<OrderView> orderHistory(String apiKey, Venue venue, String symbol) {
        synchronized (state) {
            state.requireMarket(symbol);
            return state.orders.history(apiKey, venue, symbol);
        }
    }

    /** The account's executions on {@code symbol} of {@code venue}, by trade id. */
    public List<TradeFillView> trades(String apiKey, Venue venue, String symbol) {
        synchronized (state) {
            state.requireMarket(symbol);
            return state.orders.trades(apiKey, venue, symbol);
        }
    }

    /** Every order of both venues, for the admin API. */
    public List<OrderView> allOrders() {
        synchronized (state) {
            return state.orders.all();
        }
    }

    private Order openSpot(PaperAccount account, Instrument instrument, Book book, OrderRequest request,
                           String clientOrderId) {
        BigDecimal qty = request.quantity();
        if (qty == null) {
            if (request.quoteOrderQty() == null || request.quoteOrderQty().signum() <= 0) {
                throw new RejectedException(-1102, "Mandatory parameter 'quantity' was not sent, was empty/null, or malformed.");
            }
            qty = MatchingEngine.qtyForQuote(book, request.side(), request.quoteOrderQty(), instrument.spot().stepSize());
        }
        OrderFilters.checkSpot(instrument.spot(), request.type(), qty, request.price(), book.mid());
        boolean limit = request.type() == OrderType.LIMIT;
        BigDecimal buyCost = request.side() != Side.BUY ? null
                : limit ? request.price().multiply(qty)
                : state.matching.costToTake(Venue.SPOT, instrument.symbol(), book, Side.BUY, qty);
        state.spot.reserve(account.spot(), instrument, request.side(), limit, qty, buyCost);
        return state.orders.add(Venue.SPOT, account.apiKey(), request, clientOrderId, qty, state.clock.wallMillis());
    }

    private Order openFutures(PaperAccount account, SymbolMarket market, Book book, OrderRequest request,
                              String clientOrderId) {
        String symbol = market.instrument().symbol();
        BigDecimal qty = request.quantity();
        OrderFilters.checkFutures(market.instrument().futures(), qty, request.price(), market.markPrice(),
                request.reduceOnly(), request.type());
        FuturesAccount futures = account.futures();
        if (request.reduceOnly()) {
            futures.admitReduceOnly(symbol, request.side());
        }
        BigDecimal price = request.price() != null ? request.price()
                : (request.side() == Side.BUY ? book.bestAsk().price() : book.bestBid().price());
        MarginRule.requireFor(futures, symbol, request.side(), qty, price, state.futures.takerRate(),
                state.markets::markPrice, state.orders.open(account.apiKey(), Venue.USDM, null));
        if (request.type() == OrderType.LIMIT && request.timeInForce() == TimeInForce.FOK
                && !state.matching.canFillCompletely(Venue.USDM, symbol, book, request.side(), qty, request.price())) {
            throw new RejectedException(-5021, "Due to the order could not be filled immediately, the FOK order has been rejected. The order will not be recorded in the order history");
        }
        long now = state.clock.wallMillis();
        Order order = state.orders.add(Venue.USDM, account.apiKey(), request, clientOrderId, qty, now);
        state.userEvents.orderUpdate(account.apiKey(), order.view(), "NEW", null, BigDecimal.ZERO, now);
        return order;
    }

    /** Takes what the book offers the new order; a GTC LIMIT order rests with the rest, any other expires. */
    private void match(PaperAccount account, SymbolMarket market, Book book, Order order, OrderRequest request,
                       BigDecimal fillRatio) {
        boolean limit = request.type() == OrderType.LIMIT;
        BigDecimal wanted = order.origQty();
        if (fillRatio != null && fillRatio.compareTo(BigDecimal.ONE) < 0) {
            BigDecimal step = market.instrument().rules(order.venue()).stepSize();
            wanted = wanted.multiply(fillRatio).divide(step, 0, RoundingMode.DOWN).multiply(step);
        }
        List<Fill> fills = state.matching.take(order.venue(), order.symbol(), book, order.side(), wanted,
                limit ? request.price() : null, limit && order.timeInForce() == TimeInForce.FOK);
        Executions.fill(state, account, market, order, fills);
        if (!order.status().isOpen()) {
            return;
        }
        if (limit && order.timeInForce() == TimeInForce.GTC) {
            state.orders.rest(order);
        } else {
            Executions.end(state, account, order, OrderStatus.EXPIRED);
        }
    }
}
