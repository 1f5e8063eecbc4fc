package com.novaquant.testsupport;

import com.novaquant.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka broker and one PostgreSQL server per test JVM, started on first use and stopped when the JVM exits.
 * Starting a broker per test class makes CI slow on a 2-core machine.
 *
 * <p>Testcontainers serve them where a Docker engine is reachable; otherwise an in-process KRaft broker and an
 * embedded PostgreSQL (both real servers). Set {@code -Dnova.test.in-process=true} to force the latter.
 */
public final class SharedInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(SharedInfrastructure.class);
    private static KafkaServer kafka;
    private static PostgresServer postgres;

    private SharedInfrastructure() {
    }

    public static synchronized KafkaServer kafka() {
        if (kafka == null) {
            long start = System.nanoTime();
            kafka = ContainerServers.dockerAvailable()
                    ? ContainerServers.kafka()
                    : InProcessKafka.start(0, 3, Topics.ALL.toArray(String[]::new));
            log.info("Kafka ({}) at {} started in {} ms", kafka.kind(), kafka.bootstrapServers(),
                    (System.nanoTime() - start) / 1_000_000);
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "kafka-shutdown"));
        }
        return kafka;
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            long start = System.nanoTime();
            postgres = ContainerServers.dockerAvailable() ? ContainerServers.postgres() : EmbeddedPostgresServer.start(0, null);
            log.info("PostgreSQL ({}) at {} started in {} ms", postgres.kind(), postgres.jdbcUrl(),
                    (System.nanoTime() - start) / 1_000_000);
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "postgres-shutdown"));
        }
        return postgres;
    }
}
