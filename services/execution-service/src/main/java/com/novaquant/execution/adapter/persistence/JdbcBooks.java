package com.novaquant.execution.adapter.persistence;

import com.novaquant.events.Venue;
import com.novaquant.execution.application.Books;
import com.novaquant.execution.application.OrderRecord;
import com.novaquant.execution.application.TradeBooking;
import com.novaquant.execution.domain.ExchangeTrade;
import com.novaquant.execution.domain.IncomeEntry;
import com.novaquant.ids.ClientOrderId;
import com.novaquant.ids.PairId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exchange's records in PostgreSQL ({@code exchange_trades}, {@code income_records}) and the corrections they
 * make to the pairs, each in one transaction with the records it stores.
 */
public class JdbcBooks implements Books {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JdbcPnlReport pnl;
    private final Clock clock;

    public JdbcBooks(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.pnl = new JdbcPnlReport(jdbc);
        this.clock = clock;
    }

    @Override
    public List<OrderRecord> ordersAwaitingTrades(int limit) {
        return jdbc.sql("""
                        select * from orders where not trades_booked and executed_qty > 0 and exchange_order_id <> 0
                            and status in ('FILLED', 'CANCELED', 'EXPIRED', 'REJECTED')
                        order by created_at limit ?""")
                .param(limit).query(LedgerRows.ORDER).list();
    }

