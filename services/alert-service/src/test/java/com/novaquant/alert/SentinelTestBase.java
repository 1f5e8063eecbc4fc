package com.novaquant.alert;

import com.novaquant.alert.adapter.kafka.AlertListener;
import com.novaquant.alert.domain.AlertDesk;
import com.novaquant.alert.fakes.FakeExecutionAdmin;
import com.novaquant.alert.fakes.FakeTelegram;
import com.novaquant.events.Alert;
import com.novaquant.events.EventCodec;
import com.novaquant.events.Severity;
import com.novaquant.events.Topics;
import com.novaquant.testsupport.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * One running alert-service (shared by the test classes that extend this, through Spring's context cache) against a
 * real Kafka broker, a loopback Bot API stand-in and a loopback execution admin API stand-in. Time is compressed by
 * configuration: 1 s and 2 s escalation, 2 s dedup window, 100-400 ms retry back-off, 500 ms request timeout.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SentinelTestBase {

    static final String TOKEN = "123456:TEST-token_abc";
    static final long CHAT_A = 1001;
    static final long CHAT_B = -100200;
    /** Telegram user ids: alice (7) and bob (9) are the desk's operators; eve (5) is only a member of the chats. */
    static final long ALICE = 7;
    static final long BOB = 9;
    static final long EVE = 5;
    /** The alert service's own (DELEGATE) account on execution: nova.alert.execution-username's default. */
    static final String BRIDGE_ACCOUNT = "alert-bridge";
    static final String ADMIN_PASSWORD = "s3cret-admin";
    static final FakeTelegram TELEGRAM = new FakeTelegram(TOKEN);
    static final FakeExecutionAdmin EXECUTION = new FakeExecutionAdmin(BRIDGE_ACCOUNT, ADMIN_PASSWORD);
    static final Path OUTBOX = tempDir().resolve("outbox.jsonl");

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    AlertDesk desk;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @DynamicPropertySource
    static void sentinel(DynamicPropertyRegistry registry) {
        registry.add("TELEGRAM_BOT_TOKEN", () -> TOKEN);
        registry.add("NOVA_ALERT_EXECUTION_PASSWORD", () -> ADMIN_PASSWORD);
        registry.add("nova.telegram.base-url", TELEGRAM::baseUrl);
        registry.add("nova.telegram.chat-ids", () -> CHAT_A + "," + CHAT_B);
        registry.add("nova.telegram.operator-ids", () -> ALICE + "," + BOB);
        registry.add("nova.telegram.request-timeout", () -> "500ms");
        registry.add("nova.telegram.poll-timeout", () -> "2s");
        registry.add("nova.telegram.per-chat-interval", () -> "0ms");
        registry.add("nova.telegram.group-chat-interval", () -> "0ms");
        registry.add("nova.telegram.max-per-second", () -> "1000");
        registry.add("nova.alert.execution-url", EXECUTION::baseUrl);
        registry.add("nova.alert.escalation", () -> "1s,2s");
        registry.add("nova.alert.dedup-window", () -> "2s");
        registry.add("nova.alert.retry-min-backoff", () -> "100ms");
        registry.add("nova.alert.retry-max-backoff", () -> "400ms");
        registry.add("nova.alert.idle-tick", () -> "50ms");
        // Far from now: this context never sends a digest by itself (InfoDigestIT covers that).
        registry.add("nova.alert.daily-digest-time", () -> LocalTime.now(ZoneOffset.UTC).plusHours(12).withNano(0).toString());
        registry.add("nova.alert.outbox-path", OUTBOX::toString);
        registry.add("nova.universe.enabled", () -> "true");
        registry.add("nova.alert.universe-size", () -> "5");
        registry.add("nova.alert.consumer-group", () -> "alert-it-" + UUID.randomUUID());
        // A fresh group reads the topic from the start, so nothing published right after assignment is missed.
        registry.add("spring.kafka.consumer.auto-offset-reset", () -> "earliest");
    }

    @BeforeEach
    void quietDesk() {
        ContainerTestUtils.waitForAssignment(listeners.getListenerContainer(AlertListener.ID), 3);
        desk.acknowledgeAll();
        TELEGRAM.reset();
        EXECUTION.reset();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                desk.pending(Severity.WARNING) == 0 && desk.pending(Severity.CRITICAL) == 0);
        desk.acknowledgeAll();
        TELEGRAM.reset();
    }

    void publish(Severity severity, String code, String text, String dedupKey) {
        publish(new Alert(severity, "test-source", code, text, dedupKey, System.currentTimeMillis()));
    }

    void publish(Alert alert) {
        try {
            kafka.send(Topics.ALERTS, alert.dedupKey(), EventCodec.encode(alert)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Messages to a chat that carry new alerts (not reminders, not digests). */
    static List<FakeTelegram.Sent> alertMessages(long chatId) {
        return alertMessages(TELEGRAM, chatId);
    }

    static List<FakeTelegram.Sent> alertMessages(FakeTelegram telegram, long chatId) {
        return telegram.sentTo(chatId).stream()
                .filter(s -> s.text().startsWith("\uD83D\uDEA8") || s.text().startsWith("\u26A0"))
                .toList();
    }

    static List<FakeTelegram.Sent> reminders(long chatId) {
        return TELEGRAM.sentTo(chatId).stream().filter(s -> s.text().startsWith("\uD83D\uDD01")).toList();
    }

    /** Every occurrence of {@code prefix} followed by digits, in message order. */
    static List<String> markers(List<FakeTelegram.Sent> messages, String prefix) {
        Pattern pattern = Pattern.compile(Pattern.quote(prefix) + "\\d+");
        List<String> found = new ArrayList<>();
        for (FakeTelegram.Sent message : messages) {
            Matcher matcher = pattern.matcher(message.text());
            while (matcher.find()) {
                found.add(matcher.group());
            }
        }
        return found;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("alert-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
