package com.novaquant.simulator.application;

import com.novaquant.simulator.domain.accounts.BnbBurn;
import com.novaquant.simulator.domain.accounts.FuturesAccount;
import com.novaquant.simulator.domain.accounts.IncomeRecord;
import com.novaquant.simulator.domain.accounts.MarginType;
import com.novaquant.simulator.domain.accounts.PaperAccount;
import com.novaquant.simulator.domain.accounts.Position;
import com.novaquant.simulator.domain.accounts.SpotAccount;
import com.novaquant.simulator.domain.clock.SimulationClock;
import com.novaquant.simulator.domain.market.Book;
import com.novaquant.simulator.domain.market.Instrument;
import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.market.PriceLevel;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.matching.BookMatcher;
import com.novaquant.simulator.domain.matching.Fill;
import com.novaquant.simulator.domain.matching.OrderType;
import com.novaquant.simulator.domain.matching.Side;
import com.novaquant.simulator.domain.matching.TimeInForce;
import com.novaquant.simulator.domain.orders.FeeSchedule;
import com.novaquant.simulator.domain.orders.Order;
import com.novaquant.simulator.domain.orders.OrderFilters;
import com.novaquant.simulator.domain.orders.OrderRequest;
import com.novaquant.simulator.domain.orders.OrderStatus;
import com.novaquant.simulator.domain.orders.OrderView;
import com.novaquant.simulator.domain.orders.RejectedException;
import com.novaquant.simulator.domain.orders.Rejection;
import com.novaquant.simulator.domain.orders.TradeFillView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The matching engine and ledger of both venues: places, queries and cancels orders, fills resting
 * orders as the books move, and settles funding. Every mutation runs under one lock, so balances,
 * positions and orders stay consistent with each other; the books it matches against are immutable
 * snapshots published by the market source.
 */
public final class Exchange {

    private static final String SPOT_RANDOM_ID_PREFIX = "web_";
    private static final int QUOTE_SCALE = 8;

    private final Markets markets;
    private final Map<String, PaperAccount> accounts;
    private final FeeSchedule fees;
    private final BnbBurn bnbBurn;
    private final SimulationClock clock;
    private final FuturesUserEvents userEvents;
    private final FundingHistory fundingHistory;
    private final Map<String, BookMatcher> matchers = new HashMap<>();
    private final Map<Venue, Map<Long, Order>> orders = Map.of(Venue.SPOT, new LinkedHashMap<>(), Venue.USDM, new LinkedHashMap<>());
    /** Open GTC LIMIT orders, the only ones a book change can fill; read without the lock to skip idle ticks. */
    private final Map<Venue, Map<Long, Order>> resting = Map.of(Venue.SPOT, new LinkedHashMap<>(), Venue.USDM, new LinkedHashMap<>());
    private final java.util.concurrent.atomic.AtomicInteger restingCount = new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicLong spotOrderIds = new AtomicLong(40_000_000);
    private final AtomicLong futuresOrderIds = new AtomicLong(770_000_000_000L);
    private final AtomicLong tradeIds = new AtomicLong(9_000);
    private final AtomicLong tranIds = new AtomicLong(5_550_000_000L);

    public Exchange(Markets markets, Collection<PaperAccount> accounts, FeeSchedule fees, SimulationClock clock,
                    FuturesUserEvents userEvents, FundingHistory fundingHistory) {
        this(markets, accounts, fees, BnbBurn.OFF, clock, userEvents, fundingHistory);
    }

    public Exchange(Markets markets, Collection<PaperAccount> accounts, FeeSchedule fees, BnbBurn bnbBurn,
                    SimulationClock clock, FuturesUserEvents userEvents, FundingHistory fundingHistory) {
        this.markets = markets;
        this.accounts = new LinkedHashMap<>();
        accounts.forEach(a -> this.accounts.put(a.apiKey(), a));
        this.fees = fees;
        this.bnbBurn = bnbBurn;
        this.clock = clock;
        this.userEvents = userEvents;
        this.fundingHistory = fundingHistory;
    }

    public Optional<PaperAccount> account(String apiKey) {
        return Optional.ofNullable(apiKey == null ? null : accounts.get(apiKey));
    }

