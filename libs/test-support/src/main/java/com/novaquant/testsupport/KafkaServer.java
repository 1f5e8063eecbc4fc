package com.novaquant.testsupport;

import com.novaquant.events.DeskPrincipal;
import org.apache.kafka.clients.CommonClientConfigs;

import java.util.Map;
import java.util.Optional;

/** A running, real Kafka broker. */
public interface KafkaServer extends AutoCloseable {

    String bootstrapServers();

    /** Which path served it: {@code in-process} or {@code testcontainers}. */
    String kind();

    /**
     * The SCRAM password of a desk service on a broker that authenticates its clients; empty on a broker that lets
     * any client in (plaintext), where the services connect without a login.
     */
    default Optional<String> password(DeskPrincipal principal) {
        return Optional.empty();
    }

    /**
     * Properties of a client with every right on this broker: the bootstrap address and, on a broker that
     * authenticates, the super user's login. For set-up, tests and tools, never for a desk service.
     */
    default Map<String, Object> adminClientProperties() {
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    }

    @Override
    void close();
}
