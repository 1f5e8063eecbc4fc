package com.novaquant.testsupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The local desk runs Kafka on the well-known port, so the in-process broker must honour a fixed port. */
class InProcessKafkaFixedPortIT {

    @Test
    void aFixedPortIsTheAdvertisedBootstrapAddress() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (InProcessKafka kafka = InProcessKafka.start(port, 1, "fixed-port-topic");
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port))) {
            assertThat(kafka.bootstrapServers()).isEqualTo("localhost:" + port);
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("fixed-port-topic");
        }
    }
}
