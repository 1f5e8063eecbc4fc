package com.novaquant.alert;

import com.novaquant.alert.fakes.FakeExecutionAdmin;
import com.novaquant.alert.fakes.FakeTelegram;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Operator commands over getUpdates, acting through a loopback stand-in of execution's admin API. */
class CommandChannelIT extends SentinelTestBase {

    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString(("operator:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final long STRANGER_CHAT = 666;

    @Autowired
    MeterRegistry registry;

    @Test
    void commandsFromAChatNotOnTheAllowListAreIgnoredWithoutReplyAndReportedAsAWarning() {
        TELEGRAM.userSays(STRANGER_CHAT, 66, "mallory", "/halt");

        // The WARNING travels through nova.alerts like any other alert and reaches the allowed chats.
        await().atMost(Duration.ofSeconds(45)).until(() -> alertMessages(CHAT_A).stream()
                .anyMatch(m -> m.text().contains("TELEGRAM_UNAUTHORIZED") && m.text().contains("666")));
        assertThat(TELEGRAM.sentTo(STRANGER_CHAT)).isEmpty();
        assertThat(EXECUTION.calls()).isEmpty();
        assertThat(registry.counter("nova.alert.commands", "command", "/halt", "outcome", "rejected").count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void statusFromAnAllowedChatCallsExecutionWithBasicAuthAndTheTelegramUserAsActor() {
        TELEGRAM.userSays(CHAT_A, 7, "alice", "/status");

        String reply = awaitReply(CHAT_A, "Status");
        assertThat(reply).contains("openPairs: 2").contains("pnlToday: 12.34").contains("deskMode: HALTED")
                .contains("BTCUSDT: USD-M frames lagging >200ms")
                .contains("Sentinel: pending CRITICAL 0");
        FakeExecutionAdmin.Call call = EXECUTION.calls().getFirst();
        assertThat(call.method()).isEqualTo("GET");
        assertThat(call.path()).isEqualTo("/admin/status");
        assertThat(call.authorization()).isEqualTo(BASIC);
        assertThat(call.actor()).isEqualTo("telegram:@alice");
    }

    @Test
    void pnlAndPositionsAnswerFromTheAdminApi() {
        TELEGRAM.userSays(CHAT_A, 7, "alice", "/pnl");
        assertThat(awaitReply(CHAT_A, "PnL")).contains("total: 16.24");
        TELEGRAM.userSays(CHAT_B, 8, null, "/positions@NovaSentinelBot");
        assertThat(awaitReply(CHAT_B, "Open pairs")).contains("symbol: BTCUSDT");
        assertThat(EXECUTION.calls()).extracting(FakeExecutionAdmin.Call::path).containsExactly("/admin/pnl", "/admin/pairs");
        assertThat(EXECUTION.calls().get(1).actor()).isEqualTo("telegram:8");
    }

    @Test
    void freezeFreezesTheDeskAtOnceNamingTheOperator() {
        TELEGRAM.userSays(CHAT_A, 7, "alice", "/freeze signals look forged");

        assertThat(awaitReply(CHAT_A, "Desk FROZEN")).contains("FROZEN");
        FakeExecutionAdmin.Call call = EXECUTION.calls().getFirst();
        assertThat(call.path()).isEqualTo("/admin/kill-switch/freeze");
        assertThat(call.actor()).isEqualTo("telegram:@alice");
        assertThat(call.body()).contains("Telegram /freeze by telegram:@alice: signals look forged");
    }

    @Test
    void haltEngagesTheKillSwitchAtOnceNamingTheOperator() {
        TELEGRAM.userSays(CHAT_A, 7, "alice", "/halt funding looks wrong");

        assertThat(awaitReply(CHAT_A, "Desk HALTED")).isNotBlank();
        FakeExecutionAdmin.Call call = EXECUTION.calls().getFirst();
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/admin/kill-switch/engage");
        assertThat(call.authorization()).isEqualTo(BASIC);
        assertThat(call.actor()).isEqualTo("telegram:@alice");
        assertThat(call.body()).contains("Telegram /halt by telegram:@alice: funding looks wrong");
    }

    @Test
    void resumeReleasesTheKillSwitchOnlyAfterTheOneTimeCodeIsConfirmed() {
        TELEGRAM.userSays(CHAT_A, 7, "alice", "/resume");
        String code = codeFrom(awaitReply(CHAT_A, "To release the desk to TRADING"));
        assertThat(EXECUTION.calls()).isEmpty();

        TELEGRAM.userSays(CHAT_A, 7, "alice", "/confirm " + (code.equals("000000") ? "111111" : "000000"));
        assertThat(awaitReply(CHAT_A, "No such confirmation code")).isNotBlank();
        assertThat(EXECUTION.calls()).isEmpty();

        TELEGRAM.userSays(CHAT_A, 7, "alice", "/confirm " + code);
        assertThat(awaitReply(CHAT_A, "Desk released to TRADING")).isNotBlank();
        assertThat(EXECUTION.calls()).extracting(FakeExecutionAdmin.Call::path).containsExactly("/admin/kill-switch/release");

        TELEGRAM.reset();
        TELEGRAM.userSays(CHAT_A, 7, "alice", "/confirm " + code);
        assertThat(awaitReply(CHAT_A, "No such confirmation code")).as("a code works once").isNotBlank();
        assertThat(EXECUTION.calls()).hasSize(1);
    }

    @Test
    void flattenCodeIssuedToOneOperatorCannotBeConfirmedByAnother() {
        TELEGRAM.userSays(CHAT_A, 7, "alice", "/flatten");
        String code = codeFrom(awaitReply(CHAT_A, "To CLOSE EVERY PAIR"));

        TELEGRAM.userSays(CHAT_A, 9, "bob", code);
        assertThat(awaitReply(CHAT_A, "No such confirmation code")).isNotBlank();
        assertThat(EXECUTION.calls()).isEmpty();

        TELEGRAM.userSays(CHAT_A, 7, "alice", code);
        assertThat(awaitReply(CHAT_A, "Flatten started")).isNotBlank();
        FakeExecutionAdmin.Call call = EXECUTION.calls().getFirst();
        assertThat(call.path()).isEqualTo("/admin/flatten");
        assertThat(call.authorization()).isEqualTo(BASIC);
        assertThat(call.body()).contains("Telegram /flatten by telegram:@alice");
    }

    @Test
    void helpListsEveryCommandAndUnknownCommandsAreRefused() {
        TELEGRAM.userSays(CHAT_A, 7, "alice", "/help");
        assertThat(awaitReply(CHAT_A, "Nova Quant sentinel commands")).contains("/halt").contains("/ack").contains("/flatten");
        TELEGRAM.reset();
        TELEGRAM.userSays(CHAT_A, 7, "alice", "/buy 100 BTC");
        assertThat(awaitReply(CHAT_A, "Unknown command")).isNotBlank();
        assertThat(EXECUTION.calls()).isEmpty();
        assertThat(registry.counter("nova.alert.commands", "command", "other", "outcome", "rejected").count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aCommandQueuedLongerThanTheMaximumAgeIsRefusedNotActedOnLate() {
        TELEGRAM.userSaid(CHAT_A, 7, "alice", "/halt", System.currentTimeMillis() / 1000 - 3600);

        assertThat(awaitReply(CHAT_A, "Ignored /halt")).contains("too old");
        assertThat(EXECUTION.calls()).isEmpty();
    }

    @Test
    void whenExecutionFailsTheOperatorIsToldNothingWasDone() {
        EXECUTION.failWith(503);
        TELEGRAM.userSays(CHAT_A, 7, "alice", "/halt");

        assertThat(awaitReply(CHAT_A, "Not done")).contains("HTTP 503").contains("ledger unavailable");
        assertThat(registry.counter("nova.alert.commands", "command", "/halt", "outcome", "failed").count())
                .isGreaterThanOrEqualTo(1);
    }

    private static String awaitReply(long chatId, String startsWith) {
        await().atMost(Duration.ofSeconds(45)).until(() -> reply(chatId, startsWith).isPresent());
        return reply(chatId, startsWith).orElseThrow();
    }

    private static Optional<String> reply(long chatId, String startsWith) {
        List<FakeTelegram.Sent> sent = TELEGRAM.sentTo(chatId);
        return sent.stream().map(FakeTelegram.Sent::text).filter(t -> t.startsWith(startsWith)).findFirst();
    }

    private static String codeFrom(String reply) {
        Matcher matcher = Pattern.compile("/confirm (\\d{6})").matcher(reply);
        assertThat(matcher.find()).as("reply names a code: %s", reply).isTrue();
        return matcher.group(1);
    }
}
