package com.novaquant.alert;

import com.novaquant.alert.fakes.FakeExecutionAdmin;
import com.novaquant.alert.fakes.FakeTelegram;
import com.novaquant.events.EventCodec;
import com.novaquant.events.Topics;
import com.novaquant.events.UniverseSelection;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
            .encodeToString((BRIDGE_ACCOUNT + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
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
    void aUniversePublishedOnItsTopicShowsInStatusAndIsAnnouncedAsInfo() throws Exception {
        long revision = System.currentTimeMillis();
        UniverseSelection universe = new UniverseSelection(revision, System.currentTimeMillis(), 0,
                List.of(new UniverseSelection.Member("SOLUSDT", new BigDecimal("2500"), 0.312, 8, "SHARE"),
                        new UniverseSelection.Member("WIFUSDT", new BigDecimal("1800"), 0.24, 4, "PAIR_CAP")),
                List.of("SOLUSDT", "WIFUSDT", "XRPUSDT"), List.of(new UniverseSelection.Departure("XRPUSDT", "OUTRANKED")));
        kafka.send(Topics.UNIVERSE, UniverseSelection.KEY, EventCodec.encode(universe)).get();

        // The change message takes the path of every INFO alert: nova.alerts, the outbox, the digest.
        await().atMost(Duration.ofSeconds(45)).until(() -> Files.readString(OUTBOX).contains(
                "Universe r" + revision + ": 2 of 5 members. Entered: SOLUSDT (budget 2,500, net carry 31.2%),"
                        + " WIFUSDT (budget 1,800, net carry 24.0%). Left: XRPUSDT (OUTRANKED)."));
        TELEGRAM.userSays(CHAT_A, 7, "alice", "/status");
        assertThat(awaitReply(CHAT_A, "Status")).contains("Universe r" + revision + " \u00B7 2 of 5 \u00B7 SOLUSDT 2,500"
                + " (31.2%) \u00B7 WIFUSDT 1,800 (24.0%) \u00B7 closing: XRPUSDT\nSentinel: pending");
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
        assertThat(awaitReply(CHAT_A, "Flatten done")).isNotBlank();
        FakeExecutionAdmin.Call call = EXECUTION.calls().getFirst();
        assertThat(call.path()).isEqualTo("/admin/flatten");
        assertThat(call.authorization()).isEqualTo(BASIC);
        assertThat(call.body()).contains("Telegram /flatten by telegram:@alice");
    }

    @Test
    void aConfirmedFlattenIsAnsweredAtOnceAndReportedWhenDoneWhileOtherCommandsAreAnsweredMeanwhile() {
        EXECUTION.holdFlatten();
        TELEGRAM.userSays(CHAT_A, 7, "alice", "/flatten");
        String code = codeFrom(awaitReply(CHAT_A, "To CLOSE EVERY PAIR"));

        TELEGRAM.userSays(CHAT_A, 7, "alice", "/confirm " + code);
        assertThat(awaitReply(CHAT_A, "Flattening: execution is closing both legs of every open pair"))
                .contains("I will report here when it is done");
        await().atMost(Duration.ofSeconds(30)).until(() -> EXECUTION.calls().stream()
                .anyMatch(c -> c.path().equals("/admin/flatten")));

        // Execution is still closing legs: a /halt and a /status are answered meanwhile, not after it.
        TELEGRAM.userSays(CHAT_A, 7, "alice", "/halt");
        assertThat(awaitReply(CHAT_A, "Desk HALTED")).isNotBlank();
        TELEGRAM.userSays(CHAT_A, 7, "alice", "/status");
        assertThat(awaitReply(CHAT_A, "Status")).contains("Sentinel: pending CRITICAL");
        assertThat(replies(CHAT_A, "Flatten done")).as("not done before execution answers").isZero();

        EXECUTION.releaseFlatten();
        assertThat(awaitReply(CHAT_A, "Flatten done")).isNotBlank();
        assertThat(EXECUTION.calls()).extracting(FakeExecutionAdmin.Call::path)
                .containsExactly("/admin/flatten", "/admin/kill-switch/engage", "/admin/status");
    }

    @Test
    void aMemberOfAnAllowedChatWhoIsNotAnOperatorCannotResumeFlattenConfirmOrAcknowledge() {
        TELEGRAM.userSays(CHAT_A, ALICE, "alice", "/flatten");
        String alicesCode = codeFrom(awaitReply(CHAT_A, "To CLOSE EVERY PAIR"));
        double rejectedBefore = registry.counter("nova.alert.commands", "command", "/resume", "outcome", "rejected")
                .count();

        TELEGRAM.userSays(CHAT_A, EVE, "eve", "/resume");
        TELEGRAM.userSays(CHAT_A, EVE, "eve", "/flatten");
        TELEGRAM.userSays(CHAT_A, EVE, "eve", "/confirm " + alicesCode);
        TELEGRAM.userSays(CHAT_A, EVE, "eve", alicesCode);
        TELEGRAM.userSays(CHAT_A, EVE, "eve", "/ack");

        String refusal = "Not done: user @eve (id 5) is not an operator of this desk.";
        await().atMost(Duration.ofSeconds(45)).until(() -> replies(CHAT_A, refusal) == 5);
        assertThat(replies(CHAT_A, "To ")).as("no code issued to eve").isEqualTo(1);
        assertThat(EXECUTION.calls()).as("nothing reached execution's admin API").isEmpty();
        assertThat(registry.counter("nova.alert.commands", "command", "/resume", "outcome", "rejected").count())
                .isEqualTo(rejectedBefore + 1);
        // Raised like an unknown chat: a WARNING through nova.alerts to the allowed chats. No code is echoed in it.
        await().atMost(Duration.ofSeconds(45)).until(() -> alertMessages(CHAT_A).stream()
                .anyMatch(m -> m.text().contains("TELEGRAM_NOT_OPERATOR") && m.text().contains("@eve")));
        assertThat(alertMessages(CHAT_A)).noneMatch(m -> m.text().contains(alicesCode));

        // Eve's attempts did not spend alice's code.
        TELEGRAM.userSays(CHAT_A, ALICE, "alice", alicesCode);
        assertThat(awaitReply(CHAT_A, "Flatten done")).isNotBlank();
        assertThat(EXECUTION.calls()).extracting(FakeExecutionAdmin.Call::path).containsExactly("/admin/flatten");
    }

    @Test
    void anOperatorCanResumeAndConfirmFromAGroupChat() {
        TELEGRAM.userSays(CHAT_B, BOB, "bob", "/resume");
        String code = codeFrom(awaitReply(CHAT_B, "To release the desk to TRADING"));

        TELEGRAM.userSays(CHAT_B, BOB, "bob", "/confirm " + code);
        assertThat(awaitReply(CHAT_B, "Desk released to TRADING")).isNotBlank();
        FakeExecutionAdmin.Call call = EXECUTION.calls().getFirst();
        assertThat(call.path()).isEqualTo("/admin/kill-switch/release");
        assertThat(call.actor()).isEqualTo("telegram:@bob");
        assertThat(call.body()).contains("Telegram /resume by telegram:@bob");
    }

    @Test
    void readOnlyCommandsAndTheBrakesStillWorkForMembersWhoAreNotOperators() {
        TELEGRAM.userSays(CHAT_A, EVE, "eve", "/status");
        assertThat(awaitReply(CHAT_A, "Status")).contains("openPairs: 2");
        TELEGRAM.userSays(CHAT_A, EVE, "eve", "/pnl");
        assertThat(awaitReply(CHAT_A, "PnL")).contains("total: 16.24");
        TELEGRAM.userSays(CHAT_A, EVE, "eve", "/positions");
        assertThat(awaitReply(CHAT_A, "Open pairs")).contains("symbol: BTCUSDT");
        TELEGRAM.userSays(CHAT_A, EVE, "eve", "/help");
        assertThat(awaitReply(CHAT_A, "Nova Quant sentinel commands")).contains("operators only");
        // /halt and /freeze only stop trading: any member who sees trouble may pull the brake.
        TELEGRAM.userSays(CHAT_A, EVE, "eve", "/halt looks wrong");
        assertThat(awaitReply(CHAT_A, "Desk HALTED")).isNotBlank();
        TELEGRAM.userSays(CHAT_A, EVE, "eve", "/freeze looks forged");
        assertThat(awaitReply(CHAT_A, "Desk FROZEN")).isNotBlank();

        assertThat(EXECUTION.calls()).extracting(FakeExecutionAdmin.Call::path).containsExactly("/admin/status",
                "/admin/pnl", "/admin/pairs", "/admin/kill-switch/engage", "/admin/kill-switch/freeze");
        assertThat(EXECUTION.calls()).extracting(FakeExecutionAdmin.Call::actor).containsOnly("telegram:@eve");
        assertThat(reply(CHAT_A, "Not done")).isEmpty();
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

    private static long replies(long chatId, String startsWith) {
        return TELEGRAM.sentTo(chatId).stream().filter(t -> t.text().startsWith(startsWith)).count();
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
