package com.novaquant.execution.sim;

import com.novaquant.events.Side;
import com.novaquant.events.Venue;
import com.novaquant.execution.application.MarginType;
import com.novaquant.execution.application.TradingVenue;
import com.novaquant.execution.application.VenueUnavailableException;
import com.novaquant.execution.domain.ExchangeTrade;
import com.novaquant.execution.domain.IncomeEntry;
import com.novaquant.execution.domain.LegOrder;
import com.novaquant.execution.domain.OrderReport;
import com.novaquant.execution.domain.OrderStatus;
import com.novaquant.execution.domain.PlacementOutcome;
import com.novaquant.execution.domain.PlacementOutcome.Rejected;
import com.novaquant.execution.domain.QueryOutcome;
import com.novaquant.execution.domain.SymbolFilters;
import com.novaquant.ids.ClientOrderId;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * An in-memory Binance spot + USD-M account behind the {@link TradingVenue} port, for a deterministic, single-threaded
 * fault simulation of the execution engine. Every random choice comes from the Random given here and time moves only
 * on the {@link SimClock} (each call's latency advances it), so one seed replays one run exactly. Answers follow
 * Binance's as {@code BinanceTradingVenue} maps them; faults come from {@link VenueFaults}.
 */
public final class SimulatedVenue implements TradingVenue {

    /** One fill as the venue booked it; the fee is the true one, also for the perp whose report carries none. */
    public record Execution(Venue venue, String symbol, ClientOrderId clientOrderId, Side side, BigDecimal qty,
                            BigDecimal price, BigDecimal fee, String feeAsset, Instant at) {
    }

    /** A perp commission, charged to the wallet but absent from the order's report (USD-M RESULT has no fills). */
    public record Commission(String symbol, ClientOrderId clientOrderId, BigDecimal amount, String asset, Instant at) {
    }

    private record Book(String baseAsset, SymbolFilters spot, SymbolFilters perp, BigDecimal bid, BigDecimal ask) {
        BigDecimal mid() {
            return bid.add(ask).divide(BigDecimal.valueOf(2));
        }
    }

    private record Stored(String symbol, OrderReport report) {
    }

    /** An order whose answer was lost and that reaches the book at {@code arrivalMs}, never after {@code expiryMs}. */
    private record Pending(LegOrder order, long arrivalMs, long expiryMs, boolean duplicateCounted) {
    }

    private static final String USDT = SimAccount.USDT;
    private final SimClock clock;
    private final Random random;
    private VenueFaults faults;
    private final SimAccount account = new SimAccount();
    private final Map<String, Book> books = new TreeMap<>();
    private final Map<Venue, Map<ClientOrderId, Stored>> orders = new EnumMap<>(Venue.class);
    private final Map<Venue, List<ClientOrderId>> sent = new EnumMap<>(Venue.class);
    private final List<Pending> pending = new ArrayList<>();
    private final List<Execution> executions = new ArrayList<>();
    private final List<Commission> commissions = new ArrayList<>();
    private final Map<Venue, ArrayDeque<Scripted>> scripted = new EnumMap<>(Venue.class);
    private Duration recvWindow = Duration.ofSeconds(5);
    private long clockOffsetMs;
    private long bannedUntilMs = Long.MIN_VALUE;
    private int symbolsPrepared;
    private long nextOrderId = 1_000_001;
    private int duplicateSends;
    private int ordersPlaced;
    private int liquidations;
    private boolean accountSettingsUnreadable;

    public SimulatedVenue(SimClock clock, Random random, VenueFaults faults) {
        this.clock = clock;
        this.random = random;
        this.faults = faults;
        for (Venue venue : Venue.values()) {
            orders.put(venue, new HashMap<>());
            sent.put(venue, new ArrayList<>());
            scripted.put(venue, new ArrayDeque<>());
        }
    }

    /** A fault chosen by a test for one coming order on a venue, instead of the random draw. */
    private record Scripted(VenueFaults.PlacementFault fault, long lateDelayMs) {
    }

    private final Map<Venue, ArrayDeque<Runnable>> beforePlace = new EnumMap<>(Venue.class);

    /**
     * Runs {@code action} when the next order on {@code venue} arrives, before anything else happens to it: a test
     * makes the world change at that moment (the database goes away, the process "crashes").
     */
    public void beforeNextPlace(Venue venue, Runnable action) {
        beforePlace.computeIfAbsent(venue, v -> new ArrayDeque<>()).add(action);
    }

    /** The next orders on {@code venue} meet these faults, in order; later ones draw as usual. */
    public void script(Venue venue, VenueFaults.PlacementFault... faults) {
        for (VenueFaults.PlacementFault fault : faults) {
            scripted.get(venue).add(new Scripted(fault, -1));
        }
    }

    /** The next order on {@code venue} gets an ambiguous answer and reaches the book {@code delayMs} later. */
    public void scriptLate(Venue venue, long delayMs) {
        scripted.get(venue).add(new Scripted(VenueFaults.PlacementFault.AMBIGUOUS_LATE, delayMs));
    }

    public void setFaults(VenueFaults faults) {
        this.faults = faults;
    }

    public void addSymbol(String symbol, String baseAsset, SymbolFilters spot, SymbolFilters perp, BigDecimal bid,
                          BigDecimal ask) {
        settle();
        books.put(symbol, new Book(baseAsset, spot, perp, bid, ask));
    }

    public void setBook(String symbol, BigDecimal bid, BigDecimal ask) {
        settle();
        Book book = book(symbol);
        books.put(symbol, new Book(book.baseAsset(), book.spot(), book.perp(), bid, ask));
    }

    /** The book's best bid and ask of a listed symbol (both venues quote the same), or null: a read of memory. */
    public BigDecimal[] top(String symbol) {
        Book book = books.get(symbol);
        return book == null ? null : new BigDecimal[]{book.bid(), book.ask()};
    }

    public void deposit(String asset, BigDecimal amount) {
        settle();
        account.addSpot(asset, amount);
    }

    public void depositFutures(BigDecimal amount) {
        settle();
        account.addWallet(amount);
    }

    public void setRecvWindow(Duration recvWindow) {
        this.recvWindow = recvWindow;
    }

    public void setClockOffsetMs(long offsetMs) {
        this.clockOffsetMs = offsetMs;
    }

    /** Every call fails until then, as during a Binance IP ban (418 / -1003). */
    public void banUntil(Instant until) {
        settle();
        bannedUntilMs = until.toEpochMilli();
    }

    /** A liquidation or auto-deleveraging: the short is bought back at the ask at once, outside any client order. */
    public void liquidateShort(String symbol) {
        settle();
        BigDecimal position = account.position(symbol);
        if (position.signum() >= 0) {
            return;
        }
        BigDecimal ask = book(symbol).ask();
        account.perpFill(symbol, position.negate(), ask, BigDecimal.ZERO);
        // Binance names the orders of its liquidation engine "autoclose-..."
        executions.add(new Execution(Venue.USDM, symbol, new ClientOrderId("autoclose-" + ++liquidations), Side.BUY,
                position.negate(),
                ask, BigDecimal.ZERO, USDT, clock.instant()));
    }

    @Override
    public PlacementOutcome place(LegOrder order) {
        Runnable hook = beforePlace.getOrDefault(order.venue(), new ArrayDeque<>()).poll();
        if (hook != null) {
            hook.run();
        }
        long sentAt = clock.millis();
        enter();
        ordersPlaced++;
        sent.get(order.venue()).add(order.clientOrderId());
        boolean duplicate = known(order);
        if (duplicate) {
            duplicateSends++;
        }
        if (banned()) {
            return SimRules.banned(bannedUntilMs);
        }
        Scripted script = scripted.get(order.venue()).poll();
        VenueFaults.PlacementFault fault = script != null ? script.fault() : faults.drawPlacementFault(random);
        return switch (fault) {
            case REJECT_RETRYABLE -> SimRules.TOO_MANY_REQUESTS;
            case REJECT_PERMANENT -> order.venue() == Venue.USDM ? SimRules.INSUFFICIENT_MARGIN
                    : SimRules.INSUFFICIENT_BALANCE;
            case AMBIGUOUS_LOST -> SimRules.TIMEOUT;
            case AMBIGUOUS_LATE -> {
                long window = recvWindow.toMillis();
                long delay = script != null && script.lateDelayMs() > 0 ? script.lateDelayMs()
                        : 1 + random.nextLong(Math.max(1, window * 8 / 10));
                pending.add(new Pending(order, sentAt + delay, sentAt + window, duplicate));
                yield SimRules.TIMEOUT;
            }
            case AMBIGUOUS_FILLED -> {
                execute(order, false, clock.instant());
                yield SimRules.TIMEOUT;
            }
            case PARTIAL_FILL -> execute(order, true, clock.instant());
            case NONE -> execute(order, false, clock.instant());
        };
    }

    @Override
    public QueryOutcome query(Venue venue, String symbol, ClientOrderId clientOrderId) {
        enter();
        if (banned()) {
            return new QueryOutcome.Failed("-1003 " + SimRules.bannedMessage(bannedUntilMs));
        }
        if (roll(faults.queryFails())) {
            return new QueryOutcome.Failed("unknown: Timeout waiting for response from backend server.");
        }
        Stored stored = orders.get(venue).get(clientOrderId);
        return stored != null && stored.symbol().equals(symbol)
                ? new QueryOutcome.Found(withoutCommission(stored.report())) : new QueryOutcome.NotFound();
    }

    /** Market orders never rest here: there is never anything left to cancel. */
    @Override
    public boolean cancel(Venue venue, String symbol, ClientOrderId clientOrderId) {
        read();
        return true;
    }

    @Override
    public SymbolFilters filters(Venue venue, String symbol) {
        read();
        return venue == Venue.SPOT ? book(symbol).spot() : book(symbol).perp();
    }

    @Override
    public long exchangeTimeMs(Venue venue) {
        settle();
        return clock.millis() + clockOffsetMs;
    }

    @Override
    public Duration recvWindow() {
        settle();
        return recvWindow;
    }

    @Override
    public Account account() {
        read();
        return new Account(account.spotBalances(), account.available(), account.wallet());
    }

    /** Answered from the symbol list the real adapter caches: no call, so no latency and no ban. */
    @Override
    public String baseAsset(String symbol) {
        settle();
        return book(symbol).baseAsset();
    }

    @Override
    public List<PerpPosition> perpPositions() {
        read();
        return account.positions(symbol -> book(symbol).mid());
    }

    @Override
    public List<String> openOrders(Venue venue, String symbol) {
        read();
        return List.of();
    }

    /** The desk simulation books no exchange records: the books run against the exchange simulator instead. */
    @Override
    public List<IncomeEntry> income(long fromMs, Long toMs) {
        read();
        return List.of();
    }

    @Override
    public List<ExchangeTrade> trades(Venue venue, String symbol, long exchangeOrderId) {
        read();
        return List.of();
    }

    @Override
    public BigDecimal spotPrice(String symbol) {
        read();
        return book(symbol).mid();
    }

    @Override
    public PerpMark perpMark(String symbol) {
        read();
        return new PerpMark(symbol, book(symbol).mid(), Long.MAX_VALUE);
    }

    @Override
    public MarginAccount marginAccount() {
        read();
        return new MarginAccount(account.maintMargin(symbol -> book(symbol).mid()), account.wallet());
    }

    /**
     * Answered from memory, without latency, faults or bans: the seeded runs draw nothing for it (a desk checks its
     * account when it starts). {@link #failAccountSettingsReads} makes it fail.
     */
    @Override
    public AccountSettings accountSettings() {
        settle();
        if (accountSettingsUnreadable) {
            throw new VenueUnavailableException("-1007 Timeout waiting for response from backend server.");
        }
        return account.settings();
    }

    /** Like {@link #accountSettings}: from memory, no latency, no faults. An unknown symbol is no answer. */
    @Override
    public SymbolSettings prepareSymbol(String symbol, int leverage, MarginType marginType) {
        settle();
        if (accountSettingsUnreadable) {
            throw new VenueUnavailableException("-1007 Timeout waiting for response from backend server.");
        }
        book(symbol);
        symbolsPrepared++;
        return account.prepare(symbol, leverage, marginType);
    }

    /** How many times a symbol's leverage and margin type were set. */
    public int symbolsPrepared() {
        return symbolsPrepared;
    }

    /** Hedge Mode: every perp order without a LONG/SHORT side (all of the desk's) is refused with -4061. */
    public void setHedgeMode(boolean hedgeMode) {
        account.setHedgeMode(hedgeMode);
    }

    public void setMultiAssetsMode(boolean multiAssetsMode) {
        account.setMultiAssetsMode(multiAssetsMode);
    }

    /** Account settings reads and symbol preparation get no answer until told otherwise. */
    public void failAccountSettingsReads(boolean fail) {
        accountSettingsUnreadable = fail;
    }

    /** A symbol's leverage and margin type as last set, or null when never set. */
    public SymbolSettings symbolSettings(String symbol) {
        return account.symbolSettings(symbol);
    }

    public BigDecimal spotHolding(String asset) {
        settle();
        return account.spot(asset);
    }

    /** Signed: negative for a short. */
    public BigDecimal perpPosition(String symbol) {
        settle();
        return account.position(symbol);
    }

    public BigDecimal futuresWallet() {
        settle();
        return account.wallet();
    }

    public List<Execution> executions() {
        settle();
        return List.copyOf(executions);
    }

    public List<Commission> commissions() {
        settle();
        return List.copyOf(commissions);
    }

    /** How many times an order was sent with a client id that venue had already accepted: a correct engine makes 0. */
    public int duplicateSends() {
        settle();
        return duplicateSends;
    }

    /** Every client id sent to that venue, in order of sending, repeats included. */
    public List<ClientOrderId> sentIds(Venue venue) {
        return List.copyOf(sent.get(venue));
    }

    /** Calls of {@link #place}, whatever their outcome. */
    public int ordersPlaced() {
        return ordersPlaced;
    }

    /** Late orders still on their way to the book. */
    public int pendingArrivals() {
        settle();
        return pending.size();
    }

    /** A call over the network: it takes latency, lets due late orders land, and may liquidate a short or ban. */
    private Runnable networkObserver = () -> { };

    /** Told of every call that would cross the network (place, query, reads). */
    public void observeNetworkCalls(Runnable observer) {
        this.networkObserver = observer;
    }

    private void enter() {
        networkObserver.run();
        if (faults.maxLatencyMs() > 0) {
            clock.advanceMillis(1 + random.nextLong(faults.maxLatencyMs()));
        }
        settle();
        if (roll(faults.vanishShort())) {
            List<String> shorts = account.openSymbols().stream().filter(s -> account.position(s).signum() < 0).toList();
            if (!shorts.isEmpty()) {
                liquidateShort(shorts.get(random.nextInt(shorts.size())));
            }
        }
        if (roll(faults.ban())) {
            long until = clock.millis() + 1_000 + random.nextLong(faults.maxBanMs() - 999);
            bannedUntilMs = Math.max(bannedUntilMs, until);
        }
    }

    /** A read: during a ban it throws, as the real adapter does when its call fails. */
    private void read() {
        enter();
        if (banned()) {
            throw new VenueUnavailableException("-1003 " + SimRules.bannedMessage(bannedUntilMs));
        }
    }

    /** Lands every late order whose arrival time has passed, earliest first, at its arrival instant. */
    private void settle() {
        long now = clock.millis();
        while (true) {
            Pending next = pending.stream().filter(p -> p.arrivalMs() <= now)
                    .min(Comparator.comparingLong(Pending::arrivalMs)).orElse(null);
            if (next == null) {
                return;
            }
            pending.remove(next);
            if (next.arrivalMs() > next.expiryMs()) {
                continue; // older than its recvWindow: Binance refuses it
            }
            if (known(next.order()) && !next.duplicateCounted()) {
                duplicateSends++;
            }
            execute(next.order(), false, Instant.ofEpochMilli(next.arrivalMs()));
        }
    }

    /** Validates as Binance does, then fills at the touch (all, or a whole number of steps below the quantity). */
    private PlacementOutcome execute(LegOrder order, boolean partial, Instant at) {
        Book book = books.get(order.symbol());
        if (book == null) {
            return SimRules.INVALID_SYMBOL;
        }
        boolean perp = order.venue() == Venue.USDM;
        if (known(order)) {
            return SimRules.duplicate(order.venue());
        }
        if (perp && account.hedgeMode()) {
            return SimRules.POSITION_SIDE_NOT_MATCH;
        }
        SymbolFilters filters = perp ? book.perp() : book.spot();
        Rejected refused = SimRules.filterFailure(order, filters, book.mid());
        if (refused != null) {
            return refused;
        }
        BigDecimal qty = order.quantity();
        BigDecimal price = order.side() == Side.BUY ? book.ask() : book.bid();
        if (perp && order.reduceOnly()) {
            BigDecimal position = account.position(order.symbol());
            int direction = order.side() == Side.BUY ? 1 : -1;
            if (position.signum() == 0 || position.signum() == direction) {
                return SimRules.REDUCE_ONLY;
            }
            qty = qty.min(position.abs()); // reduce-only never flips the position
        }
        if (perp ? !account.canAffordPerp(order.symbol(), order.side(), qty, price)
                : !account.canAffordSpot(book.baseAsset(), order.side(), qty, price)) {
            return perp ? SimRules.INSUFFICIENT_MARGIN : SimRules.INSUFFICIENT_BALANCE;
        }
        BigDecimal executed = qty;
        if (partial) {
            long steps = qty.divide(filters.stepSize(), 0, RoundingMode.DOWN).longValueExact();
            executed = filters.stepSize().multiply(BigDecimal.valueOf(random.nextLong(Math.max(1, steps))));
        }
        BigDecimal fee = BigDecimal.ZERO;
        String feeAsset = "";
        if (executed.signum() > 0) {
            BigDecimal trueFee = perp ? account.fillPerp(order.symbol(), order.side(), executed, price)
                    : account.fillSpot(book.baseAsset(), order.side(), executed, price);
            if (perp) {
                commissions.add(new Commission(order.symbol(), order.clientOrderId(), trueFee, USDT, at));
            }
            String trueAsset = perp || order.side() == Side.SELL ? USDT : book.baseAsset();
            executions.add(new Execution(order.venue(), order.symbol(), order.clientOrderId(), order.side(), executed,
                    price, trueFee, trueAsset, at));
            fee = perp ? BigDecimal.ZERO : trueFee;
            feeAsset = perp ? "" : trueAsset;
        }
        OrderStatus status = executed.compareTo(qty) == 0 ? OrderStatus.FILLED : OrderStatus.EXPIRED;
        OrderReport report = new OrderReport(order.clientOrderId(), nextOrderId++, status, executed,
                executed.signum() > 0 ? price : BigDecimal.ZERO, fee, feeAsset);
        orders.get(order.venue()).put(order.clientOrderId(), new Stored(order.symbol(), report));
        return new PlacementOutcome.Accepted(report);
    }

    /** Binance's order query carries no commission: what a fill learned by query cannot show. */
    private static OrderReport withoutCommission(OrderReport r) {
        return new OrderReport(r.clientOrderId(), r.exchangeOrderId(), r.status(), r.executedQty(), r.avgPrice(),
                BigDecimal.ZERO, "");
    }

    private boolean roll(double p) {
        return p > 0 && random.nextDouble() < p;
    }

    private boolean known(LegOrder order) {
        return orders.get(order.venue()).containsKey(order.clientOrderId());
    }

    private boolean banned() {
        return clock.millis() < bannedUntilMs;
    }

    /** An unknown symbol is an unanswerable read, as when the real adapter cannot find it in exchangeInfo. */
    private Book book(String symbol) {
        Book book = books.get(symbol);
        if (book == null) {
            throw new VenueUnavailableException("unknown symbol " + symbol);
        }
        return book;
    }
}
