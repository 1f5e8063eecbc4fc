package com.novaquant.execution.it;

import com.novaquant.execution.adapter.persistence.AdvisoryLockLease;
import com.novaquant.execution.adapter.persistence.JdbcLedger;
import com.novaquant.execution.adapter.persistence.LeaseHolderName;
import com.novaquant.execution.adapter.persistence.LedgerPoolNaming;
import com.novaquant.execution.adapter.persistence.LockConnectionFactory;
import com.novaquant.ids.PairId;
import com.novaquant.ids.SignalId;
import com.novaquant.testsupport.PostgresServer;
import com.novaquant.testsupport.SharedInfrastructure;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two execution instances over one real PostgreSQL during a hand-over: the one whose lock connection died keeps
 * running for a moment (its next lease check has not come yet) and must not be able to write the ledger, and so
 * cannot send an order (every order needs its write-ahead row first).
 */
class TradingLeaseFenceIT {

    private final List<HikariDataSource> pools = new ArrayList<>();
    private final List<AdvisoryLockLease> leases = new ArrayList<>();
    private String url;
    private PostgresServer postgres;
    private JdbcClient admin;
    /** Advisory locks are per database, not per schema: a key of its own so no other suite's lease meets it. */
    private final long key = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);

    @BeforeEach
    void schema() {
        postgres = SharedInfrastructure.postgres();
        String schema = "lease_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        url = postgres.jdbcUrl() + (postgres.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        DriverManagerDataSource migrations = new DriverManagerDataSource(url, postgres.username(), postgres.password());
        Flyway.configure().dataSource(migrations).schemas(schema).load().migrate();
        admin = JdbcClient.create(migrations);
    }

    @AfterEach
    void close() {
        leases.forEach(AdvisoryLockLease::release);
        pools.forEach(HikariDataSource::close);
    }

    @Test
    void anInstanceThatLostTheLeaseCannotWriteTheLedgerOnceAnotherHoldsIt() {
        Instance first = instance("first");
        Instance second = instance("second");
        assertThat(first.lease.tryAcquire()).isTrue();
        assertThat(first.lease.epoch()).isEqualTo(1);
        assertThat(second.lease.tryAcquire()).as("the lock is held").isFalse();
        first.ledger.openPair(new PairId("pair-before"), "BTCUSDT", new SignalId("s-1"));

        // The first instance's lock connection dies (a partition, a database failover); its pool lives on.
        terminateLockSession();
        assertThat(second.lease.tryAcquire()).isTrue();
        assertThat(second.lease.epoch()).isEqualTo(2);

        assertThatThrownBy(() -> first.ledger.openPair(new PairId("pair-stale"), "BTCUSDT", new SignalId("s-2")))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("lease fenced");
        assertThat(admin.sql("select count(*) from pairs where pair_id = 'pair-stale'").query(Long.class).single())
                .isZero();
        assertThat(first.lease.held()).isFalse();

        second.ledger.openPair(new PairId("pair-after"), "ETHUSDT", new SignalId("s-3"));
        assertThat(second.lease.held()).isTrue();
        assertThat(admin.sql("select holder from trading_lease").query(String.class).single())
                .isEqualTo(second.holder.value());
    }

    @Test
    void aFencedWriteTakesNothingWithItInsideItsTransaction() {
        Instance first = instance("first");
        Instance second = instance("second");
        assertThat(first.lease.tryAcquire()).isTrue();
        first.ledger.openPair(new PairId("pair-1"), "BTCUSDT", new SignalId("s-1"));
        terminateLockSession();
        assertThat(second.lease.tryAcquire()).isTrue();

        // Closing writes the state and the close row in one transaction: neither lands.
        assertThatThrownBy(() -> first.ledger.setPairState(new PairId("pair-1"),
                com.novaquant.execution.domain.PairState.CLOSED,
                new SignalId("s-2"))).isInstanceOf(DataAccessException.class);
        assertThat(admin.sql("select state from pairs where pair_id = 'pair-1'").query(String.class).single())
                .isEqualTo("OPENING");
    }

    @Test
    void theLedgerAloneOnAFreshSchemaIsNotFenced() {
        // Before any instance has held the lease there is no holder to compare with (a ledger test, a first start).
        Instance only = instance("only");
        only.ledger.openPair(new PairId("pair-1"), "BTCUSDT", new SignalId("s-1"));
        assertThat(admin.sql("select count(*) from trading_lease").query(Long.class).single()).isZero();
    }

    private void terminateLockSession() {
        List<Integer> pids = admin.sql("select pid from pg_locks where locktype = 'advisory' and granted"
                + " and ((classid::bigint << 32) | objid::bigint) = ?").param(key).query(Integer.class).list();
        assertThat(pids).hasSize(1);
        admin.sql("select pg_terminate_backend(?)").param(pids.getFirst()).query(Boolean.class).single();
        // Terminating is asynchronous: the lock is free once the session is gone.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> admin.sql(
                "select count(*) from pg_locks where locktype = 'advisory' and ((classid::bigint << 32) | objid::bigint) = ?")
                .param(key).query(Long.class).single() == 0);
    }

    private Instance instance(String name) {
        LeaseHolderName holder = new LeaseHolderName("execution/it-" + name + "/" + UUID.randomUUID().toString()
                .substring(0, 8));
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(postgres.username());
        pool.setPassword(postgres.password());
        pool.setMaximumPoolSize(2);
        new LedgerPoolNaming(holder).postProcessBeforeInitialization(pool, "dataSource");
        pools.add(pool);
        AdvisoryLockLease lease = new AdvisoryLockLease(new LockConnectionFactory(pool, holder, Duration.ofSeconds(5)),
                pool, holder, key);
        leases.add(lease);
        JdbcLedger ledger = new JdbcLedger(JdbcClient.create(pool),
                new TransactionTemplate(new DataSourceTransactionManager(pool)), Clock.systemUTC());
        return new Instance(holder, lease, ledger);
    }

    private record Instance(LeaseHolderName holder, AdvisoryLockLease lease, JdbcLedger ledger) {
    }
}
