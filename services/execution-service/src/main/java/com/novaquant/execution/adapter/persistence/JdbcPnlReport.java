package com.novaquant.execution.adapter.persistence;

import com.novaquant.execution.domain.PnlReport;
import com.novaquant.execution.domain.PnlRow;
import com.novaquant.execution.domain.PnlSummary;
import com.novaquant.ids.PairId;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The PnL split read from the books. Every row of realised PnL comes from the exchange's records where they are
 * booked: commission and USD-M realised PnL from the trade records, funding from the income records. Spot has no
 * realised figure in its records; its basis is the ledger's average cost against the trades' prices. An order whose
 * trades are not booked yet counts with what its answer said, until they are.
 */
final class JdbcPnlReport {

    static final String NO_PAIR = "(no pair)";

    /** One row per money movement: pair, symbol, time, basis, funding, fees. */
    private static final String ROWS = """
            with rows as (
                select f.pair_id, f.symbol, f.at, f.realised_pnl as basis, 0::numeric as funding, f.fee_usdt as fees
                from fills f join orders o on o.client_order_id = f.client_order_id where not o.trades_booked
              union all
                select f.pair_id, f.symbol, f.at, f.realised_pnl, 0, 0
                from fills f join orders o on o.client_order_id = f.client_order_id
                where o.trades_booked and f.venue = 'SPOT'
              union all
                select t.pair_id, t.symbol, t.at, case when t.venue = 'USDM' then t.realized_pnl else 0 end, 0,
                       t.commission_usdt
                from exchange_trades t
              union all
                select i.pair_id, i.symbol, i.at, 0, i.amount, 0
                from income_records i where i.income_type = 'FUNDING_FEE' and i.asset = 'USDT'
            )
            """;

    private final JdbcClient jdbc;

    JdbcPnlReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PnlReport report(Instant from, Instant to, Map<PairId, BigDecimal> unrealisedByPair, String markSource) {
        Timestamp start = Timestamp.from(from);
        Timestamp end = Timestamp.from(to);
        List<PnlRow> byPair = rows("coalesce(pair_id, '" + NO_PAIR + "')", start, end);
        List<PnlRow> bySymbol = rows("symbol", start, end);
        List<PnlRow> byDay = rows("to_char(at at time zone 'UTC', 'YYYY-MM-DD')", start, end);
        BigDecimal basis = BigDecimal.ZERO;
        BigDecimal funding = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        for (PnlRow row : bySymbol) {
            basis = basis.add(row.basis());
            funding = funding.add(row.funding());
            fees = fees.add(row.fees());
        }
        long trades = jdbc.sql("select count(distinct client_order_id) from fills where at >= ? and at < ?")
                .params(start, end).query(Long.class).single();
        long closes = jdbc.sql("select count(*) from pair_closes where at >= ? and at < ?")
                .params(start, end).query(Long.class).single();
        long wins = jdbc.sql("select count(*) from pair_closes where at >= ? and at < ? and net_pnl > 0")
                .params(start, end).query(Long.class).single();
        BigDecimal unrealisedNow = unrealisedByPair.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Optional<BigDecimal> atStart = jdbc.sql(
                        "select unrealised from unrealised_samples where at <= ? order by at desc limit 1")
                .param(start).query(BigDecimal.class).optional();
        BigDecimal unrealisedAtStart = atStart.orElse(BigDecimal.ZERO);
        PnlSummary summary = new PnlSummary(basis, unrealisedNow.subtract(unrealisedAtStart), funding, fees, trades,
                wins, closes);
        return new PnlReport(from, to, summary, unrealisedNow, unrealisedAtStart, atStart.isPresent(), markSource,
                byPair, bySymbol, byDay);
    }

    private List<PnlRow> rows(String key, Timestamp start, Timestamp end) {
        return jdbc.sql(ROWS + "select " + key + " as k, sum(basis), sum(funding), sum(fees) from rows"
                        + " where at >= ? and at < ? group by 1 order by 1")
                .params(start, end)
                .query((rs, i) -> new PnlRow(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros(),
                        rs.getBigDecimal(3).stripTrailingZeros(), rs.getBigDecimal(4).stripTrailingZeros()))
                .list();
    }
}
