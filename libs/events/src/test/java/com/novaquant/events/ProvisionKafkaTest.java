package com.novaquant.events;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvisionKafkaTest {

    private static final Map<String, String> COMPLETE = Map.of(
            "NOVA_KAFKA_BOOTSTRAP_SERVERS", "localhost:1",
            "NOVA_KAFKA_ADMIN_USERNAME", "admin",
            "NOVA_KAFKA_ADMIN_PASSWORD", "secret-password");

    @Test
    void aMissingSettingIsNamedBeforeAnyConnection() {
        for (String name : COMPLETE.keySet()) {
            Map<String, String> env = new java.util.HashMap<>(COMPLETE);
            env.remove(name);
            assertThatThrownBy(() -> ProvisionKafka.run(env::get))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(name + " is not set");
        }
    }

    @Test
    void aReplicationFactorThatIsNotAPositiveNumberIsRefused() {
        Map<String, String> env = new java.util.HashMap<>(COMPLETE);
        env.put("NOVA_KAFKA_REPLICAS", "0");
        assertThatThrownBy(() -> ProvisionKafka.run(env::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NOVA_KAFKA_REPLICAS");
    }

    @Test
    void aProtocolWithoutALoginIsRefused() {
        Map<String, String> env = new java.util.HashMap<>(COMPLETE);
        env.put("NOVA_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
        assertThatThrownBy(() -> ProvisionKafka.run(env::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SASL");
    }
}
