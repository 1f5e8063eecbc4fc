package com.novaquant.alert;

import com.novaquant.alert.fakes.FakeTelegram;
import com.novaquant.events.Alert;
import com.novaquant.events.Severity;
import com.novaquant.events.Topics;
import com.novaquant.support.EventDecoder;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Tiers, de-duplication, escalation and failure handling against the loopback Bot API stand-in. */
@ExtendWith(OutputCaptureExtension.class)
class TelegramDeliveryIT extends SentinelTestBase {

    @Autowired
    MeterRegistry registry;
    @Autowired
    EventDecoder decoder;

    @Test
    void warningGoesOutImmediatelyToEveryChatAsEscapedHtmlWithSound() {
        publish(Severity.WARNING, "FEED_LAG", "spread <5bps> & widening on BTCUSDT", "FEED_LAG:BTCUSDT");

        await().atMost(Duration.ofSeconds(45)).until(() -> alertMessages(CHAT_A).size() == 1 && alertMessages(CHAT_B).size() == 1);
        FakeTelegram.Sent sent = alertMessages(CHAT_A).getFirst();
        assertThat(sent.text()).contains("spread &lt;5bps&gt; &amp; widening on BTCUSDT").contains("<code>FEED_LAG</code>")
                .startsWith("\u26A0\uFE0F <b>WARNING</b>");
        assertThat(sent.parseMode()).isEqualTo("HTML");
        assertThat(sent.silent()).isFalse();
        assertThat(alertMessages(CHAT_B).getFirst().text()).isEqualTo(sent.text());
    }

    @Test
    void identicalAlertsWithinTheWindowCollapseIntoOneMessageWithTheirCount() {
        IntStream.rangeClosed(1, 6).forEach(i ->
                publish(Severity.WARNING, "FEED_STALE", "no quotes for 5 s on ETHUSDT", "FEED_STALE:ETHUSDT"));

        await().atMost(Duration.ofSeconds(45)).until(() -> countedAlerts(alertMessages(CHAT_A), "FEED_STALE") == 6);
        List<FakeTelegram.Sent> messages = alertMessages(CHAT_A);
        assertThat(messages).hasSizeLessThanOrEqualTo(2);
        assertThat(messages).anySatisfy(m -> assertThat(m.text()).containsPattern("\u00D7[2-6] since"));
    }