    public Collection<PaperAccount> accounts() {
        return accounts.values();
    }

    /** The BNB burn setting, whose BNB price is also what the simulator quotes for BNBUSDT. */
    public BnbBurn bnbBurn() {
        return bnbBurn;
    }

    public Markets markets() {
        return markets;
    }

    public FeeSchedule fees() {
        return fees;
    }

    /**
     * Validates, places and matches an order. {@code fillRatio} below 1 caps the fill (a fault that
     * simulates thin liquidity). Throws {@link RejectedException} when refused; nothing is placed then.
     */
    public synchronized PlacedOrder place(String apiKey, OrderRequest request, BigDecimal fillRatio) {
        PaperAccount account = requireAccount(apiKey);
        SymbolMarket market = requireMarket(request.symbol());
        Venue venue = request.venue();
        String clientOrderId = request.clientOrderId() != null ? request.clientOrderId() : generatedClientId(venue);
        rejectDuplicate(apiKey, venue, clientOrderId);
        Book book = market.book(venue);
        if (book.isEmpty()) {
            throw new RejectedException(venue == Venue.SPOT ? -2010 : -1008,
                    venue == Venue.SPOT ? "Market is closed." : "Server is currently overloaded with other requests. Please try again in a few minutes.");
        }
        return venue == Venue.SPOT
                ? placeSpot(account, market, book, request, clientOrderId, fillRatio)
                : placeFutures(account, market, book, request, clientOrderId, fillRatio);
    }

    public synchronized OrderView query(String apiKey, Venue venue, String symbol, Long orderId, String origClientOrderId) {
        requireMarket(symbol);
        return find(apiKey, venue, symbol, orderId, origClientOrderId)
                .orElseThrow(() -> new RejectedException(-2013, "Order does not exist."))
                .view();
    }

    public synchronized OrderView cancel(String apiKey, Venue venue, String symbol, Long orderId, String origClientOrderId) {
        requireMarket(symbol);
        Order order = find(apiKey, venue, symbol, orderId, origClientOrderId)
                .filter(o -> o.status().isOpen())
                .orElseThrow(() -> new RejectedException(-2011, "Unknown order sent."));
        long now = clock.wallMillis();
        releaseRemainder(accounts.get(apiKey), order);
        order.finish(OrderStatus.CANCELED, now);
        unrest(order);
        if (venue == Venue.USDM) {
            userEvents.orderUpdate(apiKey, order.view(), "CANCELED", null, BigDecimal.ZERO, now);
        }
        return order.view();
    }

    public synchronized List<OrderView> openOrders(String apiKey, Venue venue, String symbol) {
        if (symbol != null) {
            requireMarket(symbol);
        }
        return orders.get(venue).values().stream()
                .filter(o -> o.apiKey().equals(apiKey) && o.status().isOpen())
                .filter(o -> symbol == null || o.symbol().equals(symbol))
                .map(Order::view)
                .toList();
    }

    /** The account's orders on {@code symbol} of {@code venue}, open and done, by order id. */
    public synchronized List<OrderView> orderHistory(String apiKey, Venue venue, String symbol) {
        requireMarket(symbol);
        return orders.get(venue).values().stream()
                .filter(o -> o.apiKey().equals(apiKey) && o.symbol().equals(symbol))
                .map(Order::view)
                .toList();
    }

