package com.novaquant.execution.adapter.persistence;

import com.novaquant.execution.application.TradingLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The trading lease as a PostgreSQL session-level advisory lock, held on a connection of its own (never one of the
 * pool's, which could go back to the pool still holding the lock). If the process dies the connection closes and
 * PostgreSQL frees the lock, so a standby instance takes over; a network partition from the database also loses it
 * (checked with a round trip bounded by the connection's socket timeout).
 * <p>
 * Taking the lock also makes this instance the holder in {@code trading_lease} and moves the epoch on: the fence
 * every ledger write passes (see the V5 migration) then refuses the writes, and so the orders, of any instance that
 * held it before.
 */
public class AdvisoryLockLease implements TradingLease {

    private static final Logger log = LoggerFactory.getLogger(AdvisoryLockLease.class);

    /** Opens the lock's own connection; it carries the holder's name as its application_name. */
    @FunctionalInterface
    public interface LockConnections {
        Connection open() throws SQLException;
    }

    private final LockConnections connections;
    private final DataSource pool;
    private final LeaseHolderName holder;
    private final long key;
    private Connection connection;
    private volatile long epoch;

    /**
     * @param pool the pool the ledger writes through: checked to carry the holder's name, since a pool that does not
     *             would have every write refused by the fence mid-trade
     */
    public AdvisoryLockLease(LockConnections connections, DataSource pool, LeaseHolderName holder, long key) {
        this.connections = connections;
        this.pool = pool;
        this.holder = holder;
        this.key = key;
    }

    @Override
    public synchronized boolean tryAcquire() {
        if (held()) {
            return true;
        }
        closeQuietly();
        try {
            connection = connections.open();
            connection.setAutoCommit(true);
            if (!lock()) {
                closeQuietly();
                return false;
            }
            if (!poolWritesAsHolder()) {
                log.error("The ledger's connections do not carry the lease holder's name {}: the fence would refuse"
                        + " every write; not trading", holder);
                release();
                return false;
            }
            epoch = takeOver();
            log.info("Trading lease taken by {} (epoch {})", holder, epoch);
            return true;
        } catch (SQLException e) {
            log.warn("Could not try the trading lock: {}", e.getMessage());
            closeQuietly();
            return false;
        }
    }

    /** Held: the lock connection is alive, holds the lock, and the lease row still names this instance. */
    @Override
    public synchronized boolean held() {
        if (connection == null) {
            return false;
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                select exists (select 1 from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()
                               and granted and ((classid::bigint << 32) | objid::bigint) = ?)
                   and exists (select 1 from trading_lease where id = 1 and holder = ? and epoch = ?)""")) {
            statement.setLong(1, key);
            statement.setString(2, holder.value());
            statement.setLong(3, epoch);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            log.warn("Trading lock connection failed: {}", e.getMessage());
            return false;
        }
    }

    @Override
    public long epoch() {
        return epoch;
    }

    @Override
    public synchronized void release() {
        if (connection == null) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            statement.setLong(1, key);
            statement.execute();
        } catch (SQLException e) {
            log.debug("Unlock failed (the connection close frees it): {}", e.getMessage());
        }
        closeQuietly();
    }

    private boolean lock() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Names this instance the holder and counts the hand-over; waits for a previous holder's write in flight. */
    private long takeOver() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into trading_lease (id, holder, epoch, acquired_at) values (1, ?, 1, now())
                on conflict (id) do update set holder = excluded.holder, epoch = trading_lease.epoch + 1,
                                               acquired_at = excluded.acquired_at
                returning epoch""")) {
            statement.setString(1, holder.value());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private boolean poolWritesAsHolder() throws SQLException {
        try (Connection pooled = pool.getConnection();
             PreparedStatement statement = pooled.prepareStatement("select current_setting('application_name')");
             ResultSet rs = statement.executeQuery()) {
            return rs.next() && holder.value().equals(rs.getString(1));
        }
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // The lock dies with the session either way.
            }
            connection = null;
        }
    }
}
