package com.novaquant.execution.it;

import com.novaquant.events.Side;
import com.novaquant.events.Signal;
import com.novaquant.events.Venue;
import com.novaquant.execution.adapter.persistence.JdbcLedger;
import com.novaquant.execution.application.OrderRecord;
import com.novaquant.execution.application.PairRecord;
import com.novaquant.execution.domain.ClientOrderIds;
import com.novaquant.execution.domain.OrderPurpose;
import com.novaquant.execution.domain.OrderStatus;
import com.novaquant.execution.domain.PairState;
import com.novaquant.ids.ClientOrderId;
import com.novaquant.ids.PairId;
import com.novaquant.ids.SignalId;
import com.novaquant.testsupport.PostgresServer;
import com.novaquant.testsupport.SharedInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How a signal is recorded, in real PostgreSQL (a schema of its own): the read before the decision writes nothing,
 * a trade's claim goes with its write-ahead in one statement, a refusal is one insert, and of two deliveries of one
 * signal that both read before either writes only one writes anything.
 */
class SignalWritesIT {

    private static final Instant T0 = Instant.parse("2026-03-02T07:00:00Z");

    private static CountingDataSource dataSource;
    private static JdbcClient jdbc;
    private static TransactionTemplate tx;

    private JdbcLedger ledger;
    private String symbol;

