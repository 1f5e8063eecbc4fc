package com.novaquant.execution.adapter.persistence;

import com.novaquant.events.DeskMode;
import com.novaquant.events.KillSwitchState;
import com.novaquant.execution.application.PairRecord;
import com.novaquant.execution.application.TradingVenue;
import com.novaquant.execution.domain.PnlSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The ledger's history and reports in PostgreSQL: funding payments, the kill switch's history, PnL. */
class JdbcLedgerHistory {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    JdbcLedgerHistory(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    boolean recordFunding(TradingVenue.FundingIncome income) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            Optional<PairRecord> pair = LedgerRows.activePair(jdbc, income.symbol());
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

    long latestFundingTimeMs() {
        return jdbc.sql("select coalesce((extract(epoch from max(funding_time)) * 1000)::bigint, 0) from funding_payments")
                .query(Long.class).single();
    }

    void recordKillSwitch(KillSwitchState state) {
        jdbc.sql("insert into kill_switch_history (mode, engaged, reason, by_whom, at_ms, at) values (?, ?, ?, ?, ?, ?)")
                .params(state.mode().name(), state.engaged(), state.reason(), state.by(), state.atMs(), now()).update();
    }

    Optional<KillSwitchState> latestKillSwitch() {
        return jdbc.sql("select mode, reason, by_whom, at_ms from kill_switch_history order by id desc limit 1")
                .query((rs, i) -> new KillSwitchState(DeskMode.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .optional();
    }

    PnlSummary pnl(Instant since, Map<String, BigDecimal[]> marks) {
        Timestamp from = Timestamp.from(since);
        BigDecimal realised = sum("select coalesce(sum(realised_pnl), 0) from fills where at >= ?", from);
        BigDecimal fees = sum("select coalesce(sum(fee_usdt), 0) from fills where at >= ?", from);
        BigDecimal funding = sum("select coalesce(sum(amount), 0) from funding_payments where funding_time >= ? and asset = 'USDT'", from);
        long trades = jdbc.sql("select count(*) from fills where at >= ?").param(from).query(Long.class).single();
        long closes = jdbc.sql("select count(*) from pair_closes where at >= ?").param(from).query(Long.class).single();
        long wins = jdbc.sql("select count(*) from pair_closes where at >= ? and net_pnl > 0").param(from).query(Long.class).single();
        BigDecimal unrealised = BigDecimal.ZERO;
        for (PairRecord pair : LedgerRows.activePairs(jdbc)) {
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
}
