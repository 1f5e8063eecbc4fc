package com.novaquant.alert;

import com.novaquant.alert.fakes.FakeExecutionAdmin;
import com.novaquant.alert.fakes.FakeTelegram;
import com.novaquant.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Without {@code nova.telegram.operator-ids} nobody can change the desk from Telegram (fail safe), and it says so. */
@RealInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class NoOperatorConfiguredIT {

    private static final String TOKEN = "999:no-operator-token";
    private static final long CHAT = 31337;

    @Test
    void withNoOperatorConfiguredStateChangingCommandsAreRefusedAndTheStartUpSaysSo(CapturedOutput output)
            throws Exception {
        try (FakeTelegram telegram = new FakeTelegram(TOKEN);
             FakeExecutionAdmin execution = new FakeExecutionAdmin("operator", "no-operator-admin");
             ConfigurableApplicationContext ignored = new SpringApplicationBuilder(AlertApplication.class).run(
                     "--server.port=0",
                     "--management.server.port=0",
                     "--TELEGRAM_BOT_TOKEN=" + TOKEN,
                     "--nova.admin.password=no-operator-admin",
                     "--nova.telegram.base-url=" + telegram.baseUrl(),
                     "--nova.telegram.chat-ids=" + CHAT,
                     "--nova.telegram.per-chat-interval=0ms",
                     "--nova.telegram.poll-timeout=2s",
                     "--nova.alert.execution-url=" + execution.baseUrl(),
                     "--nova.alert.outbox-path=" + Files.createTempDirectory("alert-no-operator").resolve("outbox.jsonl"),
                     "--nova.alert.consumer-group=alert-no-operator-" + UUID.randomUUID())) {
            assertThat(output).containsOnlyOnce("No Telegram operator is configured (nova.telegram.operator-ids is "
                    + "empty), so /resume, /flatten, /confirm and /ack are unavailable from Telegram");

            telegram.userSays(CHAT, 7, "alice", "/resume");
            String refusal = awaitReply(telegram, "Not done: user @alice (id 7) is not an operator of this desk.");
            assertThat(refusal).contains("No Telegram operator is configured");
            telegram.userSays(CHAT, 7, "alice", "/flatten");
            await().atMost(Duration.ofSeconds(45)).until(() -> telegram.sentTo(CHAT).stream()
                    .filter(s -> s.text().startsWith("Not done: user @alice")).count() == 2);

            // Read-only commands still answer.
            telegram.userSays(CHAT, 7, "alice", "/status");
            assertThat(awaitReply(telegram, "Status")).contains("openPairs: 2");
            assertThat(execution.calls()).extracting(FakeExecutionAdmin.Call::path).containsExactly("/admin/status");
        }
    }

    private static String awaitReply(FakeTelegram telegram, String startsWith) {
        await().atMost(Duration.ofSeconds(45)).until(() -> telegram.sentTo(CHAT).stream()
                .anyMatch(s -> s.text().startsWith(startsWith)));
        return telegram.sentTo(CHAT).stream().map(FakeTelegram.Sent::text).filter(t -> t.startsWith(startsWith))
                .findFirst().orElseThrow();
    }
}
