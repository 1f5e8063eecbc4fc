package com.novaquant.simulator.domain.orders;

import com.novaquant.simulator.domain.market.Venue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every order of both venues, open and done, in arrival order; which of them rest on a book; and the order and trade
 * ids, each venue's orders numbered as Binance numbers them (spot from 40,000,001, USD-M from 770,000,000,001).
 * Touched only under the exchange's lock, except {@link #anyResting()}.
 */
public final class OrderRegistry {

    private static final String GENERATED_ID_PREFIX = "web_";

    private final Map<Venue, Map<Long, Order>> orders = byVenue();
    /** Open GTC LIMIT orders, the only ones a book change can fill. */
    private final Map<Venue, Map<Long, Order>> resting = byVenue();
    private final AtomicInteger restingCount = new AtomicInteger();
    private long lastSpotOrderId = 40_000_000;
    private long lastFuturesOrderId = 770_000_000_000L;
    private long lastTradeId = 9_000;

    private static Map<Venue, Map<Long, Order>> byVenue() {
        Map<Venue, Map<Long, Order>> map = new EnumMap<>(Venue.class);
        for (Venue venue : Venue.values()) {
            map.put(venue, new LinkedHashMap<>());
        }
        return map;
    }

    /** The client id an order is known by: the one sent, else one made up as Binance makes them up. */
    public String clientOrderId(Venue venue, String requested) {
        if (requested != null) {
            return requested;
        }
        long n = (venue == Venue.SPOT ? lastSpotOrderId : lastFuturesOrderId) + 1;
        return GENERATED_ID_PREFIX + Long.toString(n * 2654435761L & 0xFFFFFFFFFFL, 36) + Long.toString(n, 36);
    }

    /** Refuses a client id that an open order of the account already carries on the venue. */
    public void rejectDuplicate(String apiKey, Venue venue, String clientOrderId) {
        for (Order order : orders.get(venue).values()) {
            if (order.status().isOpen() && order.apiKey().equals(apiKey) && order.clientOrderId().equals(clientOrderId)) {
                throw venue == Venue.SPOT
                        ? new RejectedException(-2010, "Duplicate order sent.")
                        : new RejectedException(-4116, "ClientOrderId is duplicated.");
            }
        }
    }

    /** Records a new order under the venue's next order id. */
    public Order add(Venue venue, String apiKey, OrderRequest request, String clientOrderId, BigDecimal qty, long now) {
        long id = venue == Venue.SPOT ? ++lastSpotOrderId : ++lastFuturesOrderId;
        Order order = new Order(venue, id, clientOrderId, apiKey, request, qty, now);
        orders.get(venue).put(id, order);
        return order;
    }

    public long nextTradeId() {
        return ++lastTradeId;
    }

    /** The account's order {@code ref} names on the venue, if there is one. */
    public Optional<Order> find(String apiKey, Venue venue, OrderRef ref) {
        if (ref.orderId() == null && ref.origClientOrderId() == null) {
            throw new RejectedException(-1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        }
        Map<Long, Order> venueOrders = orders.get(venue);
        if (ref.orderId() != null) {
            Order order = venueOrders.get(ref.orderId());
            if (order == null || !order.apiKey().equals(apiKey) || !order.symbol().equals(ref.symbol())
                    || (ref.origClientOrderId() != null && !ref.origClientOrderId().equals(order.clientOrderId()))) {
                return Optional.empty();
            }
            return Optional.of(order);
        }
        // The latest order with that client id: a client id can be reused once its earlier order is done.
        Order found = null;
        for (Order order : venueOrders.values()) {
            if (order.apiKey().equals(apiKey) && order.symbol().equals(ref.symbol())
                    && order.clientOrderId().equals(ref.origClientOrderId())) {
                found = order;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The account's open orders on the venue, on {@code symbol} or (null) every symbol, by order id. */
    public List<Order> open(String apiKey, Venue venue, String symbol) {
        return orders.get(venue).values().stream()
                .filter(o -> o.apiKey().equals(apiKey) && o.status().isOpen())
                .filter(o -> symbol == null || o.symbol().equals(symbol))
                .toList();
    }

    /** Whether the account has an open order on the venue, on {@code symbol} or (null) any symbol. */
    public boolean anyOpen(String apiKey, Venue venue, String symbol) {
        return orders.get(venue).values().stream().anyMatch(o -> o.apiKey().equals(apiKey)
                && o.status().isOpen() && (symbol == null || o.symbol().equals(symbol)));
    }

    /** The account's orders on {@code symbol} of {@code venue}, open and done, by order id. */
    public List<OrderView> history(String apiKey, Venue venue, String symbol) {
        return orders.get(venue).values().stream()
                .filter(o -> o.apiKey().equals(apiKey) && o.symbol().equals(symbol))
                .map(Order::view)
                .toList();
    }

    /** The account's executions on {@code symbol} of {@code venue}, by trade id. */
    public List<TradeFillView> trades(String apiKey, Venue venue, String symbol) {
        List<TradeFillView> trades = new ArrayList<>();
        for (Order order : orders.get(venue).values()) {
            if (order.apiKey().equals(apiKey) && order.symbol().equals(symbol)) {
                order.view().fills().forEach(f -> trades.add(new TradeFillView(venue, symbol, order.orderId(), order.side(), f)));
            }
        }
        // A resting order can fill after a later order did, so order ids do not sort trades.
        trades.sort(Comparator.comparingLong(TradeFillView::tradeId));
        return trades;
    }

    /** Every order of both venues, spot first. */
    public List<OrderView> all() {
        List<OrderView> all = new ArrayList<>();
        orders.values().forEach(m -> m.values().forEach(o -> all.add(o.view())));
        return all;
    }

    /** Puts an open order on its book, where later books can fill it. */
    public void rest(Order order) {
        resting.get(order.venue()).put(order.orderId(), order);
        restingCount.incrementAndGet();
    }

    /** Takes an order off its book; nothing happens for an order that does not rest. */
    public void unrest(Order order) {
        if (resting.get(order.venue()).remove(order.orderId()) != null) {
            restingCount.decrementAndGet();
        }
    }

    /** Whether any order rests on any book: read without the lock, so that a book change with none costs nothing. */
    public boolean anyResting() {
        return restingCount.get() != 0;
    }

    /** A copy of the orders resting on {@code symbol} of {@code venue}, by order id. */
    public List<Order> resting(Venue venue, String symbol) {
        List<Order> out = new ArrayList<>();
        for (Order order : resting.get(venue).values()) {
            if (order.symbol().equals(symbol)) {
                out.add(order);
            }
        }
        return out;
    }
}
