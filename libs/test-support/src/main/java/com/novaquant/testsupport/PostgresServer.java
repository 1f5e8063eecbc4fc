package com.novaquant.testsupport;

/** A running, real PostgreSQL server. */
public interface PostgresServer extends AutoCloseable {

    String jdbcUrl();

    String username();

    String password();

    /** Which path served it: {@code embedded} or {@code testcontainers}. */
    String kind();

    @Override
    void close();
}
