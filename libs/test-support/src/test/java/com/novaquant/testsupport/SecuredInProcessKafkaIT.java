package com.novaquant.testsupport;

import com.novaquant.events.DeskPrincipal;
import com.novaquant.events.KafkaAccessProvisioner;
import com.novaquant.events.ProvisionKafka;
import com.novaquant.events.ScramClientProperties;
import com.novaquant.events.TopicDefinitions;
import com.novaquant.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static com.novaquant.events.DeskPrincipal.ALERT;
import static com.novaquant.events.DeskPrincipal.EXECUTION;
import static com.novaquant.events.DeskPrincipal.INGESTION;
import static com.novaquant.events.DeskPrincipal.SIGNAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The secured broker enforces who the desk's clients are (SCRAM) and what each may do (ACLs from TopicAccess). */
class SecuredInProcessKafkaIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static SecuredInProcessKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = SecuredInProcessKafka.start(0, 1, Topics.ALL.toArray(String[]::new));
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void theSignalPrincipalWritesSignalsAndExecutionReadsThem() throws Exception {
        String value = "signal-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer(kafka.clientProperties(SIGNAL))) {
            RecordMetadata sent = producer.send(new ProducerRecord<>(Topics.SIGNALS, "BTCUSDT", value))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(sent.topic()).isEqualTo(Topics.SIGNALS);
        }
        try (KafkaConsumer<String, String> consumer =
                     consumer(kafka.clientProperties(EXECUTION), "execution-service-signals-" + UUID.randomUUID())) {
            consumer.subscribe(List.of(Topics.SIGNALS));
            assertThat(firstRecordWithValue(consumer, value)).as("the signal, read as execution").isTrue();
        }
    }

    @Test
    void aProducerWithoutTheSignalPrincipalIsRefusedOnSignals() {
        for (DeskPrincipal other : List.of(INGESTION, ALERT, EXECUTION)) {
            assertRefusedWriting(other, Topics.SIGNALS);
        }
    }

    @Test
    void onlyExecutionWritesControl() throws Exception {
        try (KafkaProducer<String, String> producer = producer(kafka.clientProperties(EXECUTION))) {
            producer.send(new ProducerRecord<>(Topics.CONTROL, Topics.KILL_SWITCH_KEY, "{}"))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        for (DeskPrincipal other : List.of(INGESTION, SIGNAL, ALERT)) {
            assertRefusedWriting(other, Topics.CONTROL);
        }
    }

    @Test
    void aServiceThatRaisesNoAlertsCannotForgeOneThatWouldHaltTheDesk() throws Exception {
        for (DeskPrincipal writer : List.of(INGESTION, EXECUTION, ALERT)) {
            try (KafkaProducer<String, String> producer = producer(kafka.clientProperties(writer))) {
                producer.send(new ProducerRecord<>(Topics.ALERTS, "probe", "{}")).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        }
        assertRefusedWriting(SIGNAL, Topics.ALERTS);
    }

    @Test
    void onlyIngestionWritesFeedGatesAndEveryServiceReadsThem() throws Exception {
        String value = "gate-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer(kafka.clientProperties(INGESTION))) {
            RecordMetadata sent = producer.send(new ProducerRecord<>(Topics.FEED_GATES, "feed-gate:BTCUSDT", value))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(sent.topic()).isEqualTo(Topics.FEED_GATES);
        }
        for (DeskPrincipal other : List.of(SIGNAL, EXECUTION, ALERT)) {
            assertRefusedWriting(other, Topics.FEED_GATES);
        }
        for (DeskPrincipal reader : List.of(INGESTION, SIGNAL, EXECUTION, ALERT)) {
            String group = reader.consumerGroupPrefixes().getFirst() + "-feed-gates-" + UUID.randomUUID();
            try (KafkaConsumer<String, String> consumer = consumer(kafka.clientProperties(reader), group)) {
                consumer.subscribe(List.of(Topics.FEED_GATES));
                assertThat(firstRecordWithValue(consumer, value)).as("the gate, read as %s", reader).isTrue();
            }
        }
    }

    @Test
    void aClientWithAWrongPasswordIsRefused() {
        Map<String, Object> wrong = ScramClientProperties.of(SIGNAL.username(), "not-the-password");
        assertThatThrownBy(() -> listTopics(wrong))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void aClientOfAnUnknownUserIsRefused() {
        Map<String, Object> stranger = ScramClientProperties.of("mallory", "any-password");
        assertThatThrownBy(() -> listTopics(stranger))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void aClientWithoutSaslGetsNoAnswer() {
        // The broker closes a connection that skips the SASL handshake, so the client only ever times out.
        Map<String, Object> plaintext = Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        assertThatThrownBy(() -> listTopics(plaintext))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(TimeoutException.class);
    }

    @Test
    void aConsumerOutsideItsServicesGroupsIsRefused() {
        try (KafkaConsumer<String, String> consumer = consumer(kafka.clientProperties(EXECUTION), "signal-service")) {
            consumer.subscribe(List.of(Topics.SIGNALS));
            assertThatThrownBy(() -> consumer.poll(WAIT)).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void provisioningAgainChangesNothing() throws Exception {
        try (Admin admin = Admin.create(kafka.adminClientProperties())) {
            assertThat(new KafkaAccessProvisioner(admin).provision(TopicDefinitions.all(1, (short) 1), WAIT)).isEmpty();
            assertThat(admin.describeAcls(AclBindingFilter.ANY).values().get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .containsExactlyInAnyOrderElementsOf(KafkaAccessProvisioner.bindings());
        }
    }

    @Test
    void theProvisioningProgramBringsAnExistingTopicsSettingsInLineWithTheDeploymentsValues() throws Exception {
        Map<String, String> env = Map.of(
                "NOVA_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "NOVA_KAFKA_ADMIN_USERNAME", SecuredInProcessKafka.ADMIN,
                "NOVA_KAFKA_ADMIN_PASSWORD", kafka.adminPassword(),
                "NOVA_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "NOVA_KAFKA_REPLICAS", "1",
                "NOVA_KAFKA_TOPIC_CONFIGS", "nova.exec.events:retention.ms=2592000000",
                "NOVA_KAFKA_TIMEOUT_SECONDS", "10");

        assertThat(ProvisionKafka.run(env::get))
                .contains("topic settings changed [nova.exec.events retention.ms: 604800000 -> 2592000000]");
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.EXEC_EVENTS);
        try (Admin admin = Admin.create(kafka.adminClientProperties())) {
            assertThat(admin.describeConfigs(List.of(resource)).all().get(WAIT.toSeconds(), TimeUnit.SECONDS)
                    .get(resource).get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("2592000000");
        }
        assertThat(ProvisionKafka.run(env::get)).as("a second run finds nothing to change")
                .contains("topic settings changed []");
    }

    @Test
    void theRiskStateTopicsHaveOnePartitionAndAreCompacted() throws Exception {
        try (Admin admin = Admin.create(kafka.adminClientProperties())) {
            for (String topic : List.of(Topics.CONTROL, Topics.FEED_GATES)) {
                assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get(WAIT.toSeconds(), TimeUnit.SECONDS)
                        .get(topic).partitions()).hasSize(1);
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                assertThat(admin.describeConfigs(List.of(resource)).all().get(WAIT.toSeconds(), TimeUnit.SECONDS)
                        .get(resource).get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
            }
        }
    }

    @Test
    void theProvisioningProgramSetsUpABrokerAsItsAdministratorAndRefusesAWrongPassword() {
        String password = kafka.adminPassword();
        Map<String, String> env = new HashMap<>(Map.of(
                "NOVA_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "NOVA_KAFKA_ADMIN_USERNAME", SecuredInProcessKafka.ADMIN,
                "NOVA_KAFKA_ADMIN_PASSWORD", password,
                "NOVA_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "NOVA_KAFKA_REPLICAS", "1",
                "NOVA_KAFKA_TIMEOUT_SECONDS", "10"));
        assertThat(ProvisionKafka.run(env::get))
                .contains("created topics []")
                .contains(KafkaAccessProvisioner.bindings().size() + " ACLs enforced")
                .doesNotContain(password);

        env.put("NOVA_KAFKA_ADMIN_PASSWORD", "not-the-password");
        assertThatThrownBy(() -> ProvisionKafka.run(env::get)).isInstanceOf(RuntimeException.class);
    }

    private static void assertRefusedWriting(DeskPrincipal principal, String topic) {
        try (KafkaProducer<String, String> producer = producer(kafka.clientProperties(principal))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "BTCUSDT", "forged"))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("%s writing %s", principal, topic)
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(TopicAuthorizationException.class);
        }
    }

    private static void listTopics(Map<String, Object> security) throws Exception {
        Map<String, Object> config = new HashMap<>(security);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            admin.listTopics().names().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> security) {
        Map<String, Object> config = new HashMap<>(security);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) WAIT.toMillis());
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(Map<String, Object> security, String group) {
        Map<String, Object> config = new HashMap<>(security);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static boolean firstRecordWithValue(KafkaConsumer<String, String> consumer, String value) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (value.equals(record.value())) {
                    return true;
                }
            }
        }
        return false;
    }
}
