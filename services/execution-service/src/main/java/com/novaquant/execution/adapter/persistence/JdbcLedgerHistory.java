package com.novaquant.execution.adapter.persistence;

import com.novaquant.events.DeskMode;
import com.novaquant.events.KillSwitchState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/** The kill switch's history in PostgreSQL. */
class JdbcLedgerHistory {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    JdbcLedgerHistory(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
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

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
