package com.novaquant.alert;

import com.novaquant.alert.adapter.kafka.AlertListener;
import com.novaquant.alert.domain.AlertDesk;
import com.novaquant.alert.fakes.FakeTelegram;
import com.novaquant.events.Alert;
import com.novaquant.events.EventCodec;
import com.novaquant.events.Severity;
import com.novaquant.events.Topics;
import com.novaquant.testsupport.KafkaServer;
import com.novaquant.testsupport.RealInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.utils.ContainerTestUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service is stopped between consuming alerts and delivering them (Telegram is down), more alerts arrive while
 * it is gone, and a new instance on the same outbox and consumer group delivers every one of them exactly once.
 */
@RealInfrastructure
class RestartWithoutLossIT {

    private static final String TOKEN = "555:restart-token";
    private static final long CHAT = 9001;
    private static final FakeTelegram TELEGRAM = new FakeTelegram(TOKEN);
    private static KafkaProducer<String, byte[]> producer;
    private static Admin admin;

    private final String group = "alert-restart-" + UUID.randomUUID();
    private final String run = UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    static void clients(KafkaServer kafka) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    @AfterAll
    static void close() {
        producer.close();
        admin.close();
        TELEGRAM.close();
    }

    @Test
    void alertsConsumedButNotDeliveredBeforeAStopAreDeliveredOnceByTheNextInstance() throws Exception {
        Path outbox = Files.createTempDirectory("alert-restart").resolve("outbox.jsonl");
        TELEGRAM.mode(FakeTelegram.Mode.SERVER_ERROR);
        long base = System.currentTimeMillis();

        ConfigurableApplicationContext first = start(outbox);
        AlertDesk firstDesk = first.getBean(AlertDesk.class);
        // The group starts at the end of the topic; a canary shows the consumer is positioned before the real alerts.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            send(Severity.WARNING, "canary-" + run, base);
            return firstDesk.pending(Severity.WARNING) > 0;
        });
        // The last canary sent may still be on its way to the consumer: count them once the number stops moving.
        int canaries = settled(() -> firstDesk.pending(Severity.WARNING));
        for (int i = 0; i < 10; i++) {
            send(i % 4 == 0 ? Severity.CRITICAL : Severity.WARNING, marker(i), base + 1 + i);
        }
        await().atMost(Duration.ofSeconds(45)).until(() ->
                firstDesk.pending(Severity.WARNING) == canaries + 7 && firstDesk.pending(Severity.CRITICAL) == 3);
        await().atMost(Duration.ofSeconds(45)).until(this::offsetsCommittedToTheEnd);
        assertThat(TELEGRAM.sent()).isEmpty();
        first.close();

        for (int i = 10; i < 15; i++) {
            send(i % 4 == 0 ? Severity.CRITICAL : Severity.WARNING, marker(i), base + 1 + i);
        }
        TELEGRAM.mode(FakeTelegram.Mode.OK);
        ConfigurableApplicationContext second = start(outbox);
        try {
            String prefix = "r" + run + "-";
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    SentinelTestBase.markers(SentinelTestBase.alertMessages(TELEGRAM, CHAT), prefix).size() >= 15);
            List<String> delivered = SentinelTestBase.markers(SentinelTestBase.alertMessages(TELEGRAM, CHAT), prefix);
            List<String> critical = IntStream.range(0, 15).filter(i -> i % 4 == 0).mapToObj(this::marker).toList();
            List<String> warning = IntStream.range(0, 15).filter(i -> i % 4 != 0).mapToObj(this::marker).toList();
            assertThat(delivered).hasSize(15).containsExactlyInAnyOrderElementsOf(Stream.concat(critical.stream(), warning.stream()).toList());
            assertThat(delivered.stream().filter(critical::contains).toList()).containsExactlyElementsOf(critical);
            assertThat(delivered.stream().filter(warning::contains).toList()).containsExactlyElementsOf(warning);
        } finally {
            second.close();
        }
    }

    private ConfigurableApplicationContext start(Path outbox) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AlertApplication.class).run(
                "--server.port=0",
                "--management.server.port=0",
                "--TELEGRAM_BOT_TOKEN=" + TOKEN,
                "--nova.telegram.base-url=" + TELEGRAM.baseUrl(),
                "--nova.telegram.chat-ids=" + CHAT,
                "--nova.telegram.per-chat-interval=0ms",
                "--nova.telegram.poll-timeout=2s",
                "--nova.telegram.request-timeout=500ms",
                "--nova.alert.retry-min-backoff=100ms",
                "--nova.alert.retry-max-backoff=300ms",
                "--nova.alert.idle-tick=50ms",
                "--nova.alert.outbox-path=" + outbox,
                "--nova.alert.consumer-group=" + group);
        ContainerTestUtils.waitForAssignment(
                context.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer(AlertListener.ID), 3);
        return context;
    }

    private String marker(int i) {
        return "r" + run + "-" + i;
    }

    private void send(Severity severity, String marker, long atMs) throws Exception {
        Alert alert = new Alert(severity, "test-source", "RESTART_TEST", "alert " + marker, marker, atMs);
        producer.send(new ProducerRecord<>(Topics.ALERTS, marker, EventCodec.encode(alert))).get();
    }

    private static int settled(java.util.function.IntSupplier count) throws InterruptedException {
        int last = count.getAsInt();
        long stableSince = System.nanoTime();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() - stableSince < Duration.ofSeconds(2).toNanos() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            int now = count.getAsInt();
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            }
        }
        return last;
    }

    private boolean offsetsCommittedToTheEnd() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        for (int p = 0; p < 3; p++) {
            latest.put(new TopicPartition(Topics.ALERTS, p), OffsetSpec.latest());
        }
        var ends = admin.listOffsets(latest).all().get();
        return ends.entrySet().stream().allMatch(e -> {
            OffsetAndMetadata c = committed.get(e.getKey());
            return e.getValue().offset() == 0 || (c != null && c.offset() == e.getValue().offset());
        });
    }
}