    @Override
    public Optional<Instant> oldestAwaitingTrades() {
        return jdbc.sql("""
                        select created_at from orders where not trades_booked and executed_qty > 0
                        order by created_at limit 1""")
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    @Override
    public Optional<Instant> firstOrderAt() {
        return jdbc.sql("select created_at from orders order by created_at limit 1")
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    @Override
    public TradeBooking.Result bookTrades(ClientOrderId clientOrderId, String baseAsset, List<ValuedTrade> trades) {
        return tx.execute(status -> {
            OrderRecord order = jdbc.sql("select * from orders where client_order_id = ? for update")
                    .param(clientOrderId.value()).query(LedgerRows.ORDER).single();
            boolean booked = jdbc.sql("select trades_booked from orders where client_order_id = ?")
                    .param(clientOrderId.value()).query(Boolean.class).single();
            if (booked) {
                return TradeBooking.Result.ALREADY_BOOKED;
            }
            BigDecimal traded = trades.stream().map(t -> t.trade().qty()).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (traded.compareTo(order.executedQty()) < 0) {
                return TradeBooking.Result.INCOMPLETE;
            }
            for (ValuedTrade valued : trades) {
                insert(order, valued);
            }
            correctPair(order, baseAsset);
            jdbc.sql("update orders set trades_booked = true where client_order_id = ?").param(clientOrderId.value()).update();
            return TradeBooking.Result.BOOKED;
        });
    }

    private void insert(OrderRecord order, ValuedTrade valued) {
        ExchangeTrade t = valued.trade();
        jdbc.sql("""
                        insert into exchange_trades (venue, symbol, trade_id, exchange_order_id, client_order_id, pair_id,
                            side, price, qty, quote_qty, commission, commission_asset, commission_price,
                            commission_price_source, commission_usdt, realized_pnl, maker, at, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (venue, symbol, trade_id) do nothing""")
                .params(t.venue().name(), t.symbol(), t.tradeId(), t.exchangeOrderId(), order.clientOrderId().value(),
                        order.pairId().value(), t.side().name(), t.price(), t.qty(), t.quoteQty(), t.commission(),
                        t.commissionAsset(), valued.commission().price(), valued.commission().source(),
                        valued.commission().usdt(), t.realizedPnl(), t.maker(), Timestamp.from(Instant.ofEpochMilli(t.timeMs())),
                        now())
                .update();
    }

    /**
     * Moves the pair from what the order's answer said to what its trades say: fees, the perp's realised PnL and, for
     * a spot buy, the base asset the commission took (less what adopting the account's holdings took already).
     */
    private void correctPair(OrderRecord order, String baseAsset) {
        String id = order.clientOrderId().value();
        BigDecimal tradeFees = sum("select coalesce(sum(commission_usdt), 0) from exchange_trades where client_order_id = ?", id);
        BigDecimal answerFees = sum("select coalesce(sum(fee_usdt), 0) from fills where client_order_id = ?", id);
        BigDecimal realisedCorrection = BigDecimal.ZERO;
        if (order.venue() == Venue.USDM) {
            realisedCorrection = sum("select coalesce(sum(realized_pnl), 0) from exchange_trades where client_order_id = ?", id)
                    .subtract(sum("select coalesce(sum(realised_pnl), 0) from fills where client_order_id = ?", id));
        }
        BigDecimal baseCommission = BigDecimal.ZERO;
        if (order.venue() == Venue.SPOT && order.side() == com.novaquant.events.Side.BUY) {
            baseCommission = jdbc.sql("select coalesce(sum(commission), 0) from exchange_trades where client_order_id = ?"
                            + " and commission_asset = ?").params(id, baseAsset).query(BigDecimal.class).single()
                    .subtract(jdbc.sql("select coalesce(sum(fee), 0) from fills where client_order_id = ? and fee_asset = ?")
                            .params(id, baseAsset).query(BigDecimal.class).single());
        }
        jdbc.sql("""
                        update pairs set fees = fees + ?, realised_pnl = realised_pnl + ?,
                            spot_qty = greatest(spot_qty - greatest(? - spot_commission_adopted, 0), 0),
                            spot_commission = spot_commission + greatest(? - spot_commission_adopted, 0),
                            spot_commission_adopted = spot_commission_adopted - least(greatest(?, 0), spot_commission_adopted),
                            updated_at = ?
                        where pair_id = ?""")
                .params(tradeFees.subtract(answerFees), realisedCorrection, baseCommission, baseCommission,
                        baseCommission, now(), order.pairId().value())
                .update();
        refreshClose(order.pairId().value());
    }

    /** A closed pair's net PnL follows the records that arrive after its close. */
    private void refreshClose(String pairId) {
        jdbc.sql("""
                        update pair_closes c set net_pnl = p.realised_pnl + p.funding - p.fees
                        from pairs p where p.pair_id = c.pair_id and c.pair_id = ?""")
                .param(pairId).update();
    }

    @Override
    public List<IncomeEntry> recordIncome(List<IncomeEntry> entries) {
        List<IncomeEntry> stored = new ArrayList<>();
        for (IncomeEntry entry : entries) {
            if (Boolean.TRUE.equals(tx.execute(status -> storeIncome(entry)))) {
                stored.add(entry);
            }
        }
        return stored;
    }

    private boolean storeIncome(IncomeEntry entry) {
        Timestamp at = Timestamp.from(Instant.ofEpochMilli(entry.timeMs()));
        String pairId = entry.funding() ? holderAt(entry.symbol(), at) : null;
        int inserted = jdbc.sql("""
                        insert into income_records (income_type, tran_id, symbol, amount, asset, at, trade_id, pair_id,
                            recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (income_type, tran_id) do nothing""")
                .params(entry.type(), entry.tranId(), entry.symbol(), entry.amount(), entry.asset(), at,
                        entry.tradeId() == null ? "" : entry.tradeId(), pairId, now())
                .update();
        if (inserted == 1 && pairId != null && "USDT".equals(entry.asset())) {
            jdbc.sql("update pairs set funding = funding + ?, updated_at = ? where pair_id = ?")
                    .params(entry.amount(), now(), pairId).update();
            refreshClose(pairId);
        }
        return inserted == 1;
    }

    /**
     * The pair that held the symbol's perp at a funding time: opened by then and not closed before it. Failing that
     * (clocks a moment apart), the symbol's latest pair opened by then.
     */
    private String holderAt(String symbol, Timestamp at) {
        return jdbc.sql("""
                        select pair_id from pairs where symbol = ? and opened_at <= ?
                        order by (closed_at is null or closed_at >= ?) desc, opened_at desc limit 1""")
                .params(symbol, at, at).query(String.class).optional().orElse(null);
    }

    @Override
    public long latestIncomeTimeMs() {
        return jdbc.sql("select coalesce((extract(epoch from max(at)) * 1000)::bigint, 0) from income_records")
                .query(Long.class).single();
    }

    @Override
    public long latestFundingTimeMs(String symbol) {
        return jdbc.sql("""
                        select coalesce((extract(epoch from max(at)) * 1000)::bigint, 0) from income_records
                        where income_type = 'FUNDING_FEE' and symbol = ?""")
                .param(symbol).query(Long.class).single();
    }

    @Override
    public com.novaquant.execution.domain.PnlReport report(Instant from, Instant to, Map<PairId,
            BigDecimal> unrealisedByPair,
                                                           String markSource) {
        return pnl.report(from, to, unrealisedByPair, markSource);
    }

    @Override
    public void sampleUnrealised(Instant at, BigDecimal unrealised) {
        jdbc.sql("insert into unrealised_samples (at, unrealised) values (?, ?) on conflict (at) do nothing")
                .params(Timestamp.from(at), unrealised).update();
    }

    @Override
    public RecordTotals totals(Instant from, Instant to) {
        Timestamp start = Timestamp.from(from);
        Timestamp end = Timestamp.from(to);
        Map<String, Map<String, BigDecimal>> income = new HashMap<>();
        jdbc.sql("select income_type, asset, sum(amount) from income_records where at >= ? and at <= ? group by 1, 2")
                .params(start, end)
                .query(rs -> {
                    income.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getBigDecimal(3));
                });
        Map<String, BigDecimal> commission = new HashMap<>();
        jdbc.sql("""
                        select commission_asset, sum(commission) from exchange_trades
                        where venue = 'USDM' and at >= ? and at <= ? group by 1""")
                .params(start, end)
                .query(rs -> {
                    commission.put(rs.getString(1), rs.getBigDecimal(2));
                });
        BigDecimal realized = jdbc.sql("""
                        select coalesce(sum(realized_pnl), 0) from exchange_trades
                        where venue = 'USDM' and at >= ? and at <= ?""")
                .params(start, end).query(BigDecimal.class).single();
        return new RecordTotals(income, commission, realized);
    }

    private BigDecimal sum(String sql, String clientOrderId) {
        return jdbc.sql(sql).param(clientOrderId).query(BigDecimal.class).single();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
