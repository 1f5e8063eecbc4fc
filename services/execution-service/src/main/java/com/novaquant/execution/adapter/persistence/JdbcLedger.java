package com.novaquant.execution.adapter.persistence;

import com.novaquant.events.KillSwitchState;
import com.novaquant.events.Signal;
import com.novaquant.execution.application.Ledger;
import com.novaquant.execution.application.OrderRecord;
import com.novaquant.execution.application.PairRecord;
import com.novaquant.execution.domain.OrderReport;
import com.novaquant.execution.domain.OrderStatus;
import com.novaquant.execution.domain.PairState;
import com.novaquant.ids.ClientOrderId;
import com.novaquant.ids.PairId;
import com.novaquant.ids.SignalId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/** The ledger in PostgreSQL. Fills move pair legs in the same transaction as the order update, exactly once. */
public class JdbcLedger implements Ledger {

    private static final String ACTIVE = LedgerRows.ACTIVE;
    private static final RowMapper<PairRecord> PAIR = LedgerRows.PAIR;
    private static final RowMapper<OrderRecord> ORDER = LedgerRows.ORDER;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final JdbcLedgerHistory history;
    private final JdbcLedgerFills fills;

    public JdbcLedger(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.history = new JdbcLedgerHistory(jdbc, tx, clock);
        this.fills = new JdbcLedgerFills(jdbc, tx, clock);
    }

    /**
     * One statement that writes nothing: whether the signal is recorded, the symbol's active pair and the total active
     * notional.
     */
    @Override
    public Optional<Exposure> exposureUnlessSeen(Signal signal) {
        return jdbc.sql("""
                        with total as (
                            select coalesce(sum(perp_qty * perp_entry_price), 0) as total_notional from pairs
                            where state in %1$s)
                        select exists (select 1 from processed_signals where signal_id = ?) as seen,
                               total.total_notional, p.*
                        from total left join pairs p on p.symbol = ? and p.state in %1$s""".formatted(ACTIVE))
                .params(signal.signalId().value(), signal.symbol())
                .query((rs, i) -> rs.getBoolean("seen") ? Optional.<Exposure>empty()
                        : Optional.of(new Exposure(rs.getString("pair_id") == null ? Optional.empty()
                                : Optional.of(PAIR.mapRow(rs, i)), rs.getBigDecimal("total_notional"))))
                .single();
    }

    /**
     * One statement, so one commit: the claim, and the pair and the orders only when the claim inserted a row. The
     * pair and the orders select from the claim's returned row, so a conflicting claim (another delivery recorded the
     * signal) leaves them with nothing to insert. PostgreSQL runs a data-modifying WITH part exactly once whether or
     * not the main query reads it; the orders' foreign key to the pair is checked at the end of the statement.
     */
    @Override
    public Optional<PairRecord> claimAndWriteAhead(Signal signal, PairId pairId, PairState executing,
                                                   List<OrderRecord> orders) {
        List<Object> params = new ArrayList<>(List.of(signal.signalId().value(), signal.symbol(),
                signal.targetBaseQty(),
                now(), pairId.value(), signal.symbol(), executing.name(), now(), now()));
        // Typed: a VALUES list in FROM would take untyped parameters for text.
        String rows = orderRows(orders, "(?, ?, ?, ?, ?, ?, ?::numeric, ?::boolean, ?, 'NEW', ?::bigint, ?::bigint, ?::timestamptz)",
                params);
        return jdbc.sql("""
                        with claimed as (
                            insert into processed_signals (signal_id, symbol, target_qty, outcome, received_at)
                            values (?, ?, ?, 'IN_PROGRESS', ?) on conflict (signal_id) do nothing
                            returning signal_id),
                        pair as (
                            insert into pairs (pair_id, symbol, state, last_signal_id, opened_at, updated_at)
                            select ?, ?, ?, signal_id, ?, ? from claimed
                            on conflict (pair_id) do update set
                                state = excluded.state,
                                last_signal_id = excluded.last_signal_id, updated_at = excluded.updated_at
                            returning *),
                        written as (
                            insert into orders (%1$s)
                            select o.* from claimed, (values %2$s) as o (%1$s))
                        select * from pair""".formatted(ORDER_COLUMNS, rows))
                .params(params)
                .query(PAIR).optional();
    }