    @BeforeAll
    static void schema() {
        PostgresServer postgres = SharedInfrastructure.postgres();
        String schema = "signals_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = postgres.jdbcUrl() + (postgres.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        DriverManagerDataSource direct = new DriverManagerDataSource(url, postgres.username(), postgres.password());
        Flyway.configure().dataSource(direct).schemas(schema).load().migrate();
        dataSource = new CountingDataSource(direct);
        jdbc = JdbcClient.create(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @BeforeEach
    void ledger() {
        ledger = new JdbcLedger(jdbc, tx, Clock.fixed(T0, ZoneOffset.UTC));
        symbol = "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase() + "USDT";
    }

    @Test
    void theWriteAheadOfASignalAlreadyClaimedWritesNoPairAndNoOrderAndSaysSo() {
        Signal signal = signal("1");
        PairId pairId = ClientOrderIds.pairId(signal.signalId());
        // Two deliveries of the signal both read before either writes: each finds it unrecorded; reading wrote nothing.
        assertThat(ledger.exposureUnlessSeen(signal)).isPresent();
        assertThat(ledger.exposureUnlessSeen(signal)).isPresent();
        assertThat(count("select count(*) from processed_signals where signal_id = ?",
                signal.signalId().value())).isZero();

        int before = dataSource.transactions();
        Optional<PairRecord> first = ledger.claimAndWriteAhead(signal, pairId, PairState.OPENING, legs(signal, pairId));
        assertThat(dataSource.transactions() - before).as("transactions of the first write-ahead").isEqualTo(1);
        assertThat(first).hasValueSatisfying(pair -> assertThat(pair.state()).isEqualTo(PairState.OPENING));
        // The claim, the pair and both orders were committed by one and the same transaction.
        List<String> writers = jdbc.sql("""
                        select xmin::text from processed_signals where signal_id = ?
                        union all select xmin::text from pairs where pair_id = ?
                        union all select xmin::text from orders where signal_id = ?""")
                .params(signal.signalId().value(), pairId.value(),
                        signal.signalId().value()).query(String.class).list();
        assertThat(writers).hasSize(4).containsOnly(writers.getFirst());
        assertThat(outcome(signal)).isEqualTo("IN_PROGRESS");

        // The second delivery decided otherwise (another pair, other orders): had anything but the claim decided what
        // is written, those would be.
        PairId otherPair = new PairId("P-" + UUID.randomUUID());
        List<OrderRecord> otherLegs = List.of(order(otherPair, signal, new ClientOrderId("xs" + uuid32()), Venue.SPOT),
                order(otherPair, signal, new ClientOrderId("xp" + uuid32()), Venue.USDM));
        Optional<PairRecord> second = ledger.claimAndWriteAhead(signal, otherPair, PairState.OPENING, otherLegs);

        assertThat(second).as("the second write-ahead says nothing was written").isEmpty();
        assertThat(ledger.pair(otherPair)).isEmpty();
        assertThat(ledger.ordersOfSignal(signal.signalId())).extracting(OrderRecord::pairId)
                .containsOnly(pairId).hasSize(2);
        assertThat(ledger.pair(pairId)).contains(first.get());
        assertThat(outcome(signal)).isEqualTo("IN_PROGRESS");
        assertThat(ledger.exposureUnlessSeen(signal)).as("a redelivery from now on reads nothing").isEmpty();
    }

    @Test
    void aRefusalRecordsTheSignalWithItsOutcomeInOneWrite() {
        Signal signal = signal("0");

        int before = dataSource.transactions();
        assertThat(ledger.recordRefusal(signal, "NO_CHANGE", "nothing to close")).isTrue();
        assertThat(dataSource.transactions() - before).as("transactions of the refusal").isEqualTo(1);

        assertThat(jdbc.sql("""
                        select symbol, target_qty, outcome, detail, received_at, completed_at from processed_signals
                        where signal_id = ?""").param(signal.signalId().value())
                .query((rs, i) -> List.of(rs.getString("symbol"), rs.getBigDecimal("target_qty").stripTrailingZeros(),
                        rs.getString("outcome"), rs.getString("detail"), rs.getTimestamp("received_at").toInstant(),
                        rs.getTimestamp("completed_at").toInstant())).single())
                .containsExactly(symbol, BigDecimal.ZERO, "NO_CHANGE", "nothing to close", T0, T0);
        assertThat(ledger.exposureUnlessSeen(signal)).isEmpty();

        // A second delivery's refusal (or trade) is a duplicate: nothing written, the first outcome stands.
        assertThat(ledger.recordRefusal(signal, "KILL_SWITCH", "later")).isFalse();
        assertThat(ledger.claimAndWriteAhead(signal, ClientOrderIds.pairId(signal.signalId()), PairState.OPENING,
                legs(signal, ClientOrderIds.pairId(signal.signalId())))).isEmpty();
        assertThat(outcome(signal)).isEqualTo("NO_CHANGE");
        assertThat(ledger.ordersOfSignal(signal.signalId())).isEmpty();
    }

    @Test
    void aWriteAheadThatMeetsAnotherDeliverysInFlightWaitsForItAndWritesNothing() {
        Signal signal = signal("1");
        PairId pairId = ClientOrderIds.pairId(signal.signalId());
        assertThat(ledger.exposureUnlessSeen(signal)).isPresent();
        assertThat(ledger.exposureUnlessSeen(signal)).isPresent();

        CompletableFuture<Optional<PairRecord>> second = new CompletableFuture<>();
        Optional<PairRecord> first = tx.execute(status -> {
            // The first delivery's write-ahead, not yet committed; its session blocks the other one.
            Optional<PairRecord> written = ledger.claimAndWriteAhead(signal, pairId, PairState.OPENING,
                    legs(signal, pairId));
            int firstSession = jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
            Thread.ofVirtual().start(() -> {
                try {
                    second.complete(ledger.claimAndWriteAhead(signal, pairId, PairState.OPENING,
                            legs(signal, pairId)));
                } catch (RuntimeException e) {
                    second.completeExceptionally(e);
                }
            });
            JdbcClient observer = JdbcClient.create(dataSource.getTargetDataSource());
            await().atMost(Duration.ofSeconds(30)).until(() -> second.isDone() || observer.sql(
                    "select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))")
                    .param(firstSession).query(Long.class).single() > 0);
            assertThat(second).as("the second write-ahead waits for the first one's commit").isNotDone();
            return written;
        });

        assertThat(first).isPresent();
        assertThat(second.join()).as("the second write-ahead, once the first committed").isEmpty();
        assertThat(ledger.ordersOfSignal(signal.signalId())).hasSize(2);
        assertThat(count("select count(*) from pairs where last_signal_id = ?",
                signal.signalId().value())).isEqualTo(1);
        assertThat(outcome(signal)).isEqualTo("IN_PROGRESS");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private Signal signal(String target) {
        BigDecimal qty = new BigDecimal(target);
        return new Signal(new SignalId("s-" + UUID.randomUUID()), symbol, qty, qty.multiply(new BigDecimal("100")),
                Signal.Reason.CARRY_ABOVE_ENTRY, 0.1, null, null, null, 0, Long.MAX_VALUE);
    }

    private static List<OrderRecord> legs(Signal signal, PairId pairId) {
        return List.of(order(pairId, signal, ClientOrderIds.of(signal.signalId(), Venue.SPOT, OrderPurpose.OPEN, 0),
                        Venue.SPOT),
                order(pairId, signal, ClientOrderIds.of(signal.signalId(), Venue.USDM, OrderPurpose.OPEN, 0),
                        Venue.USDM));
    }

    private static OrderRecord order(PairId pairId, Signal signal, ClientOrderId clientOrderId, Venue venue) {
        return new OrderRecord(clientOrderId, pairId, signal.signalId(), signal.symbol(), venue,
                venue == Venue.SPOT ? Side.BUY : Side.SELL, BigDecimal.ONE, false, OrderPurpose.OPEN, OrderStatus.NEW,
                0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, "", 0, null, false, 1, 1, T0);
    }

    private static String uuid32() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String outcome(Signal signal) {
        return jdbc.sql("select outcome from processed_signals where signal_id = ?").param(signal.signalId().value())
                .query(String.class).optional().orElse("");
    }

    private static long count(String sql, String param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }

    /**
     * The ledger's data source, counting the connections taken from it. The ledger takes one per statement outside a
     * transaction (each then runs in autocommit: one transaction) and one per transaction: so one per commit.
     */
    private static final class CountingDataSource extends DelegatingDataSource {

        private final AtomicInteger connections = new AtomicInteger();

        CountingDataSource(DataSource target) {
            super(target);
        }

        int transactions() {
            return connections.get();
        }

        @Override
        public Connection getConnection() throws SQLException {
            connections.incrementAndGet();
            return super.getConnection();
        }
    }
}
