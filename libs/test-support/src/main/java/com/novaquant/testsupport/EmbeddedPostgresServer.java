package com.novaquant.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The real PostgreSQL binaries, started as a child process on loopback. Used where no Docker engine runs. */
public final class EmbeddedPostgresServer implements PostgresServer {

    private final EmbeddedPostgres postgres;
    private volatile long postmasterPid;

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

    /**
     * Suspends every process of the server (SIGSTOP to the postmaster and its backends): to its clients the database
     * is black-holed, as behind a network partition; open connections hang and new ones are never answered.
     * {@link #thaw()} resumes them. Only this server's own processes are signalled, by PID.
     */
    public void freeze() {
        signal("-STOP");
    }

    /** Resumes a server {@link #freeze() frozen} before; its clients' open connections carry on where they were. */
    public void thaw() {
        signal("-CONT");
    }

    private void signal(String signal) {
        ProcessHandle postmaster = postmaster();
        List<String> command = new ArrayList<>(List.of("kill", signal, Long.toString(postmaster.pid())));
        postmaster.descendants().forEach(child -> command.add(Long.toString(child.pid())));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes());
            // A backend that ended between listing and signalling is no error: kill then reports it and exits 1.
            if (kill.waitFor() != 0 && !output.contains("No such process")) {
                throw new IllegalStateException("kill " + signal + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The postmaster: the parent of the backend serving a connection of our own (the server forks one per client). */
    private ProcessHandle postmaster() {
        if (postmasterPid == 0) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 ResultSet rs = connection.createStatement().executeQuery("select pg_backend_pid()")) {
                rs.next();
                long backend = rs.getLong(1);
                postmasterPid = ProcessHandle.of(backend).flatMap(ProcessHandle::parent)
                        .orElseThrow(() -> new IllegalStateException("no postmaster above backend " + backend)).pid();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot find the PostgreSQL server's process", e);
            }
        }
        return ProcessHandle.of(postmasterPid).orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
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
