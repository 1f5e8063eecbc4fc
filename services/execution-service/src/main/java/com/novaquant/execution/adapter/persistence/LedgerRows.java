package com.novaquant.execution.adapter.persistence;

import com.novaquant.events.Side;
import com.novaquant.events.Venue;
import com.novaquant.execution.application.OrderRecord;
import com.novaquant.execution.application.PairRecord;
import com.novaquant.execution.domain.LegPosition;
import com.novaquant.execution.domain.OrderPurpose;
import com.novaquant.execution.domain.OrderStatus;
import com.novaquant.execution.domain.PairState;
import com.novaquant.ids.ClientOrderId;
import com.novaquant.ids.PairId;
import com.novaquant.ids.SignalId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** How the ledger's rows read back, and which pair states count as active (the partial unique index's list). */
final class LedgerRows {

    static final String ACTIVE = "('OPENING','OPEN','REDUCING','CLOSING','BROKEN')";

    private LedgerRows() {
    }

    static Optional<PairRecord> activePair(JdbcClient jdbc, String symbol) {
        return jdbc.sql("select * from pairs where symbol = ? and state in " + ACTIVE).param(symbol)
                .query(PAIR).optional();
    }

    static List<PairRecord> activePairs(JdbcClient jdbc) {
        return jdbc.sql("select * from pairs where state in " + ACTIVE + " order by opened_at").query(PAIR).list();
    }

    static final RowMapper<PairRecord> PAIR = (ResultSet rs, int i) -> new PairRecord(
            new PairId(rs.getString("pair_id")), rs.getString("symbol"), PairState.valueOf(rs.getString("state")),
            new LegPosition(strip(rs.getBigDecimal("spot_qty")), rs.getBigDecimal("spot_entry_price")),
            new LegPosition(strip(rs.getBigDecimal("perp_qty")), rs.getBigDecimal("perp_entry_price")),
            strip(rs.getBigDecimal("spot_commission")), rs.getBigDecimal("realised_pnl"), rs.getBigDecimal("fees"), rs.getBigDecimal("funding"),
            new SignalId(rs.getString("last_signal_id")), rs.getTimestamp("opened_at").toInstant());

    static final RowMapper<OrderRecord> ORDER = (ResultSet rs, int i) -> new OrderRecord(
            new ClientOrderId(rs.getString("client_order_id")), new PairId(rs.getString("pair_id")),
            new SignalId(rs.getString("signal_id")), rs.getString("symbol"),
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
