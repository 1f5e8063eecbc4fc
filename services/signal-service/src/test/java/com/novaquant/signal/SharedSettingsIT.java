package com.novaquant.signal;

import com.novaquant.events.EventCodec;
import com.novaquant.events.RecordSeal;
import com.novaquant.events.SignalSettings;
import com.novaquant.events.TopicDefinitions;
import com.novaquant.events.Topics;
import com.novaquant.signal.adapter.kafka.MarketDataListener;
import com.novaquant.signal.adapter.web.AdminConfigController;
import com.novaquant.signal.application.LiveSettings;
import com.novaquant.signal.application.SettingsJson;
import com.novaquant.signal.application.SignalMetrics;
import com.novaquant.signal.application.SignalMetrics.SettingsRefusal;
import com.novaquant.testsupport.InProcessKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replicas of the signal service sharing their settings through {@code nova.signal-settings}, each a whole application
 * context, on a broker of their own (a change here must not reach the other ITs' service, which shares the JVM's
 * broker): a change on one reaches the other with its revision and author, a replica started afterwards comes up with
 * it before it reads any market data, an invalid change writes nothing, and records that cannot be trusted or used
 * are counted and ignored. The records are sealed, as with signing keys in production.
 */
class SharedSettingsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String OPERATOR = "Basic " + Base64.getEncoder()
            .encodeToString("operator:it-secret".getBytes(StandardCharsets.UTF_8));
    private static final String SIGNING_KEYS = RecordSeal.generate("it-1");

    private static InProcessKafka kafka;
    private static final List<ConfigurableApplicationContext> replicas = new ArrayList<>();
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void twoReplicasOnABrokerOfTheirOwn() throws Exception {
        kafka = InProcessKafka.start(0, 1);
        try (Admin admin = admin()) {
            // As the provisioning creates them: the settings topic compacted, with one partition.
            admin.createTopics(TopicDefinitions.all(1, (short) 1)).all().get(30, TimeUnit.SECONDS);
        }
        first = replica();
        second = replica();
    }

    @AfterAll
    static void stop() {
        replicas.forEach(ConfigurableApplicationContext::close);
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aChangeOnOneReplicaReachesTheOtherAndAReplicaStartedLaterComesUpWithIt() throws Exception {
        HttpResponse<String> put = put(first, "{\"entryThresholdApr\": 0.2, \"sizing\": {\"notionalPerSymbol\": 2500}}");

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        long revision = Long.parseLong(put.headers().firstValue(AdminConfigController.REVISION_HEADER).orElseThrow());
        JsonNode written = audit(first);
        assertThat(written.get("revision").asLong()).isEqualTo(revision).isPositive();
        assertThat(written.get("by").asString()).isEqualTo("operator");
        assertThat(written.get("source").asString()).isEqualTo(Topics.SIGNAL_SETTINGS);
        assertThat(written.get("settings").get("entryThresholdApr").asDouble()).isEqualTo(0.2);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode seen = audit(second);
            assertThat(seen.get("revision").asLong()).isEqualTo(revision);
            assertThat(seen.get("by").asString()).isEqualTo("operator");
            assertThat(seen.get("atMs").asLong()).isEqualTo(written.get("atMs").asLong());
            assertThat(seen.get("settings")).isEqualTo(written.get("settings"));
        });
        HttpResponse<String> read = get(second, "/admin/config");
        assertThat(read.headers().firstValue(AdminConfigController.REVISION_HEADER)).hasValue(String.valueOf(revision));
        assertThat(read.body()).contains("\"entryThresholdApr\":0.2").contains("\"notionalPerSymbol\":2500.0");
        assertThat(settings(second).policy().entryThresholdApr()).isEqualTo(0.2);
        assertThat(settings(second).symbolPolicy("BTCUSDT").notional()).isEqualTo(2500.0);

        // Durable: a replica started now takes the change before it reads any market data.
        ConfigurableApplicationContext third = replica();
        MessageListenerContainer marketData = third.getBean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer(MarketDataListener.ID);
        await().atMost(Duration.ofSeconds(60)).until(marketData::isRunning);
        assertThat(settings(third).revision().number()).isEqualTo(revision);
        assertThat(settings(third).revision().by()).isEqualTo("operator");
        assertThat(settings(third).policy().entryThresholdApr()).isEqualTo(0.2);
        assertThat(audit(third).get("settings")).isEqualTo(written.get("settings"));
    }

    @Test
    void anInvalidChangeWritesNothingToTheTopic() throws Exception {
        long end = endOffset();
        long revision = settings(first).revision().number();

        HttpResponse<String> put = put(first, "{\"exitThresholdApr\": 0.05, \"cooldown\": \"PT-5S\"}");

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.body()).contains("exit-threshold-apr must be at most 0, was 0.05")
                .contains("cooldown must not be negative");
        assertThat(put(first, "{\"entryTreshold\": 0.2}").statusCode()).isEqualTo(400);
        assertThat(endOffset()).isEqualTo(end);
        assertThat(settings(first).revision().number()).isEqualTo(revision);
        assertThat(settings(second).revision().number()).isEqualTo(revision);
    }

    @Test
    void recordsThatCannotBeTrustedOrUsedAreCountedAndIgnoredAndTheReplicasReadOn() throws Exception {
        LiveSettings.Snapshot before = settings(first);
        RecordSeal seal = RecordSeal.parse(SIGNING_KEYS);
        ObjectNode invalidSettings = SettingsJson.tree(before.properties()).put("entryThresholdApr", -1.0);
        long hostileRevision = before.revision().number() + 5;
        byte[] invalid = EventCodec.encode(new SignalSettings(hostileRevision, invalidSettings, "mallory", 1L));
        byte[] valid = EventCodec.encode(new SignalSettings(hostileRevision + 1,
                SettingsJson.tree(before.properties()).put("entryThresholdApr", 0.9), "mallory", 2L));

        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, seal, "{\"type\":\"signal-settings\",\"v\":1,\"revision\":\"x\"}"
                    .getBytes(StandardCharsets.UTF_8), true);
            send(producer, seal, "not json".getBytes(StandardCharsets.UTF_8), true);
            send(producer, seal, valid, false);
            send(producer, seal, invalid, true);
        }

        for (ConfigurableApplicationContext replica : List.of(first, second)) {
            SignalMetrics metrics = replica.getBean(SignalMetrics.class);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(metrics.settingsRefusals(SettingsRefusal.UNDECODABLE)).isEqualTo(2);
                assertThat(metrics.settingsRefusals(SettingsRefusal.UNSEALED)).isEqualTo(1);
                assertThat(metrics.settingsRefusals(SettingsRefusal.INVALID)).isEqualTo(1);
            });
            assertThat(settings(replica).revision()).isEqualTo(before.revision());
            assertThat(settings(replica).properties()).isEqualTo(before.properties());
        }

        // The readers go on: the next change, numbered after the highest revision on the topic, reaches both.
        HttpResponse<String> put = put(second, "{\"cooldown\": \"PT45S\"}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.headers().firstValue(AdminConfigController.REVISION_HEADER))
                .hasValue(String.valueOf(hostileRevision + 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(settings(first).revision().number()).isEqualTo(hostileRevision + 1));
        assertThat(settings(first).properties().cooldown()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void theSettingsTopicIsCompactedWithOnePartitionAndItsRecordsAreSealed() throws Exception {
        try (Admin admin = admin()) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.SIGNAL_SETTINGS);
            ConfigEntry cleanup = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG);
            assertThat(cleanup.value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            assertThat(admin.describeTopics(List.of(Topics.SIGNAL_SETTINGS)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(Topics.SIGNAL_SETTINGS).partitions()).hasSize(1);
        }
    }

    private static ConfigurableApplicationContext replica() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SignalApplication.class).run(
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--server.port=0",
                "--management.server.port=0",
                "--nova.admin.password=it-secret",
                "--nova.signing.keys=" + SIGNING_KEYS);
        replicas.add(context);
        return context;
    }

    private static LiveSettings.Snapshot settings(ConfigurableApplicationContext replica) {
        return replica.getBean(LiveSettings.class).current();
    }

    private static JsonNode audit(ConfigurableApplicationContext replica) {
        HttpResponse<String> response = get(replica, "/admin/config/audit");
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext replica, String path) {
        return send(HttpRequest.newBuilder(uri(replica, path)).header("Authorization", OPERATOR).GET());
    }

    private static HttpResponse<String> put(ConfigurableApplicationContext replica, String body) {
        return send(HttpRequest.newBuilder(uri(replica, "/admin/config")).header("Authorization", OPERATOR)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(ConfigurableApplicationContext replica, String path) {
        return URI.create("http://localhost:" + replica.getEnvironment().getProperty("local.server.port") + path);
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static long endOffset() throws Exception {
        TopicPartition partition = new TopicPartition(Topics.SIGNAL_SETTINGS, 0);
        try (Admin admin = admin()) {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                    .get(30, TimeUnit.SECONDS).offset();
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<String, byte[]> producer, RecordSeal seal, byte[] value, boolean sealed)
            throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.SIGNAL_SETTINGS, SignalSettings.KEY, value);
        if (sealed) {
            seal.seal(record.topic(), record.key(), value, record.headers());
        }
        producer.send(record).get(30, TimeUnit.SECONDS);
    }
}
