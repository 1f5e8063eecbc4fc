package com.novaquant.alert;

import com.novaquant.alert.domain.AlertDesk;
import com.novaquant.alert.fakes.FakeTelegram;
import com.novaquant.alert.fakes.MutableClock;
import com.novaquant.events.Alert;
import com.novaquant.events.EventCodec;
import com.novaquant.events.Severity;
import com.novaquant.events.Topics;
import com.novaquant.testsupport.RealInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * INFO waits for the daily digest: a service instance of its own, with its own Bot API stand-in and a clock that
 * the test moves past the configured digest time.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class InfoDigestIT {

    private static final String TOKEN = "777:digest-token";
    private static final long CHAT = 4242;
    private static final FakeTelegram TELEGRAM = new FakeTelegram(TOKEN);
    private static final Instant DIGEST_AT = LocalDate.now(ZoneOffset.UTC).atTime(8, 0).toInstant(ZoneOffset.UTC);
    private static final MutableClock CLOCK = new MutableClock(DIGEST_AT.minus(Duration.ofMinutes(5)));

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    AlertDesk desk;

    @DynamicPropertySource
    static void digestSoon(DynamicPropertyRegistry registry) throws IOException {
        Path outbox = Files.createTempDirectory("alert-digest").resolve("outbox.jsonl");
        registry.add("TELEGRAM_BOT_TOKEN", () -> TOKEN);
        registry.add("nova.telegram.base-url", TELEGRAM::baseUrl);
        registry.add("nova.telegram.chat-ids", () -> CHAT);
        registry.add("nova.telegram.per-chat-interval", () -> "0ms");
        registry.add("nova.telegram.poll-timeout", () -> "2s");
        registry.add("nova.alert.idle-tick", () -> "50ms");
        registry.add("nova.alert.outbox-path", outbox::toString);
        registry.add("nova.alert.consumer-group", () -> "alert-digest-" + UUID.randomUUID());
        registry.add("nova.alert.daily-digest-time", () -> "08:00");
    }

    /** The service's clock starts shortly before the digest time; the test moves it past. */
    @TestConfiguration
    static class DigestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return CLOCK;
        }
    }

    @AfterAll
    static void stopFake() {
        TELEGRAM.close();
    }

    @Test
    void infoAlertsWaitForTheDigestWhichGoesOutQuietlyWithCounts() throws Exception {
        // Published after start-up; this group started at the end of the topic ("latest"), after a canary shows it is live.
        String run = UUID.randomUUID().toString().substring(0, 8);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            publish(Severity.WARNING, "CANARY", "canary " + run, "canary-" + run);
            return !SentinelTestBase.alertMessages(TELEGRAM, CHAT).isEmpty();
        });
        publish(Severity.INFO, "DAILY_SUMMARY", "pnl today +12.34 USDT, 7 trades " + run, "DAILY_SUMMARY");
        publish(Severity.INFO, "FUNDING_RECEIVED", "funding 1.10 USDT on BTCUSDT", "FUNDING_RECEIVED:BTCUSDT");
        publish(Severity.INFO, "FUNDING_RECEIVED", "funding 1.20 USDT on BTCUSDT", "FUNDING_RECEIVED:BTCUSDT");
        publish(Severity.WARNING, "FEED_LAG", "digest-test warning " + run, "digest-test");

        await().atMost(Duration.ofSeconds(45)).until(() -> SentinelTestBase.alertMessages(TELEGRAM, CHAT).stream()
                .anyMatch(m -> m.text().contains("digest-test warning " + run)));
        assertThat(digests()).as("INFO is not sent on arrival").isEmpty();
        assertThat(desk.pending(Severity.INFO)).isEqualTo(3);

        assertThat(desk.nextDigest()).isEqualTo(DIGEST_AT);
        CLOCK.advance(Duration.ofMinutes(6));
        await().atMost(Duration.ofSeconds(45)).until(() -> !digests().isEmpty());
        FakeTelegram.Sent digest = digests().getFirst();
        assertThat(digest.silent()).as("sent without a notification sound").isTrue();
        assertThat(digest.text()).contains("Digest").contains("3 INFO alert(s)")
                .contains("pnl today +12.34 USDT, 7 trades " + run)
                .contains("funding 1.20 USDT on BTCUSDT").contains("\u00D72 since");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> digests().size() == 1);
        assertThat(desk.pending(Severity.INFO)).isZero();
        assertThat(desk.nextDigest()).isEqualTo(DIGEST_AT.plus(Duration.ofDays(1)));
    }

    private void publish(Severity severity, String code, String text, String key) throws Exception {
        kafka.send(Topics.ALERTS, key, EventCodec.encode(new Alert(severity, "test-source", code, text, key,
                System.currentTimeMillis()))).get();
    }

    private static List<FakeTelegram.Sent> digests() {
        return TELEGRAM.sentTo(CHAT).stream().filter(s -> s.text().startsWith("\uD83D\uDCCB")).toList();
    }
}
