package com.novaquant.execution.adapter.persistence;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Opens the trading lock's own connection, outside the pool, to the pool's database with the pool's driver settings
 * (keepalive, connect timeout) and the holder's name, and a socket timeout no longer than the lease check's period:
 * a black-holed connection then fails the check in seconds rather than after the kernel's TCP timeout.
 */
public final class LockConnectionFactory implements AdvisoryLockLease.LockConnections {

    private final String url;
    private final Properties properties = new Properties();

    public LockConnectionFactory(HikariDataSource pool, LeaseHolderName holder, Duration checkPeriod) {
        this.url = pool.getJdbcUrl();
        properties.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty(LedgerPoolNaming.APPLICATION_NAME, holder.value());
        properties.setProperty("socketTimeout", String.valueOf(Math.max(1, checkPeriod.toSeconds())));
        properties.setProperty("tcpKeepAlive", "true");
    }

    @Override
    public Connection open() throws SQLException {
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public String toString() {
        return "LockConnectionFactory[" + url + "]";
    }
}
