package com.novaquant.execution.sim;

import com.novaquant.events.KillSwitchState;
import com.novaquant.events.Side;
import com.novaquant.events.Signal;
import com.novaquant.events.Venue;
import com.novaquant.execution.application.Ledger;
import com.novaquant.execution.application.OrderRecord;
import com.novaquant.execution.application.PairRecord;
import com.novaquant.execution.application.TradingVenue;
import com.novaquant.execution.domain.LegPosition;
import com.novaquant.execution.domain.OrderReport;
import com.novaquant.execution.domain.OrderStatus;
import com.novaquant.execution.domain.PairState;
import com.novaquant.execution.domain.PnlSummary;
import com.novaquant.ids.ClientOrderId;
import com.novaquant.ids.PairId;
import com.novaquant.ids.SignalId;
import org.springframework.dao.DataAccessResourceFailureException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The ledger in memory, for the deterministic simulation and for unit tests that cannot afford PostgreSQL. It follows
 * {@code JdbcLedger} statement by statement, with what the schema adds: numeric(38,18) rounding, the quantities the
 * row mappers strip, microsecond timestamps, the order key and its foreign key to pairs, one active pair per symbol.
 * A write that breaks a constraint throws {@link IllegalStateException} and changes nothing, as the transaction would.
 * {@link #failNextWrites} and {@link #setDown} play PostgreSQL going away mid-trade. Meant for one thread; the methods
 * are synchronized only because that costs nothing.
 */
public final class InMemoryLedger implements Ledger {

    /** One row of the fills table. */
    public record Fill(ClientOrderId clientOrderId, PairId pairId, String symbol, Venue venue, Side side,
            BigDecimal quantity,
                       BigDecimal price, BigDecimal fee, String feeAsset, BigDecimal feeUsdt, BigDecimal realised,
                       Instant at) {
    }

    private record Close(BigDecimal netPnl, Instant at) {
    }

    /** Every table (signals: id to outcome). Rows are immutable records, so copied collections are a snapshot. */
    private record State(Map<SignalId, String> signals, Map<PairId, PairRecord> pairs,
                         Map<ClientOrderId, OrderRecord> orders, Map<ClientOrderId, BigDecimal> appliedQty,
                         List<Fill> fills, Map<PairId, Close> closes, List<KillSwitchState> killSwitches) {
        State copy() {
            return new State(new LinkedHashMap<>(signals), new LinkedHashMap<>(pairs), new LinkedHashMap<>(orders),
                    new LinkedHashMap<>(appliedQty), new ArrayList<>(fills),
                    new LinkedHashMap<>(closes), new ArrayList<>(killSwitches));
        }
    }

    private static final String QUOTE_ASSET = "USDT";
    private static final BigDecimal ZERO_18 = BigDecimal.ZERO.setScale(18);
    private static final State EMPTY = new State(Map.of(), Map.of(), Map.of(), Map.of(), List.of(), Map.of(), List.of());
    private static final Set<OrderStatus> UNRESOLVED = EnumSet.of(OrderStatus.NEW, OrderStatus.SENT,
            OrderStatus.UNKNOWN, OrderStatus.ACCEPTED, OrderStatus.PARTIALLY_FILLED);

    private final Clock clock;
    private State state = EMPTY.copy();
    private int failingWrites;
    private int writesBeforeFailing;
    private boolean down;
    /** Write statements (each its own commit) that went through. */
    private int writes;
    private Runnable afterNextExposureRead;

    public InMemoryLedger(Clock clock) {
        this.clock = clock;
    }

    /** The next {@code n} writes throw before changing anything, as when the database goes away mid-trade. */
    public synchronized void failNextWrites(int n) {
        failWrites(0, n);
    }

    /** After {@code skip} more writes succeed, the {@code n} following ones throw before changing anything. */
    public synchronized void failWrites(int skip, int n) {
        writesBeforeFailing = skip;
        failingWrites = n;
    }

    /** While down every {@link Ledger} call throws; {@link #fills} and {@link #ordersById} still answer the checks. */
    public synchronized void setDown(boolean down) {
        this.down = down;
    }

    public synchronized List<Fill> fills() {
        return List.copyOf(state.fills());
    }

    /** Pairs that went flat, with the net PnL (price, funding, fees) each closed with. */
    public synchronized Map<PairId, BigDecimal> closedNetPnl() {
        Map<PairId, BigDecimal> out = new LinkedHashMap<>();
        state.closes().forEach((pairId, close) -> out.put(pairId, close.netPnl()));
        return out;
    }

    /** Write statements that went through so far: each is one commit, so one durable write (a WAL flush). */
    public synchronized int writes() {
        return writes;
    }

    /**
     * Runs {@code action} once, right after the next exposure read that finds its signal unrecorded, before its caller
     * has the answer: a test makes another delivery of the same signal act at that moment.
     */
    public synchronized void afterNextExposureRead(Runnable action) {
        afterNextExposureRead = action;
    }

    /** What processed_signals holds for a signal: its outcome, IN_PROGRESS while it trades; empty if never recorded. */
    public synchronized Optional<String> signalOutcome(SignalId signalId) {
        return Optional.ofNullable(state.signals().get(signalId));
    }

    public synchronized Map<ClientOrderId, OrderRecord> ordersById() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(state.orders()));
    }

    @Override
    public synchronized Optional<Exposure> exposureUnlessSeen(Signal signal) {
        if (read().signals().containsKey(signal.signalId())) {
            return Optional.empty();
        }
        Exposure exposure = new Exposure(activePair(signal.symbol()), totalActiveNotional());
        Runnable action = afterNextExposureRead;
        afterNextExposureRead = null;
        if (action != null) {
            action.run();
        }
        return Optional.of(exposure);
    }

    @Override
    public synchronized Optional<PairRecord> claimAndWriteAhead(Signal signal, PairId pairId, PairState executing,
                                                                List<OrderRecord> orders) {
        write();
        if (state.signals().containsKey(signal.signalId())) {
            // The claim conflicts: the pair and the orders select from it, so nothing is written.
            return Optional.empty();
        }
        PairRecord pair = checkedWriteAhead(pairId, signal.symbol(), signal.signalId(), executing, orders);
        state.signals().put(signal.signalId(), "IN_PROGRESS");
        return Optional.of(pair);
    }

    @Override
    public synchronized boolean recordRefusal(Signal signal, String outcome, String detail) {
        return write().signals().putIfAbsent(signal.signalId(), outcome) == null;
    }

    @Override
    public synchronized void completeSignal(SignalId signalId, String outcome, String detail) {
        write().signals().replace(signalId, outcome);
    }

    @Override
    public synchronized void rehearse(Runnable work) {
        read();
        State kept = state;
        state = kept.copy();
        try {
            work.run();
        } finally {
            state = kept;
        }
    }

    @Override
    public synchronized BigDecimal totalActiveNotional() {
        // perp_qty * perp_entry_price of numeric(38,18) columns: scale 36, a plain 0 when nothing is active.
        return activePairs().stream().map(p -> num(p.perp().quantity()).multiply(p.perp().entryPrice()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Override
    public synchronized Optional<PairRecord> activePair(String symbol) {
        return activePairs().stream().filter(p -> p.symbol().equals(symbol)).findFirst();
    }

    @Override
    public synchronized List<PairRecord> activePairs() {
        return read().pairs().values().stream().filter(p -> p.state().active())
                .sorted(Comparator.comparing(PairRecord::openedAt)).toList();
    }

    @Override
    public synchronized BigDecimal closedSpotResidue(String symbol) {
        return read().pairs().values().stream().filter(p -> !p.state().active() && p.symbol().equals(symbol))
                .map(p -> p.spot().quantity()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Every pair ever written, closed ones too (their residue is still held on spot). */
    public synchronized List<PairRecord> allPairs() {
        return List.copyOf(read().pairs().values());
    }

    @Override
    public synchronized Optional<PairRecord> pair(PairId pairId) {
        return Optional.ofNullable(read().pairs().get(pairId));
    }

    @Override
    public synchronized PairRecord openPair(PairId pairId, String symbol, SignalId signalId) {
        write();
        if (!state.pairs().containsKey(pairId)) {
            putPair(newPair(pairId, symbol, PairState.OPENING, signalId));
        }
        return state.pairs().get(pairId);
    }

    @Override
    public synchronized void setPairState(PairId pairId, PairState pairState, SignalId signalId) {
        write();
        PairRecord p = state.pairs().get(pairId);
        if (p == null) {
            return;
        }
        putPair(withState(p, pairState, signalId));
        boolean traded = state.fills().stream().anyMatch(f -> f.pairId().equals(pairId));
        if (!pairState.active() && traded) {
            // A pair that held a position and went flat counts once for the win rate, with its net PnL.
            state.closes().putIfAbsent(pairId, new Close(num(p.realisedPnl().add(p.funding()).subtract(p.fees())), now()));
        }
    }

    @Override
    public synchronized PairRecord writeAhead(PairId pairId, String symbol, SignalId executionId, PairState executing,
                                              List<OrderRecord> orders) {
        write();
        return checkedWriteAhead(pairId, symbol, executionId, executing, orders);
    }

    /** The pair and its orders as the write-ahead statement writes them; checks everything before writing anything. */
    private PairRecord checkedWriteAhead(PairId pairId, String symbol, SignalId signalId, PairState executing,
                                         List<OrderRecord> orders) {
        if (orders.isEmpty()) {
            throw new IllegalStateException("JdbcLedger would send 'values' without a row");
        }
        PairRecord p = state.pairs().get(pairId);
        PairRecord pair = p == null ? newPair(pairId, symbol, executing, signalId) : withState(p, executing, signalId);
        List<OrderRecord> rows = orders.stream().map(InMemoryLedger::asWritten).toList();
        Set<ClientOrderId> ids = new HashSet<>();
        for (OrderRecord row : rows) {
            checkInsertable(row, pairId);
            if (!ids.add(row.clientOrderId())) {
                throw new IllegalStateException("orders_pkey: client order id " + row.clientOrderId() + " twice");
            }
        }
        putPair(pair);
        rows.forEach(this::putOrder);
        return pair;
    }

    @Override
    public synchronized void recordNew(OrderRecord order) {
        write();
        OrderRecord row = asWritten(order);
        checkInsertable(row, null);
        putOrder(row);
    }

    @Override
    public synchronized void markSent(ClientOrderId clientOrderId, Instant sentAt) {
        write();
        OrderRecord o = state.orders().get(clientOrderId);
        if (o != null && o.status() == OrderStatus.NEW) {
            state.orders().put(clientOrderId, withOutcome(o, OrderStatus.SENT, o.exchangeOrderId(), o.executedQty(),
                    o.avgPrice(), o.fee(), o.feeAsset(), o.errorCode(), o.errorMessage(), o.retryable()));
        }
    }

    @Override
    public synchronized FillApplied recordOutcome(ClientOrderId clientOrderId, OrderStatus status, OrderReport report,
                                                  int errorCode, String errorMessage, boolean retryable) {
        write();
        OrderRecord o = state.orders().get(clientOrderId);
        if (o == null) {
            throw new IllegalStateException("no order " + clientOrderId + " (JdbcLedger: empty result)");
        }
        if (report == null) {
            state.orders().put(clientOrderId, withOutcome(o, status, o.exchangeOrderId(), o.executedQty(),
                    o.avgPrice(), o.fee(), o.feeAsset(), errorCode, errorMessage, retryable));
            return FillApplied.NONE;
        }
        BigDecimal applied = state.appliedQty().get(clientOrderId);
        BigDecimal delta = report.executedQty().subtract(applied);
        FillApplied result = FillApplied.NONE;
        if (delta.signum() > 0) {
            // The fee of the newly applied part, pro rata when an order is reported in several steps.
            BigDecimal fee = report.executedQty().signum() == 0 ? BigDecimal.ZERO
                    : report.fee().multiply(delta).divide(report.executedQty(), MathContext.DECIMAL64);
            applyToPair(o, delta, report.avgPrice(), fee, report.feeAsset());
            result = new FillApplied(delta, report.avgPrice(), fee, report.feeAsset());
        }
        state.orders().put(clientOrderId, withOutcome(o, status, report.exchangeOrderId(), strip(report.executedQty()),
                num(report.avgPrice()), num(report.fee()), report.feeAsset(), errorCode, errorMessage, retryable));
        state.appliedQty().put(clientOrderId, num(applied.max(report.executedQty())));
        return result;
    }

    /** Computes everything first (what may throw), then writes: a failure leaves nothing, as a rollback would. */
    private void applyToPair(OrderRecord order, BigDecimal qty, BigDecimal price, BigDecimal fee, String feeAsset) {
        PairRecord pair = state.pairs().get(order.pairId());
        boolean spot = order.venue() == Venue.SPOT;
        LegPosition leg = spot ? pair.spot() : pair.perp();
        BigDecimal realised = BigDecimal.ZERO;
        LegPosition after;
        BigDecimal inKind = BigDecimal.ZERO;
        if (spot ? order.side() == Side.BUY : order.side() == Side.SELL) {
            // A spot buy charged in the base asset delivers the quantity minus the commission: hold what arrived.
            inKind = spot && baseAsset(order.symbol()).equals(feeAsset) ? fee : BigDecimal.ZERO;
            after = leg.grow(qty.subtract(inKind), price);
        } else {
            BigDecimal closing = qty.min(leg.quantity());
            realised = leg.realised(closing, price, !spot);
            after = leg.shrink(closing);
        }
        BigDecimal feeUsdt = feeInQuote(order.symbol(), fee, feeAsset, price);
        LegPosition stored = new LegPosition(strip(after.quantity()), num(after.entryPrice()));
        state.pairs().put(pair.pairId(), new PairRecord(pair.pairId(), pair.symbol(), pair.state(),
                spot ? stored : pair.spot(), spot ? pair.perp() : stored, strip(pair.spotCommission().add(inKind)),
                num(pair.realisedPnl().add(realised)),
                num(pair.fees().add(feeUsdt)), pair.funding(), pair.lastSignalId(), pair.openedAt()));
        state.fills().add(new Fill(order.clientOrderId(), pair.pairId(), order.symbol(), order.venue(), order.side(),
                num(qty), num(price), num(fee), feeAsset, num(feeUsdt), num(realised), now()));
    }

    @Override
    public synchronized void adoptSpotQuantity(PairId pairId, BigDecimal quantity) {
        write().pairs().computeIfPresent(pairId, (id, p) -> new PairRecord(id, p.symbol(), p.state(),
                new LegPosition(strip(quantity), p.spot().entryPrice()), p.perp(),
                strip(p.spotCommission().add(p.spot().quantity().subtract(quantity).max(BigDecimal.ZERO))),
                p.realisedPnl(), p.fees(), p.funding(), p.lastSignalId(), p.openedAt()));
    }

    @Override
    public synchronized void adoptPerpQuantity(PairId pairId, BigDecimal quantity) {
        write().pairs().computeIfPresent(pairId, (id, p) -> new PairRecord(id, p.symbol(), p.state(), p.spot(),
                new LegPosition(strip(quantity), quantity.signum() == 0 ? ZERO_18 : p.perp().entryPrice()),
                p.spotCommission(), p.realisedPnl(), p.fees(), p.funding(), p.lastSignalId(), p.openedAt()));
    }

    @Override
    public synchronized Optional<OrderRecord> order(ClientOrderId clientOrderId) {
        return Optional.ofNullable(read().orders().get(clientOrderId));
    }

    @Override
    public synchronized List<OrderRecord> ordersOfSignal(SignalId signalId) {
        return orders(o -> o.signalId().equals(signalId),
                Comparator.comparing(OrderRecord::createdAt).thenComparing(OrderRecord::clientOrderId));
    }

    @Override
    public synchronized List<OrderRecord> unresolvedOrders() {
        return orders(o -> UNRESOLVED.contains(o.status()), Comparator.comparing(OrderRecord::createdAt));
    }

    @Override
    public synchronized List<OrderRecord> recentOrders(int limit) {
        List<OrderRecord> all = orders(o -> true,
                Comparator.comparing(OrderRecord::createdAt).reversed().thenComparing(OrderRecord::clientOrderId));
        return all.subList(0, Math.min(limit, all.size()));
    }

    @Override
    public synchronized void recordKillSwitch(KillSwitchState killSwitch) {
        write().killSwitches().add(killSwitch);
    }

    @Override
    public synchronized Optional<KillSwitchState> latestKillSwitch() {
        List<KillSwitchState> history = read().killSwitches();
        return history.isEmpty() ? Optional.empty() : Optional.of(history.getLast());
    }

    /** The tables, unless the database is down. */
    private State read() {
        if (down) {
            throw new DataAccessResourceFailureException("simulated database outage");
        }
        return state;
    }

    /** The tables for a write, unless the database is down or this write is to fail. */
    private State write() {
        if (writesBeforeFailing > 0) {
            writesBeforeFailing--;
        } else if (failingWrites > 0 && !down) {
            failingWrites--;
            throw new DataAccessResourceFailureException("simulated database outage");
        }
        State tables = read();
        writes++;
        return tables;
    }

    private List<OrderRecord> orders(Predicate<OrderRecord> filter, Comparator<OrderRecord> order) {
        return read().orders().values().stream().filter(filter).sorted(order).toList();
    }

    private PairRecord newPair(PairId pairId, String symbol, PairState pairState, SignalId signalId) {
        LegPosition flat = new LegPosition(BigDecimal.ZERO, ZERO_18);
        return new PairRecord(pairId, symbol, pairState, flat, flat, BigDecimal.ZERO, ZERO_18, ZERO_18, ZERO_18,
                signalId, now());
    }

    private static PairRecord withState(PairRecord p, PairState pairState, SignalId signalId) {
        return new PairRecord(p.pairId(), p.symbol(), pairState, p.spot(), p.perp(), p.spotCommission(),
                p.realisedPnl(), p.fees(), p.funding(), signalId, p.openedAt());
    }

    /** Writes a pair unless the partial unique index pairs_one_active_per_symbol refuses it. */
    private void putPair(PairRecord pair) {
        if (pair.state().active() && state.pairs().values().stream().anyMatch(p -> p.state().active()
                && p.symbol().equals(pair.symbol()) && !p.pairId().equals(pair.pairId()))) {
            throw new IllegalStateException("pairs_one_active_per_symbol: " + pair.symbol() + " has an active pair");
        }
        state.pairs().put(pair.pairId(), pair);
    }

    /** The orders primary key and its foreign key to pairs (or to the pair written in the same statement). */
    private void checkInsertable(OrderRecord row, PairId pairWrittenAlongside) {
        if (state.orders().containsKey(row.clientOrderId())) {
            throw new IllegalStateException("orders_pkey: client order id " + row.clientOrderId() + " exists");
        }
        if (!row.pairId().equals(pairWrittenAlongside) && !state.pairs().containsKey(row.pairId())) {
            throw new IllegalStateException("orders_pair_id_fkey: no pair " + row.pairId());
        }
    }

    private void putOrder(OrderRecord row) {
        state.orders().put(row.clientOrderId(), row);
        state.appliedQty().put(row.clientOrderId(), ZERO_18);
    }

    /** The row as JdbcLedger inserts it and reads it back: state NEW, every outcome column at its default. */
    private static OrderRecord asWritten(OrderRecord o) {
        return new OrderRecord(o.clientOrderId(), o.pairId(), o.signalId(), o.symbol(), o.venue(), o.side(),
                strip(o.quantity()), o.reduceOnly(), o.purpose(), OrderStatus.NEW, 0, BigDecimal.ZERO, ZERO_18, ZERO_18,
                "", 0, null, false, o.tickReceivedAtMicros(), o.signalDecidedAtMicros(), micros(o.createdAt()));
    }

    private static OrderRecord withOutcome(OrderRecord o, OrderStatus status, long exchangeOrderId, BigDecimal executed,
                                           BigDecimal avgPrice, BigDecimal fee, String feeAsset, int errorCode,
                                           String errorMessage, boolean retryable) {
        return new OrderRecord(o.clientOrderId(), o.pairId(), o.signalId(), o.symbol(), o.venue(), o.side(),
                o.quantity(), o.reduceOnly(), o.purpose(), status, exchangeOrderId, executed, avgPrice, fee, feeAsset,
                errorCode, errorMessage, retryable, o.tickReceivedAtMicros(), o.signalDecidedAtMicros(), o.createdAt());
    }

    private static String baseAsset(String symbol) {
        return symbol.endsWith(QUOTE_ASSET) ? symbol.substring(0, symbol.length() - QUOTE_ASSET.length()) : symbol;
    }

    /** As JdbcLedgerFills.feeInQuote: quote-asset fees as they are, base-asset fees at the fill price, others (BNB) 0. */
    private static BigDecimal feeInQuote(String symbol, BigDecimal fee, String feeAsset, BigDecimal price) {
        if (fee.signum() == 0 || feeAsset == null || feeAsset.isEmpty()) {
            return BigDecimal.ZERO;
        }
        if (QUOTE_ASSET.equals(feeAsset)) {
            return fee;
        }
        return symbol.endsWith(QUOTE_ASSET) && baseAsset(symbol).equals(feeAsset) ? fee.multiply(price) : BigDecimal.ZERO;
    }

    /** A value as a numeric(38,18) column holds it (PostgreSQL rounds half away from zero). */
    private static BigDecimal num(BigDecimal value) {
        return value.setScale(18, RoundingMode.HALF_UP);
    }

    /** A value as JdbcLedger's row mappers return the columns they strip. */
    private static BigDecimal strip(BigDecimal value) {
        return num(value).stripTrailingZeros();
    }

    /** An instant as timestamptz holds it: the JDBC driver rounds to the microsecond. */
    private static Instant micros(Instant instant) {
        return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    private Instant now() {
        return micros(clock.instant());
    }
}
