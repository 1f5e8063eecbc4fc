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
 * The trading lease as a PostgreSQL session-level advisory lock, held on one dedicated connection for as long as
 * this instance trades. If the process dies the connection closes and PostgreSQL frees the lock, so a standby
 * instance takes over; a network partition from the database also loses it (checked with a round trip).
 */
public class AdvisoryLockLease implements TradingLease {

    private static final Logger log = LoggerFactory.getLogger(AdvisoryLockLease.class);

    private final DataSource dataSource;
    private final long key;
    private Connection connection;

    public AdvisoryLockLease(DataSource dataSource, long key) {
        this.dataSource = dataSource;
        this.key = key;
    }

    @Override
    public synchronized boolean tryAcquire() {
        if (held()) {
            return true;
        }
        closeQuietly();
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                statement.setLong(1, key);
                try (ResultSet rs = statement.executeQuery()) {
                    boolean locked = rs.next() && rs.getBoolean(1);
                    if (!locked) {
                        closeQuietly();
                    }
                    return locked;
                }
            }
        } catch (SQLException e) {
            log.warn("Could not try the trading lock: {}", e.getMessage());
            closeQuietly();
            return false;
        }
    }

    @Override
    public synchronized boolean held() {
        if (connection == null) {
            return false;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "select count(*) from pg_locks where locktype = 'advisory' and pid = pg_backend_pid() and granted"
                        + " and ((classid::bigint << 32) | objid::bigint) = ?")) {
            statement.setLong(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            log.warn("Trading lock connection failed: {}", e.getMessage());
            return false;
        }
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