    @Test
    void criticalIsLoudAndRepeatedAtEscalatingIntervalsUntilAnOperatorAcknowledges() {
        publish(Severity.CRITICAL, "LEG_RISK", "naked spot leg on BTCUSDT", "LEG_RISK:BTCUSDT");

        await().atMost(Duration.ofSeconds(45)).until(() -> alertMessages(CHAT_A).size() == 1);
        FakeTelegram.Sent first = alertMessages(CHAT_A).getFirst();
        assertThat(first.text()).startsWith("\uD83D\uDEA8 <b>CRITICAL</b>").contains("Send /ack");
        assertThat(first.silent()).isFalse();

        // Escalation intervals 1 s then 2 s: two reminders in about 3 s, each loud, each naming the alert.
        await().atMost(Duration.ofSeconds(45)).until(() -> reminders(CHAT_A).size() >= 2);
        List<FakeTelegram.Sent> reminders = reminders(CHAT_A);
        assertThat(reminders).allSatisfy(r -> {
            assertThat(r.text()).contains("naked spot leg on BTCUSDT");
            assertThat(r.silent()).isFalse();
        });
        long gap1 = reminders.get(0).atNanos() - first.atNanos();
        long gap2 = reminders.get(1).atNanos() - reminders.get(0).atNanos();
        assertThat(gap2).as("the second interval is longer than the first").isGreaterThan(gap1);

        TELEGRAM.userSays(CHAT_A, 7, "alice", "/ack");
        await().atMost(Duration.ofSeconds(45)).until(() -> TELEGRAM.sentTo(CHAT_A).stream()
                .anyMatch(s -> s.text().startsWith("Acknowledged 1 CRITICAL")));
        int afterAck = reminders(CHAT_A).size();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> reminders(CHAT_A).size() == afterAck);
        assertThat(desk.unacknowledged()).isZero();
        assertThat(registry.counter("nova.alert.escalations").count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void tooManyRequestsIsRetriedAfterRetryAfterAndDeliveredOnce() {
        TELEGRAM.rateLimitNext(1, 1);
        publish(Severity.WARNING, "MARGIN_WARNING", "margin ratio 61%", "MARGIN_WARNING");

        await().atMost(Duration.ofSeconds(45)).until(() -> alertMessages(CHAT_A).size() == 1 && alertMessages(CHAT_B).size() == 1);
        assertThat(TELEGRAM.answered429()).isEqualTo(1);
        long waited = alertMessages(CHAT_A).getFirst().atNanos() - TELEGRAM.rateLimitedAtNanos().getFirst();
        assertThat(TimeUnit.NANOSECONDS.toMillis(waited)).as("honours retry_after").isGreaterThanOrEqualTo(900);
        assertThat(registry.counter("nova.alert.telegram.errors", "kind", "rate_limited").count()).isGreaterThanOrEqualTo(1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> alertMessages(CHAT_A).size() == 1);
    }

    @Test
    void outageOfServerErrorsAndTimeoutsEndsWithEveryAlertDeliveredOnceInOrderPerSeverity(CapturedOutput output)
            throws Exception {
        TELEGRAM.mode(FakeTelegram.Mode.SERVER_ERROR);
        long base = System.currentTimeMillis();
        for (int i = 0; i < 30; i++) {
            Severity severity = i % 3 == 0 ? Severity.CRITICAL : Severity.WARNING;
            String marker = (severity == Severity.CRITICAL ? "outC-" : "outW-") + i;
            publish(new Alert(severity, "test-source", "OUTAGE_TEST", "alert " + marker + " raised", marker, base + i));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> TELEGRAM.answered5xx() >= 3);
        TELEGRAM.mode(FakeTelegram.Mode.TIMEOUT);
        await().atMost(Duration.ofSeconds(10)).until(() -> TELEGRAM.timedOut() >= 2);
        assertThat(TELEGRAM.sent()).isEmpty();
        TELEGRAM.mode(FakeTelegram.Mode.OK);

        for (long chat : List.of(CHAT_A, CHAT_B)) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    markers(alertMessages(chat), "outW-").size() >= 20 && markers(alertMessages(chat), "outC-").size() >= 10);
            assertThat(markers(alertMessages(chat), "outW-")).as("every WARNING once, in order")
                    .containsExactlyElementsOf(IntStream.range(0, 30).filter(i -> i % 3 != 0).mapToObj(i -> "outW-" + i).toList());
            assertThat(markers(alertMessages(chat), "outC-")).as("every CRITICAL once, in order")
                    .containsExactlyElementsOf(IntStream.range(0, 30).filter(i -> i % 3 == 0).mapToObj(i -> "outC-" + i).toList());
        }
        assertThat(registry.counter("nova.alert.telegram.errors", "kind", "server_error").count()).isGreaterThan(0);
        assertThat(registry.counter("nova.alert.telegram.errors", "kind", "timeout").count()).isGreaterThan(0);
        assertThat(output.getAll()).as("failures are logged, the token never").contains("not confirmed (server_error)")
                .doesNotContain(TOKEN);
    }

    @Test
    void aLongOutageOfTwentySecondsWhileAlertsKeepComingLosesNothing() throws Exception {
        TELEGRAM.mode(FakeTelegram.Mode.SERVER_ERROR);
        long base = System.currentTimeMillis();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int published = 0;
        while (System.nanoTime() < end) {
            // Alternate the failure: 5xx for a while, then requests that hang past the client's timeout.
            TELEGRAM.mode(published / 20 % 2 == 0 ? FakeTelegram.Mode.SERVER_ERROR : FakeTelegram.Mode.TIMEOUT);
            String marker = "soak-" + published;
            publish(new Alert(Severity.WARNING, "test-source", "SOAK", "alert " + marker, marker, base + published));
            published++;
            TimeUnit.MILLISECONDS.sleep(250);
        }
        assertThat(TELEGRAM.sent()).isEmpty();
        TELEGRAM.mode(FakeTelegram.Mode.OK);
        int total = published;
        await().atMost(Duration.ofSeconds(60)).until(() -> markers(alertMessages(CHAT_A), "soak-").size() >= total
                && markers(alertMessages(CHAT_B), "soak-").size() >= total);
        List<String> expected = IntStream.range(0, total).mapToObj(i -> "soak-" + i).toList();
        assertThat(markers(alertMessages(CHAT_A), "soak-")).containsExactlyElementsOf(expected);
        assertThat(markers(alertMessages(CHAT_B), "soak-")).containsExactlyElementsOf(expected);
        System.out.printf("soak: %d alerts during a 20 s outage, %d 5xx and %d timeouts answered, delivered in %d messages%n",
                total, TELEGRAM.answered5xx(), TELEGRAM.timedOut(), alertMessages(CHAT_A).size());
    }

    @Test
    void aFloodIsPackedIntoFewMessagesAndEveryCriticalArrives() {
        TELEGRAM.mode(FakeTelegram.Mode.SERVER_ERROR);
        long base = System.currentTimeMillis();
        List<String> critical = new java.util.ArrayList<>();
        List<String> warning = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            boolean isCritical = i % 4 == 0;
            String marker = (isCritical ? "floodC-" : "floodW-") + i;
            (isCritical ? critical : warning).add(marker);
            publish(new Alert(isCritical ? Severity.CRITICAL : Severity.WARNING, "test-source", "FLOOD", "alert " + marker,
                    marker, base + i));
        }
        await().atMost(Duration.ofSeconds(45)).until(() ->
                desk.pending(Severity.CRITICAL) + desk.pending(Severity.WARNING) >= 199);
        TELEGRAM.mode(FakeTelegram.Mode.OK);

        await().atMost(Duration.ofSeconds(30)).until(() -> markers(alertMessages(CHAT_A), "floodC-").size() >= 50
                && markers(alertMessages(CHAT_A), "floodW-").size() >= 150);
        List<FakeTelegram.Sent> messages = alertMessages(CHAT_A);
        assertThat(markers(messages, "floodC-")).containsExactlyElementsOf(critical);
        assertThat(markers(messages, "floodW-")).containsExactlyElementsOf(warning);
        assertThat(messages.size()).as("200 alerts packed 10 per message").isLessThanOrEqualTo(25);
        int lastCritical = 0;
        int firstWarningAfterRecovery = Integer.MAX_VALUE;
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).text().contains("floodC-")) {
                lastCritical = i;
            } else if (i > 0) {
                firstWarningAfterRecovery = Math.min(firstWarningAfterRecovery, i);
            }
        }
        assertThat(lastCritical).as("CRITICALs go before the WARNING backlog").isLessThan(firstWarningAfterRecovery);
    }

    @Test
    void aMalformedRecordIsCountedAndSkippedAndTheAlertsAroundItStillArrive() throws Exception {
        double rejectedBefore = decoder.rejected(Topics.ALERTS);
        kafka.send(Topics.ALERTS, "same-key", "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8)).get();
        publish(new Alert(Severity.WARNING, "test-source", "AFTER_GARBAGE", "after-garbage arrives", "same-key",
                System.currentTimeMillis()));

        await().atMost(Duration.ofSeconds(45)).until(() -> alertMessages(CHAT_A).stream()
                .anyMatch(m -> m.text().contains("after-garbage arrives")));
        assertThat(decoder.rejected(Topics.ALERTS)).isEqualTo(rejectedBefore + 1);
    }

    /** The number of alerts behind the messages for a code: 1 per block, or its ×N count. */
    private static int countedAlerts(List<FakeTelegram.Sent> messages, String code) {
        int total = 0;
        Pattern count = Pattern.compile("\u00D7(\\d+) since");
        for (FakeTelegram.Sent message : messages) {
            if (!message.text().contains(code)) {
                continue;
            }
            Matcher matcher = count.matcher(message.text());
            total += matcher.find() ? Integer.parseInt(matcher.group(1)) : 1;
        }
        return total;
    }
}