    @Override
    public boolean recordRefusal(Signal signal, String outcome, String detail) {
        return jdbc.sql("""
                        insert into processed_signals
                            (signal_id, symbol, target_qty, outcome, detail, received_at, completed_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (signal_id) do nothing""")
                .params(signal.signalId().value(), signal.symbol(), signal.targetBaseQty(), outcome, detail, now(),
                        now())
                .update() == 1;
    }

    @Override
    public void completeSignal(SignalId signalId, String outcome, String detail) {
        jdbc.sql("update processed_signals set outcome = ?, detail = ?, completed_at = ? where signal_id = ?")
                .params(outcome, detail, now(), signalId.value()).update();
    }

    @Override
    public void rehearse(Runnable work) {
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            work.run();
        });
    }

    @Override
    public BigDecimal totalActiveNotional() {
        return jdbc.sql("select coalesce(sum(perp_qty * perp_entry_price), 0) from pairs where state in " + ACTIVE)
                .query(BigDecimal.class).single();
    }

    @Override
    public Optional<PairRecord> activePair(String symbol) {
        return LedgerRows.activePair(jdbc, symbol);
    }

    @Override
    public BigDecimal closedSpotResidue(String symbol) {
        return jdbc.sql("select coalesce(sum(spot_qty), 0) from pairs where symbol = ? and state not in " + ACTIVE)
                .param(symbol).query(BigDecimal.class).single();
    }

    @Override
    public List<PairRecord> activePairs() {
        return LedgerRows.activePairs(jdbc);
    }

    @Override
    public Optional<PairRecord> pair(PairId pairId) {
        return jdbc.sql("select * from pairs where pair_id = ?").param(pairId.value()).query(PAIR).optional();
    }

    @Override
    public PairRecord openPair(PairId pairId, String symbol, SignalId signalId) {
        jdbc.sql("""
                        insert into pairs (pair_id, symbol, state, last_signal_id, opened_at, updated_at)
                        values (?, ?, 'OPENING', ?, ?, ?) on conflict (pair_id) do nothing""")
                .params(pairId.value(), symbol, signalId.value(), now(), now()).update();
        return pair(pairId).orElseThrow();
    }

    @Override
    public void setPairState(PairId pairId, PairState state, SignalId signalId) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("""
                            update pairs set state = ?, last_signal_id = ?, updated_at = ?,
                                   closed_at = case when ? then ? else closed_at end
                            where pair_id = ?""")
                    .params(state.name(), signalId.value(), now(), !state.active(), now(), pairId.value()).update();
            if (!state.active()) {
                // A pair that held a position and went flat counts once for the win rate, with its net PnL.
                jdbc.sql("""
                                insert into pair_closes (pair_id, symbol, net_pnl, at)
                                select pair_id, symbol, realised_pnl + funding - fees, ? from pairs p
                                where pair_id = ? and exists (select 1 from fills f where f.pair_id = p.pair_id)
                                on conflict (pair_id) do nothing""")
                        .params(now(), pairId.value()).update();
            }
        });
    }

    @Override
    public PairRecord writeAhead(PairId pairId, String symbol, SignalId executionId, PairState executing,
                                 List<OrderRecord> orders) {
        // One statement, so one round trip and atomic: the pair and every NEW order are durable together. PostgreSQL
        // runs a data-modifying WITH part exactly once whether or not the main query reads it.
        List<Object> params = new ArrayList<>(List.of(pairId.value(), symbol, executing.name(), executionId.value(),
                now(), now()));
        String rows = orderRows(orders, "(?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', ?, ?, ?)", params);
        return jdbc.sql("""
                        with pair as (
                            insert into pairs (pair_id, symbol, state, last_signal_id, opened_at, updated_at)
                            values (?, ?, ?, ?, ?, ?)
                            on conflict (pair_id) do update set
                                state = excluded.state,
                                last_signal_id = excluded.last_signal_id, updated_at = excluded.updated_at
                            returning *),
                        written as (
                            insert into orders (%s)
                            values %s)
                        select * from pair""".formatted(ORDER_COLUMNS, rows))
                .params(params)
                .query(PAIR).single();
    }

    @Override
    public void recordNew(OrderRecord o) {
        jdbc.sql("insert into orders (" + ORDER_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', ?, ?, ?)")
                .params(orderValues(o))
                .update();
    }

    private static final String ORDER_COLUMNS = "client_order_id, pair_id, signal_id, symbol, venue, side, quantity, "
            + "reduce_only, purpose, status, tick_received_at_micros, signal_decided_at_micros, created_at";

    /** The orders as rows of a VALUES list, one {@code row} of placeholders each; their values go to {@code params}. */
    private static String orderRows(List<OrderRecord> orders, String row, List<Object> params) {
        StringJoiner rows = new StringJoiner(", ");
        for (OrderRecord o : orders) {
            rows.add(row);
            params.addAll(orderValues(o));
        }
        return rows.toString();
    }

    private static List<Object> orderValues(OrderRecord o) {
        return List.of(o.clientOrderId().value(), o.pairId().value(), o.signalId().value(), o.symbol(),
                o.venue().name(), o.side().name(),
                o.quantity(), o.reduceOnly(), o.purpose().name(), o.tickReceivedAtMicros(), o.signalDecidedAtMicros(),
                Timestamp.from(o.createdAt()));
    }

    @Override
    public void markSent(ClientOrderId clientOrderId, Instant sentAt) {
        jdbc.sql("update orders set status = 'SENT', sent_at = ? where client_order_id = ? and status = 'NEW'")
                .params(Timestamp.from(sentAt), clientOrderId.value()).update();
    }

    @Override
    public FillApplied recordOutcome(ClientOrderId clientOrderId, OrderStatus status, OrderReport report, int errorCode,
                                     String errorMessage, boolean retryable) {
        return fills.recordOutcome(clientOrderId, status, report, errorCode, errorMessage, retryable);
    }

    @Override
    public void adoptSpotQuantity(PairId pairId, BigDecimal quantity) {
        jdbc.sql("""
                        update pairs set spot_commission = spot_commission + greatest(spot_qty - ?, 0),
                            spot_commission_adopted = spot_commission_adopted + greatest(spot_qty - ?, 0), spot_qty = ?,
                            updated_at = ? where pair_id = ?""")
                .params(quantity, quantity, quantity, now(), pairId.value()).update();
    }

    @Override
    public void adoptPerpQuantity(PairId pairId, BigDecimal quantity) {
        jdbc.sql("update pairs set perp_qty = ?, perp_entry_price = case when ? = 0 then 0 else perp_entry_price end,"
                        + " updated_at = ? where pair_id = ?")
                .params(quantity, quantity, now(), pairId.value()).update();
    }

    @Override
    public Optional<OrderRecord> order(ClientOrderId clientOrderId) {
        return jdbc.sql("select * from orders where client_order_id = ?").param(clientOrderId.value()).query(ORDER).optional();
    }

    @Override
    public List<OrderRecord> ordersOfSignal(SignalId signalId) {
        return jdbc.sql("select * from orders where signal_id = ? order by created_at, client_order_id")
                .param(signalId.value()).query(ORDER).list();
    }

    @Override
    public List<OrderRecord> unresolvedOrders() {
        return jdbc.sql("select * from orders where status in ('NEW','SENT','UNKNOWN','ACCEPTED','PARTIALLY_FILLED') order by created_at")
                .query(ORDER).list();
    }

    @Override
    public List<OrderRecord> recentOrders(int limit) {
        return jdbc.sql("select * from orders order by created_at desc, client_order_id limit ?").param(limit)
                .query(ORDER).list();
    }

    @Override
    public void recordKillSwitch(KillSwitchState state) {
        history.recordKillSwitch(state);
    }

    @Override
    public Optional<KillSwitchState> latestKillSwitch() {
        return history.latestKillSwitch();
    }


    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
