package com.novaquant.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The real PostgreSQL binaries, started as a child process on loopback. Used where no Docker engine runs. */
public final class EmbeddedPostgresServer implements PostgresServer {

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param port    the port, or 0 for a free one
     * @param dataDir where to keep the data (survives restarts), or null for a throw-away directory
     */
    public static EmbeddedPostgresServer start(int port, Path dataDir) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", dataDir == null ? "off" : "on");
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDir != null) {
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            return new EmbeddedPostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    @Override
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public String username() {
        return "postgres";
    }

    @Override
    public String password() {
        return "postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public String kind() {
        return "embedded";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
