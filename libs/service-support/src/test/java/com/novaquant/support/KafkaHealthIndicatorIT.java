package com.novaquant.support;

import com.novaquant.testsupport.KafkaServer;
import com.novaquant.testsupport.RealInfrastructure;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;

import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Readiness follows Kafka: the {@code kafka} contributor is UP with a broker and DOWN without one. */
@RealInfrastructure
class KafkaHealthIndicatorIT {

    @Test
    void upWhileTheBrokerAnswers(KafkaServer kafka) {
        try (var indicator = new KafkaHealthIndicator(admin(kafka.bootstrapServers()))) {
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        }
    }

    @Test
    void downWhenNoBrokerListens() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (var indicator = new KafkaHealthIndicator(admin("localhost:" + closedPort))) {
            assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        }
    }

    private static KafkaAdmin admin(String bootstrap) {
        return new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }
}
