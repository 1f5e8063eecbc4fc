package com.novaquant.execution.adapter.persistence;

import com.novaquant.events.KillSwitchState;
import com.novaquant.events.Side;
import com.novaquant.events.Signal;
import com.novaquant.events.Venue;
import com.novaquant.execution.application.Ledger;
import com.novaquant.execution.application.OrderRecord;
import com.novaquant.execution.application.PairRecord;
import com.novaquant.execution.application.TradingVenue;
import com.novaquant.execution.domain.LegPosition;
import com.novaquant.execution.domain.OrderPurpose;
import com.novaquant.execution.domain.OrderReport;
import com.novaquant.execution.domain.OrderStatus;
import com.novaquant.execution.domain.PairState;
import com.novaquant.execution.domain.PnlSummary;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/** The ledger in PostgreSQL. Fills move pair legs in the same transaction as the order update, exactly once. */
public class JdbcLedger implements Ledger {

    private static final String ACTIVE = "('OPENING','OPEN','REDUCING','CLOSING','BROKEN')";
    private static final String QUOTE_ASSET = "USDT";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public JdbcLedger(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * One statement: the claim, the symbol's active pair and the total active notional. The reads see the pairs as
     * they were before the statement, which the claim does not touch.
     */
    @Override
    public Optional<Exposure> claimSignal(Signal signal) {
        return jdbc.sql("""
                        with claimed as (
                            insert into processed_signals (signal_id, symbol, target_qty, outcome, received_at)
                            values (?, ?, ?, 'IN_PROGRESS', ?) on conflict (signal_id) do nothing returning signal_id),
                        total as (
                            select coalesce(sum(perp_qty * perp_entry_price), 0) as total_notional from pairs
                            where state in %1$s)
                        select (select count(*) from claimed) as claimed, total.total_notional, p.*
                        from total left join pairs p on p.symbol = ? and p.state in %1$s""".formatted(ACTIVE))
                .params(signal.signalId(), signal.symbol(), signal.targetBaseQty(), now(), signal.symbol())
                .query((rs, i) -> rs.getLong("claimed") == 0 ? Optional.<Exposure>empty()
                        : Optional.of(new Exposure(rs.getString("pair_id") == null ? Optional.empty()
                                : Optional.of(PAIR.mapRow(rs, i)), rs.getBigDecimal("total_notional"))))
                .single();
    }

    @Override
    public void completeSignal(String signalId, String outcome, String detail) {
        jdbc.sql("update processed_signals set outcome = ?, detail = ?, completed_at = ? where signal_id = ?")
                .params(outcome, detail, now(), signalId).update();
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
        return jdbc.sql("select * from pairs where symbol = ? and state in " + ACTIVE).param(symbol)
                .query(PAIR).optional();
    }

    @Override
    public List<PairRecord> activePairs() {
        return jdbc.sql("select * from pairs where state in " + ACTIVE + " order by opened_at").query(PAIR).list();
    }

    @Override
    public Optional<PairRecord> pair(String pairId) {
        return jdbc.sql("select * from pairs where pair_id = ?").param(pairId).query(PAIR).optional();
    }

    @Override
    public PairRecord openPair(String pairId, String symbol, String signalId) {
        jdbc.sql("""
                        insert into pairs (pair_id, symbol, state, last_signal_id, opened_at, updated_at)
                        values (?, ?, 'OPENING', ?, ?, ?) on conflict (pair_id) do nothing""")
                .params(pairId, symbol, signalId, now(), now()).update();
        return pair(pairId).orElseThrow();
    }

    @Override
    public void setPairState(String pairId, PairState state, String signalId) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("""
                            update pairs set state = ?, last_signal_id = ?, updated_at = ?,
                                   closed_at = case when ? then ? else closed_at end
                            where pair_id = ?""")
                    .params(state.name(), signalId, now(), !state.active(), now(), pairId).update();
            if (!state.active()) {
                // A pair that held a position and went flat counts once for the win rate, with its net PnL.
                jdbc.sql("""
                                insert into pair_closes (pair_id, symbol, net_pnl, at)
                                select pair_id, symbol, realised_pnl + funding - fees, ? from pairs p
                                where pair_id = ? and exists (select 1 from fills f where f.pair_id = p.pair_id)
                                on conflict (pair_id) do nothing""")
                        .params(now(), pairId).update();
            }
        });
    }

    @Override
    public PairRecord beginExecution(String pairId, String symbol, String signalId, PairState executing,
                                     List<OrderRecord> orders) {
        // One statement, so one round trip and atomic: the pair and every NEW order are durable together. PostgreSQL
        // runs a data-modifying WITH part exactly once whether or not the main query reads it.
        List<Object> params = new ArrayList<>(List.of(pairId, symbol, executing.name(), signalId,
                now(), now()));
        StringJoiner rows = new StringJoiner(", ");
        for (OrderRecord o : orders) {
            rows.add("(?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', ?, ?, ?)");
            params.addAll(orderValues(o));
        }
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

    private static List<Object> orderValues(OrderRecord o) {
        return List.of(o.clientOrderId(), o.pairId(), o.signalId(), o.symbol(), o.venue().name(), o.side().name(),
                o.quantity(), o.reduceOnly(), o.purpose().name(), o.tickReceivedAtMicros(), o.signalDecidedAtMicros(),
                Timestamp.from(o.createdAt()));
    }

    @Override
    public void markSent(String clientOrderId, Instant sentAt) {
        jdbc.sql("update orders set status = 'SENT', sent_at = ? where client_order_id = ? and status = 'NEW'")
                .params(Timestamp.from(sentAt), clientOrderId).update();
    }

    @Override
    public FillApplied recordOutcome(String clientOrderId, OrderStatus status, OrderReport report, int errorCode,
                                     String errorMessage, boolean retryable) {
        return tx.execute(txStatus -> {
            OrderRecord order = jdbc.sql("select * from orders where client_order_id = ? for update")
                    .param(clientOrderId).query(ORDER).single();
            BigDecimal applied = jdbc.sql("select applied_qty from orders where client_order_id = ?")
                    .param(clientOrderId).query(BigDecimal.class).single();
            if (report == null) {
                jdbc.sql("""
                                update orders set status = ?, error_code = ?, error_message = ?, retryable = ?,
                                    completed_at = case when ? then ? else completed_at end
                                where client_order_id = ?""")
                        .params(status.name(), errorCode, errorMessage, retryable, status.terminal(), now(), clientOrderId)
                        .update();
                return FillApplied.NONE;
            }
            jdbc.sql("""
                            update orders set status = ?, exchange_order_id = ?, executed_qty = ?, avg_price = ?, fee = ?,
                                fee_asset = ?, error_code = ?, error_message = ?, retryable = ?, applied_qty = greatest(applied_qty, ?),
                                completed_at = case when ? then ? else completed_at end
                            where client_order_id = ?""")
                    .params(status.name(), report.exchangeOrderId(), report.executedQty(), report.avgPrice(), report.fee(),
                            report.feeAsset(), errorCode, errorMessage, retryable, report.executedQty(), status.terminal(),
                            now(), clientOrderId)
                    .update();
            BigDecimal delta = report.executedQty().subtract(applied);
            if (delta.signum() <= 0) {
                return FillApplied.NONE;
            }
            BigDecimal price = report.avgPrice();
            // The fee of the newly applied part, pro rata when an order is reported in several steps.
            BigDecimal fee = report.executedQty().signum() == 0 ? BigDecimal.ZERO
                    : report.fee().multiply(delta).divide(report.executedQty(), java.math.MathContext.DECIMAL64);
            applyToPair(order, delta, price, fee, report.feeAsset());
            return new FillApplied(delta, price, fee, report.feeAsset());
        });
    }

    private void applyToPair(OrderRecord order, BigDecimal qty, BigDecimal price, BigDecimal fee, String feeAsset) {
        PairRecord pair = jdbc.sql("select * from pairs where pair_id = ? for update").param(order.pairId())
                .query(PAIR).single();
        boolean spot = order.venue() == Venue.SPOT;
        LegPosition leg = spot ? pair.spot() : pair.perp();
        boolean grows = spot ? order.side() == Side.BUY : order.side() == Side.SELL;
        BigDecimal realised = BigDecimal.ZERO;
        LegPosition after;
        if (grows) {
            // A spot buy charged in the base asset delivers the quantity minus the commission: hold what arrived.
            BigDecimal received = spot && baseAsset(order.symbol()).equals(feeAsset) ? qty.subtract(fee) : qty;
            after = leg.grow(received, price);
        } else {
            BigDecimal closing = qty.min(leg.quantity());
            realised = leg.realised(closing, price, !spot);
            after = leg.shrink(closing);
        }
        BigDecimal feeUsdt = feeInQuote(order.symbol(), fee, feeAsset, price);
        String legColumns = spot ? "spot_qty = ?, spot_entry_price = ?" : "perp_qty = ?, perp_entry_price = ?";
        BigDecimal commissionInKind = spot && grows && baseAsset(order.symbol()).equals(feeAsset) ? fee : BigDecimal.ZERO;
        jdbc.sql("update pairs set " + legColumns + ", spot_commission = spot_commission + ?, realised_pnl = realised_pnl + ?,"
                        + " fees = fees + ?, updated_at = ? where pair_id = ?")
                .params(after.quantity(), after.entryPrice(), commissionInKind, realised, feeUsdt, now(), pair.pairId())
                .update();
        jdbc.sql("""
                        insert into fills (client_order_id, pair_id, symbol, venue, side, quantity, price, fee, fee_asset,
                            fee_usdt, realised_pnl, at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(order.clientOrderId(), pair.pairId(), order.symbol(), order.venue().name(), order.side().name(),
                        qty, price, fee, feeAsset, feeUsdt, realised, now())
                .update();
    }

    private static String baseAsset(String symbol) {
        return symbol.endsWith(QUOTE_ASSET) ? symbol.substring(0, symbol.length() - QUOTE_ASSET.length()) : symbol;
    }

    /** Commission in USDT: quote-asset fees as they are, base-asset fees at the fill price; other assets (BNB) count 0. */
    static BigDecimal feeInQuote(String symbol, BigDecimal fee, String feeAsset, BigDecimal price) {
        if (fee.signum() == 0 || feeAsset == null || feeAsset.isEmpty()) {
            return BigDecimal.ZERO;
        }
        if (QUOTE_ASSET.equals(feeAsset)) {
            return fee;
        }
        if (symbol.endsWith(QUOTE_ASSET) && symbol.substring(0, symbol.length() - QUOTE_ASSET.length()).equals(feeAsset)) {
            return fee.multiply(price);
        }
        return BigDecimal.ZERO;
    }

    @Override
    public void adoptSpotQuantity(String pairId, BigDecimal quantity) {
        jdbc.sql("""
                        update pairs set spot_commission = spot_commission + greatest(spot_qty - ?, 0), spot_qty = ?,
                            updated_at = ? where pair_id = ?""")
                .params(quantity, quantity, now(), pairId).update();
    }

    @Override
    public void adoptPerpQuantity(String pairId, BigDecimal quantity) {
        jdbc.sql("update pairs set perp_qty = ?, perp_entry_price = case when ? = 0 then 0 else perp_entry_price end,"
                        + " updated_at = ? where pair_id = ?")
                .params(quantity, quantity, now(), pairId).update();
    }

    @Override
    public Optional<OrderRecord> order(String clientOrderId) {
        return jdbc.sql("select * from orders where client_order_id = ?").param(clientOrderId).query(ORDER).optional();
    }

    @Override
    public List<OrderRecord> ordersOfSignal(String signalId) {
        return jdbc.sql("select * from orders where signal_id = ? order by created_at, client_order_id")
                .param(signalId).query(ORDER).list();
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
    public boolean recordFunding(TradingVenue.FundingIncome income) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            Optional<PairRecord> pair = activePair(income.symbol());
            int inserted = jdbc.sql("""
                            insert into funding_payments (tran_id, symbol, amount, asset, funding_time, pair_id, recorded_at)
                            values (?, ?, ?, ?, ?, ?, ?) on conflict (tran_id) do nothing""")
                    .params(income.tranId(), income.symbol(), income.amount(), income.asset(),
                            Timestamp.from(Instant.ofEpochMilli(income.timeMs())), pair.map(PairRecord::pairId).orElse(null), now())
                    .update();
            if (inserted == 1 && pair.isPresent()) {
                jdbc.sql("update pairs set funding = funding + ?, updated_at = ? where pair_id = ?")
                        .params(income.amount(), now(), pair.get().pairId()).update();
            }
            return inserted == 1;
        }));
    }

    @Override
    public long latestFundingTimeMs() {
        return jdbc.sql("select coalesce((extract(epoch from max(funding_time)) * 1000)::bigint, 0) from funding_payments")
                .query(Long.class).single();
    }

    @Override
    public void recordKillSwitch(KillSwitchState state) {
        jdbc.sql("insert into kill_switch_history (engaged, reason, by_whom, at_ms, at) values (?, ?, ?, ?, ?)")
                .params(state.engaged(), state.reason(), state.by(), state.atMs(), now()).update();
    }

    @Override
    public Optional<KillSwitchState> latestKillSwitch() {
        return jdbc.sql("select engaged, reason, by_whom, at_ms from kill_switch_history order by id desc limit 1")
                .query((rs, i) -> new KillSwitchState(rs.getBoolean(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .optional();
    }

    @Override
    public PnlSummary pnl(Instant since, Map<String, BigDecimal[]> marks) {
        Timestamp from = Timestamp.from(since);
        BigDecimal realised = sum("select coalesce(sum(realised_pnl), 0) from fills where at >= ?", from);
        BigDecimal fees = sum("select coalesce(sum(fee_usdt), 0) from fills where at >= ?", from);
        BigDecimal funding = sum("select coalesce(sum(amount), 0) from funding_payments where funding_time >= ? and asset = 'USDT'", from);
        long trades = jdbc.sql("select count(*) from fills where at >= ?").param(from).query(Long.class).single();
        long closes = jdbc.sql("select count(*) from pair_closes where at >= ?").param(from).query(Long.class).single();
        long wins = jdbc.sql("select count(*) from pair_closes where at >= ? and net_pnl > 0").param(from).query(Long.class).single();
        BigDecimal unrealised = BigDecimal.ZERO;
        for (PairRecord pair : activePairs()) {
            BigDecimal[] mark = marks.get(pair.symbol());
            if (mark != null) {
                unrealised = unrealised.add(pair.spot().unrealised(mark[0], false)).add(pair.perp().unrealised(mark[1], true));
            }
        }
        return new PnlSummary(realised, unrealised, funding, fees, trades, wins, closes);
    }

    private BigDecimal sum(String sql, Timestamp from) {
        BigDecimal value = jdbc.sql(sql).param(from).query(BigDecimal.class).single();
        return value == null ? BigDecimal.ZERO : value;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static final RowMapper<PairRecord> PAIR = (ResultSet rs, int i) -> new PairRecord(
            rs.getString("pair_id"), rs.getString("symbol"), PairState.valueOf(rs.getString("state")),
            new LegPosition(strip(rs.getBigDecimal("spot_qty")), rs.getBigDecimal("spot_entry_price")),
            new LegPosition(strip(rs.getBigDecimal("perp_qty")), rs.getBigDecimal("perp_entry_price")),
            strip(rs.getBigDecimal("spot_commission")), rs.getBigDecimal("realised_pnl"), rs.getBigDecimal("fees"), rs.getBigDecimal("funding"),
            rs.getString("last_signal_id"), rs.getTimestamp("opened_at").toInstant());

    private static final RowMapper<OrderRecord> ORDER = (ResultSet rs, int i) -> new OrderRecord(
            rs.getString("client_order_id"), rs.getString("pair_id"), rs.getString("signal_id"), rs.getString("symbol"),
            Venue.valueOf(rs.getString("venue")), Side.valueOf(rs.getString("side")), strip(rs.getBigDecimal("quantity")),
            rs.getBoolean("reduce_only"), OrderPurpose.valueOf(rs.getString("purpose")),
            OrderStatus.valueOf(rs.getString("status")), rs.getLong("exchange_order_id"),
            strip(rs.getBigDecimal("executed_qty")), rs.getBigDecimal("avg_price"), rs.getBigDecimal("fee"),
            rs.getString("fee_asset"), rs.getInt("error_code"), rs.getString("error_message"), rs.getBoolean("retryable"),
            rs.getLong("tick_received_at_micros"), rs.getLong("signal_decided_at_micros"),
            rs.getTimestamp("created_at").toInstant());

    private static BigDecimal strip(BigDecimal value) throws SQLException {
        return value == null ? BigDecimal.ZERO : value.stripTrailingZeros();
    }
}
