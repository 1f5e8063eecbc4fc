package com.novaquant.alert;

import com.novaquant.alert.fakes.FakeExecutionAdmin;
import com.novaquant.alert.fakes.FakeTelegram;
import com.novaquant.testsupport.RealInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code nova.telegram.confirm-by-another-operator=true}: a /resume or /flatten code must be confirmed by a second
 * operator. A service instance of its own, with its own Bot API and admin API stand-ins (the shared instance of
 * {@link SentinelTestBase} would otherwise read these commands too). Alice and bob are operators, each in a private
 * chat of their own with the bot; trudy is a member of the group chat only.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class TwoPersonRuleIT {

    private static final String TOKEN = "888:two-person-token";
    private static final String ADMIN_PASSWORD = "two-person-admin";
    private static final long ALICE = 7;
    private static final long BOB = 9;
    private static final long TRUDY = 13;
    private static final long ALICE_CHAT = ALICE;
    private static final long BOB_CHAT = BOB;
    private static final long GROUP = -100300;
    private static final FakeTelegram TELEGRAM = new FakeTelegram(TOKEN);
    private static final FakeExecutionAdmin EXECUTION = new FakeExecutionAdmin("operator", ADMIN_PASSWORD);

    @DynamicPropertySource
    static void twoPersonRule(DynamicPropertyRegistry registry) throws IOException {
        registry.add("TELEGRAM_BOT_TOKEN", () -> TOKEN);
        registry.add("nova.admin.password", () -> ADMIN_PASSWORD);
        registry.add("nova.telegram.base-url", TELEGRAM::baseUrl);
        registry.add("nova.telegram.chat-ids", () -> ALICE_CHAT + "," + BOB_CHAT + "," + GROUP);
        registry.add("nova.telegram.operator-ids", () -> ALICE + "," + BOB);
        registry.add("nova.telegram.confirm-by-another-operator", () -> "true");
        registry.add("nova.telegram.per-chat-interval", () -> "0ms");
        registry.add("nova.telegram.group-chat-interval", () -> "0ms");
        registry.add("nova.telegram.poll-timeout", () -> "2s");
        registry.add("nova.alert.execution-url", EXECUTION::baseUrl);
        registry.add("nova.alert.idle-tick", () -> "50ms");
        registry.add("nova.alert.outbox-path",
                Files.createTempDirectory("alert-two-person").resolve("outbox.jsonl")::toString);
        registry.add("nova.alert.consumer-group", () -> "alert-two-person-" + UUID.randomUUID());
    }

    @BeforeEach
    void reset() {
        TELEGRAM.reset();
        EXECUTION.reset();
    }

    @AfterAll
    static void stopFakes() {
        TELEGRAM.close();
        EXECUTION.close();
    }

    @Test
    void anOperatorCannotConfirmTheirOwnCodeButAnotherOperatorCan() {
        TELEGRAM.userSays(ALICE_CHAT, ALICE, "alice", "/resume");
        String code = codeFrom(awaitReply(ALICE_CHAT, "To release the desk to TRADING, another operator must send"));

        TELEGRAM.userSays(ALICE_CHAT, ALICE, "alice", "/confirm " + code);
        assertThat(awaitReply(ALICE_CHAT, "Not done: another operator must confirm")).isNotBlank();
        assertThat(EXECUTION.calls()).as("alice alone cannot release the desk").isEmpty();

        // Alice passes the code on; bob confirms it from his own chat.
        TELEGRAM.userSays(BOB_CHAT, BOB, "bob", code);
        assertThat(awaitReply(BOB_CHAT, "Desk released to TRADING")).isNotBlank();
        FakeExecutionAdmin.Call call = EXECUTION.calls().getFirst();
        assertThat(call.path()).isEqualTo("/admin/kill-switch/release");
        assertThat(call.actor()).isEqualTo("telegram:@bob");
        assertThat(call.body()).contains("Telegram /resume by telegram:@alice, confirmed by telegram:@bob");

        TELEGRAM.userSays(ALICE_CHAT, ALICE, "alice", "/confirm " + code);
        assertThat(awaitReply(ALICE_CHAT, "No such confirmation code")).as("a code works once").isNotBlank();
        assertThat(EXECUTION.calls()).hasSize(1);
    }

    @Test
    void aMemberWhoIsNotAnOperatorCannotBeTheSecondPerson() {
        TELEGRAM.userSays(GROUP, ALICE, "alice", "/flatten");
        String code = codeFrom(awaitReply(GROUP, "To CLOSE EVERY PAIR"));

        TELEGRAM.userSays(GROUP, TRUDY, "trudy", code);
        assertThat(awaitReply(GROUP, "Not done: user @trudy (id 13) is not an operator of this desk.")).isNotBlank();
        assertThat(EXECUTION.calls()).isEmpty();

        TELEGRAM.userSays(GROUP, BOB, "bob", code);
        assertThat(awaitReply(GROUP, "Flatten done")).isNotBlank();
        assertThat(EXECUTION.calls()).extracting(FakeExecutionAdmin.Call::path).containsExactly("/admin/flatten");
        assertThat(EXECUTION.calls().getFirst().body())
                .contains("Telegram /flatten by telegram:@alice, confirmed by telegram:@bob");
    }

    private static String awaitReply(long chatId, String startsWith) {
        await().atMost(Duration.ofSeconds(45)).until(() -> reply(chatId, startsWith).isPresent());
        return reply(chatId, startsWith).orElseThrow();
    }

    private static Optional<String> reply(long chatId, String startsWith) {
        return TELEGRAM.sentTo(chatId).stream().map(FakeTelegram.Sent::text).filter(t -> t.startsWith(startsWith))
                .findFirst();
    }

    private static String codeFrom(String reply) {
        Matcher matcher = Pattern.compile("/confirm (\\d{6})").matcher(reply);
        assertThat(matcher.find()).as("reply names a code: %s", reply).isTrue();
        return matcher.group(1);
    }
}