    /** The account's executions on {@code symbol} of {@code venue}, by trade id. */
    public synchronized List<TradeFillView> trades(String apiKey, Venue venue, String symbol) {
        requireMarket(symbol);
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

    /** Every order of both venues, for the admin API. */
    public synchronized List<OrderView> allOrders() {
        List<OrderView> all = new ArrayList<>();
        orders.values().forEach(m -> m.values().forEach(o -> all.add(o.view())));
        return all;
    }

    public synchronized int setLeverage(String apiKey, String symbol, int leverage) {
        requireMarket(symbol);
        if (leverage < 1 || leverage > 125) {
            throw new RejectedException(-4028, "Leverage " + leverage + " is not valid");
        }
        requireAccount(apiKey).futures().setLeverage(symbol, leverage);
        return leverage;
    }

    /** The account's USD-M position mode: true is Hedge Mode. */
    public synchronized boolean dualSidePosition(String apiKey) {
        return requireAccount(apiKey).futures().modes().dualSidePosition();
    }

    public synchronized void changePositionMode(String apiKey, boolean dualSidePosition) {
        FuturesAccount futures = requireAccount(apiKey).futures();
        futures.modes().changePositionMode(dualSidePosition, futures.anyPosition(), hasOpenFuturesOrder(apiKey, null));
    }

    /** The account's USD-M asset mode: true is Multi-Assets Mode. */
    public synchronized boolean multiAssetsMargin(String apiKey) {
        return requireAccount(apiKey).futures().modes().multiAssetsMargin();
    }

    public synchronized void changeAssetMode(String apiKey, boolean multiAssetsMargin) {
        requireAccount(apiKey).futures().modes().changeAssetMode(multiAssetsMargin, hasOpenFuturesOrder(apiKey, null));
    }

    public synchronized void changeMarginType(String apiKey, String symbol, MarginType type) {
        requireMarket(symbol);
        FuturesAccount futures = requireAccount(apiKey).futures();
        futures.modes().changeMarginType(symbol, type, futures.position(symbol).amount().signum() != 0,
                hasOpenFuturesOrder(apiKey, symbol));
    }

    /** Why a USD-M order's {@code positionSide} does not fit the account's position mode, if it does not. */
    public synchronized Optional<Rejection> positionSideProblem(String apiKey, String positionSide) {
        return requireAccount(apiKey).futures().modes().positionSideProblem(positionSide);
    }

    private boolean hasOpenFuturesOrder(String apiKey, String symbol) {
        return orders.get(Venue.USDM).values().stream().anyMatch(o -> o.apiKey().equals(apiKey)
                && o.status().isOpen() && (symbol == null || o.symbol().equals(symbol)));
    }

    /** A consistent copy of an account's futures state, valued at the current mark prices. */
    public synchronized FuturesSnapshot futuresSnapshot(String apiKey) {
        FuturesAccount futures = requireAccount(apiKey).futures();
        List<FuturesSnapshot.PositionLine> lines = new ArrayList<>();
        for (SymbolMarket market : markets.all()) {
            String symbol = market.instrument().symbol();
            Position position = futures.position(symbol);
            BigDecimal mark = market.markPrice();
            lines.add(new FuturesSnapshot.PositionLine(position, mark, position.unrealisedPnl(mark),
                    futures.initialMargin(symbol, position.notional(mark).abs()), futures.leverage(symbol),
                    futures.modes().marginType(symbol)));
        }
        BigDecimal unrealised = futures.unrealisedPnl(this::markPrice);
        BigDecimal positionMargin = futures.positionInitialMargin(this::markPrice);
        BigDecimal orderMargin = openOrderMargin(apiKey);
        BigDecimal available = futures.wallet().add(unrealised).subtract(positionMargin).subtract(orderMargin);
        return new FuturesSnapshot(futures.wallet(), unrealised, positionMargin, orderMargin, available, lines,
                futures.modes().multiAssetsMargin());
    }

    public synchronized List<IncomeRecord> income(String apiKey) {
        return requireAccount(apiKey).futures().income();
    }

    /** A consistent copy of an account's spot balances. */
    public synchronized SpotAccount spotAccount(String apiKey) {
        return requireAccount(apiKey).spot();
    }

    public synchronized List<com.novaquant.simulator.domain.accounts.AssetBalance> spotBalances(String apiKey) {
        return requireAccount(apiKey).spot().balances();
    }

    /** Fills resting orders that the new book of {@code symbol} on {@code venue} reaches, as makers. */
    public void onBook(String symbol, Venue venue) {
        if (restingCount.get() == 0) {
            return;
        }
        synchronized (this) {
            Map<Long, Order> venueOrders = resting.get(venue);
            SymbolMarket market = markets.find(symbol).orElse(null);
            if (venueOrders.isEmpty() || market == null) {
                return;
            }
            Book book = market.book(venue);
            for (Order order : List.copyOf(venueOrders.values())) {
                if (!order.symbol().equals(symbol) || !BookMatcher.reachesRestingOrder(book, order.side(), order.price())) {
                    continue;
                }
                BigDecimal qty = BookMatcher.liquidityAgainst(book, order.side(), order.price()).min(order.remainingQty());
                if (qty.signum() > 0) {
                    applyFills(accounts.get(order.apiKey()), market, order, List.of(new Fill(order.price(), qty, true)));
                }
                if (!order.status().isOpen()) {
                    unrest(order);
                }
            }
        }
    }

    private void rest(Order order) {
        resting.get(order.venue()).put(order.orderId(), order);
        restingCount.incrementAndGet();
    }

    private void unrest(Order order) {
        if (resting.get(order.venue()).remove(order.orderId()) != null) {
            restingCount.decrementAndGet();
        }
    }

    /**
     * Settles funding of {@code symbol} at {@code rate}: every open position pays or receives
     * position notional × mark × rate (longs pay shorts when the rate is positive).
     */
    public synchronized void settleFunding(String symbol, BigDecimal rate) {
        SymbolMarket market = requireMarket(symbol);
        BigDecimal mark = market.markPrice();
        long now = clock.wallMillis();
        fundingHistory.record(new FundingHistory.Entry(symbol, rate, now, mark));
        for (PaperAccount account : accounts.values()) {
            FuturesAccount futures = account.futures();
            Position position = futures.position(symbol);
            if (position.amount().signum() == 0) {
                continue;
            }
            BigDecimal payment = position.notional(mark).multiply(rate).negate().setScale(QUOTE_SCALE, RoundingMode.HALF_EVEN);
            futures.addToWallet(payment);
            futures.addIncome(new IncomeRecord(symbol, "FUNDING_FEE", payment, FuturesAccount.ASSET, now,
                    tranIds.incrementAndGet(), ""));
            userEvents.accountUpdate(account.apiKey(), "FUNDING_FEE", futures.wallet(), payment, List.of(),
                    BigDecimal.ZERO, now);
        }
    }

    private PlacedOrder placeSpot(PaperAccount account, SymbolMarket market, Book book, OrderRequest request,
                                  String clientOrderId, BigDecimal fillRatio) {
        Instrument instrument = market.instrument();
        BookMatcher matcher = matcher(Venue.SPOT, instrument.symbol());
        BigDecimal reference = mid(book);
        BigDecimal qty = request.quantity();
        if (qty == null) {
            qty = qtyForQuote(book, request.side(), request.quoteOrderQty(), instrument.spot().stepSize());
        }
        OrderFilters.checkSpot(instrument.spot(), request.type(), qty, request.price(), reference);
        SpotAccount spot = account.spot();
        String base = instrument.baseAsset();
        String quote = instrument.quoteAsset();
        boolean limit = request.type() == OrderType.LIMIT;
        if (request.side() == Side.BUY) {
            BigDecimal cost = limit ? request.price().multiply(qty) : matcher.costToTake(book, Side.BUY, qty);
            if (!spot.canSpend(quote, cost)) {
                throw new RejectedException(-2010, "Account has insufficient balance for requested action.");
            }
            if (limit) {
                spot.lock(quote, cost);
            }
        } else {
            if (!spot.canSpend(base, qty)) {
                throw new RejectedException(-2010, "Account has insufficient balance for requested action.");
            }
            if (limit) {
                spot.lock(base, qty);
            }
        }
        Order order = newOrder(Venue.SPOT, account, request, clientOrderId, qty);
        takeLiquidity(account, market, matcher, book, order, request, fillRatio);
        return new PlacedOrder(order.view());
    }

    private PlacedOrder placeFutures(PaperAccount account, SymbolMarket market, Book book, OrderRequest request,
                                     String clientOrderId, BigDecimal fillRatio) {
        Instrument instrument = market.instrument();
        BigDecimal qty = request.quantity();
        OrderFilters.checkFutures(instrument.futures(), qty, request.price(), market.markPrice(),
                request.reduceOnly(), request.type());
        FuturesAccount futures = account.futures();
        Position position = futures.position(instrument.symbol());
        int direction = request.side().sign();
        if (request.reduceOnly() && (position.amount().signum() == 0 || position.amount().signum() == direction)) {
            throw new RejectedException(-2022, "ReduceOnly Order is rejected.");
        }
        BigDecimal increasing = position.amount().signum() == -direction
                ? qty.subtract(position.amount().abs()).max(BigDecimal.ZERO) : qty;
        if (increasing.signum() > 0) {
            BigDecimal price = request.price() != null ? request.price()
                    : (request.side() == Side.BUY ? book.bestAsk().price() : book.bestBid().price());
            BigDecimal notional = increasing.multiply(price);
            BigDecimal required = futures.initialMargin(instrument.symbol(), notional)
                    .add(notional.multiply(fees.futuresTaker()));
            BigDecimal available = futures.wallet().add(futures.unrealisedPnl(this::markPrice))
                    .subtract(futures.positionInitialMargin(this::markPrice))
                    .subtract(openOrderMargin(account.apiKey()));
            if (required.compareTo(available) > 0) {
                throw new RejectedException(-2019, "Margin is insufficient.");
            }
        }
        BookMatcher matcher = matcher(Venue.USDM, instrument.symbol());
        if (request.type() == OrderType.LIMIT && request.timeInForce() == TimeInForce.FOK
                && matcher.available(book, request.side(), request.price()).compareTo(qty) < 0) {
            throw new RejectedException(-5021, "Due to the order could not be filled immediately, the FOK order has been rejected. The order will not be recorded in the order history");
        }
        Order order = newOrder(Venue.USDM, account, request, clientOrderId, qty);
        userEvents.orderUpdate(account.apiKey(), order.view(), "NEW", null, BigDecimal.ZERO, clock.wallMillis());
        takeLiquidity(account, market, matcher, book, order, request, fillRatio);
        return new PlacedOrder(order.view());
    }

    private void takeLiquidity(PaperAccount account, SymbolMarket market, BookMatcher matcher, Book book,
                               Order order, OrderRequest request, BigDecimal fillRatio) {
        BigDecimal limit = request.type() == OrderType.LIMIT ? request.price() : null;
        BigDecimal wanted = order.origQty();
        if (fillRatio != null && fillRatio.compareTo(BigDecimal.ONE) < 0) {
            BigDecimal step = market.instrument().rules(order.venue()).stepSize();
            wanted = wanted.multiply(fillRatio).divide(step, 0, RoundingMode.DOWN).multiply(step);
        }
        boolean fok = request.type() == OrderType.LIMIT && order.timeInForce() == TimeInForce.FOK;
        List<Fill> fills = List.of();
        if (!fok || matcher.available(book, order.side(), limit).compareTo(wanted) >= 0) {
            fills = wanted.signum() > 0 ? matcher.take(book, order.side(), wanted, limit) : List.of();
        }
        applyFills(account, market, order, fills);
        boolean rests = request.type() == OrderType.LIMIT && order.timeInForce() == TimeInForce.GTC;
        if (order.status().isOpen() && !rests) {
            long now = clock.wallMillis();
            releaseRemainder(account, order);
            order.finish(OrderStatus.EXPIRED, now);
            if (order.venue() == Venue.USDM) {
                userEvents.orderUpdate(account.apiKey(), order.view(), "EXPIRED", null, BigDecimal.ZERO, now);
            }
        } else if (order.status().isOpen()) {
            rest(order);
        }
    }

    private void applyFills(PaperAccount account, SymbolMarket market, Order order, List<Fill> fills) {
        if (fills.isEmpty()) {
            return;
        }
        long now = clock.wallMillis();
        Instrument instrument = market.instrument();
        if (order.venue() == Venue.SPOT) {
            for (Fill fill : fills) {
                applySpotFill(account.spot(), instrument, order, fill, now);
            }
            return;
        }
        FuturesAccount futures = account.futures();
        BigDecimal walletBefore = futures.wallet();
        for (Fill fill : fills) {
            BigDecimal commission = fill.quote().multiply(fees.rate(Venue.USDM, fill.maker())).setScale(QUOTE_SCALE, RoundingMode.HALF_UP);
            Position.Applied applied = futures.position(instrument.symbol())
                    .apply(fill.qty().multiply(BigDecimal.valueOf(order.side().sign())), fill.price());
            futures.setPosition(applied.position());
            futures.addToWallet(applied.realisedPnl().subtract(commission));
            long tradeId = tradeIds.incrementAndGet();
            order.addFill(fill, tradeId, commission, FuturesAccount.ASSET, applied.realisedPnl(), now);
            futures.addIncome(new IncomeRecord(instrument.symbol(), "COMMISSION", commission.negate(), FuturesAccount.ASSET,
                    now, tranIds.incrementAndGet(), String.valueOf(tradeId)));
            if (applied.realisedPnl().signum() != 0) {
                futures.addIncome(new IncomeRecord(instrument.symbol(), "REALIZED_PNL", applied.realisedPnl(),
                        FuturesAccount.ASSET, now, tranIds.incrementAndGet(), String.valueOf(tradeId)));
            }
            userEvents.orderUpdate(account.apiKey(), order.view(), "TRADE", order.view().fills().getLast(),
                    applied.realisedPnl(), now);
        }
        Position position = futures.position(instrument.symbol());
        userEvents.accountUpdate(account.apiKey(), "ORDER", futures.wallet(), futures.wallet().subtract(walletBefore),
                List.of(position), position.unrealisedPnl(market.markPrice()), now);
    }

    private void applySpotFill(SpotAccount spot, Instrument instrument, Order order, Fill fill, long now) {
        String base = instrument.baseAsset();
        String quote = instrument.quoteAsset();
        boolean buy = order.side() == Side.BUY;
        if (order.type() == OrderType.LIMIT && buy) {
            BigDecimal reserved = order.price().multiply(fill.qty());
            spot.spendLocked(quote, reserved);
            spot.credit(quote, reserved.subtract(fill.quote()));
        } else if (buy) {
            spot.spendFree(quote, fill.quote());
        } else if (order.type() == OrderType.LIMIT) {
            spot.spendLocked(base, fill.qty());
        } else {
            spot.spendFree(base, fill.qty());
        }
        // Asked between the debit and the credit: neither BNB being sold nor BNB being bought pays the commission.
        BigDecimal rate = fees.rate(Venue.SPOT, fill.maker());
        Optional<BigDecimal> inBnb = bnbBurn.commission(spot, quote, fill.quote().multiply(rate));
        String received = buy ? base : quote;
        BigDecimal receivedAmount = buy ? fill.qty() : fill.quote();
        BigDecimal commission;
        String commissionAsset;
        if (inBnb.isPresent()) {
            commission = inBnb.get();
            commissionAsset = BnbBurn.ASSET;
            spot.spendFree(BnbBurn.ASSET, commission);
            spot.credit(received, receivedAmount);
        } else {
            // Commission is charged in the asset received.
            commission = receivedAmount.multiply(rate).setScale(QUOTE_SCALE, RoundingMode.HALF_UP);
            commissionAsset = received;
            spot.credit(received, receivedAmount.subtract(commission));
        }
        order.addFill(fill, tradeIds.incrementAndGet(), commission, commissionAsset, BigDecimal.ZERO, now);
    }

    /** Gives back what an open order still holds: locked spot balance (futures margin is computed live). */
    private void releaseRemainder(PaperAccount account, Order order) {
        if (order.venue() != Venue.SPOT || order.type() != OrderType.LIMIT) {
            return;
        }
        Instrument instrument = requireMarket(order.symbol()).instrument();
        BigDecimal remaining = order.remainingQty();
        if (order.side() == Side.BUY) {
            account.spot().unlock(instrument.quoteAsset(), order.price().multiply(remaining));
        } else {
            account.spot().unlock(instrument.baseAsset(), remaining);
        }
    }

    private BigDecimal openOrderMargin(String apiKey) {
        BigDecimal total = BigDecimal.ZERO;
        FuturesAccount futures = accounts.get(apiKey).futures();
        for (Order order : orders.get(Venue.USDM).values()) {
            if (order.apiKey().equals(apiKey) && order.status().isOpen()) {
                total = total.add(futures.initialMargin(order.symbol(), order.remainingQty().multiply(order.price())));
            }
        }
        return total;
    }

    private Order newOrder(Venue venue, PaperAccount account, OrderRequest request, String clientOrderId, BigDecimal qty) {
        long id = venue == Venue.SPOT ? spotOrderIds.incrementAndGet() : futuresOrderIds.incrementAndGet();
        Order order = new Order(venue, id, clientOrderId, account.apiKey(), request, qty, clock.wallMillis());
        orders.get(venue).put(id, order);
        return order;
    }

    private Optional<Order> find(String apiKey, Venue venue, String symbol, Long orderId, String origClientOrderId) {
        if (orderId == null && origClientOrderId == null) {
            throw new RejectedException(-1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        }
        Map<Long, Order> venueOrders = orders.get(venue);
        if (orderId != null) {
            Order order = venueOrders.get(orderId);
            if (order == null || !order.apiKey().equals(apiKey) || !order.symbol().equals(symbol)
                    || (origClientOrderId != null && !origClientOrderId.equals(order.clientOrderId()))) {
                return Optional.empty();
            }
            return Optional.of(order);
        }
        // The latest order with that client id: ids can be reused once the earlier order is done.
        Order found = null;
        for (Order order : venueOrders.values()) {
            if (order.apiKey().equals(apiKey) && order.symbol().equals(symbol) && order.clientOrderId().equals(origClientOrderId)) {
                found = order;
            }
        }
        return Optional.ofNullable(found);
    }

    private void rejectDuplicate(String apiKey, Venue venue, String clientOrderId) {
        for (Order order : orders.get(venue).values()) {
            if (order.status().isOpen() && order.apiKey().equals(apiKey) && order.clientOrderId().equals(clientOrderId)) {
                throw venue == Venue.SPOT
                        ? new RejectedException(-2010, "Duplicate order sent.")
                        : new RejectedException(-4116, "ClientOrderId is duplicated.");
            }
        }
    }

    private String generatedClientId(Venue venue) {
        long n = venue == Venue.SPOT ? spotOrderIds.get() + 1 : futuresOrderIds.get() + 1;
        return SPOT_RANDOM_ID_PREFIX + Long.toString(n * 2654435761L & 0xFFFFFFFFFFL, 36) + Long.toString(n, 36);
    }

    private BookMatcher matcher(Venue venue, String symbol) {
        return matchers.computeIfAbsent(venue + ":" + symbol, k -> new BookMatcher());
    }

    private BigDecimal markPrice(String symbol) {
        return markets.find(symbol).map(SymbolMarket::markPrice).orElse(BigDecimal.ZERO);
    }

    private static BigDecimal mid(Book book) {
        return book.bestBid().price().add(book.bestAsk().price()).divide(BigDecimal.TWO, 8, RoundingMode.HALF_EVEN);
    }

    /** The base quantity that {@code quote} buys (or must sell to raise it), walking the book, rounded down to the step. */
    private static BigDecimal qtyForQuote(Book book, Side side, BigDecimal quote, BigDecimal step) {
        if (quote == null || quote.signum() <= 0) {
            throw new RejectedException(-1102, "Mandatory parameter 'quantity' was not sent, was empty/null, or malformed.");
        }
        BigDecimal remainingQuote = quote;
        BigDecimal qty = BigDecimal.ZERO;
        for (PriceLevel level : side == Side.BUY ? book.asks() : book.bids()) {
            BigDecimal levelQuote = level.qty().multiply(level.price());
            if (levelQuote.compareTo(remainingQuote) >= 0) {
                qty = qty.add(remainingQuote.divide(level.price(), 12, RoundingMode.DOWN));
                remainingQuote = BigDecimal.ZERO;
                break;
            }
            qty = qty.add(level.qty());
            remainingQuote = remainingQuote.subtract(levelQuote);
        }
        return qty.divide(step, 0, RoundingMode.DOWN).multiply(step);
    }

    private PaperAccount requireAccount(String apiKey) {
        PaperAccount account = accounts.get(apiKey);
        if (account == null) {
            throw new RejectedException(-2015, "Invalid API-key, IP, or permissions for action.");
        }
        return account;
    }

    private SymbolMarket requireMarket(String symbol) {
        return markets.find(symbol).orElseThrow(() -> new RejectedException(-1121, "Invalid symbol."));
    }
}
