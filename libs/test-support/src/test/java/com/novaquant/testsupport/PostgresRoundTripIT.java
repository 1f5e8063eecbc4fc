package com.novaquant.testsupport;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

@RealInfrastructure(postgres = true)
class PostgresRoundTripIT {

    @Test
    void aRowWrittenToARealPostgresIsReadBackExactly(PostgresServer postgres) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
             Statement statement = connection.createStatement()) {
            statement.execute("create temporary table fills (id serial primary key, qty numeric(36,18) not null)");
            try (PreparedStatement insert = connection.prepareStatement("insert into fills (qty) values (?)")) {
                insert.setBigDecimal(1, new BigDecimal("0.000000000000000001"));
                insert.executeUpdate();
            }
            try (ResultSet rs = statement.executeQuery("select qty, version() from fills")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("0.000000000000000001");
                assertThat(rs.getString(2)).as("served by " + postgres.kind()).startsWith("PostgreSQL");
            }
        }
    }

    @Test
    void springPropertiesPointAtTheServer(PostgresServer postgres) {
        assertThat(System.getProperty("spring.datasource.url")).isEqualTo(postgres.jdbcUrl());
        assertThat(System.getProperty("spring.kafka.bootstrap-servers")).isNotBlank();
    }
}
