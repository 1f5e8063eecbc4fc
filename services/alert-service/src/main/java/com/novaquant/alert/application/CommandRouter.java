package com.novaquant.alert.application;

import com.novaquant.alert.domain.AlertDesk;
import com.novaquant.alert.domain.PendingAlert;
import com.novaquant.events.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The operator's commands. Only allow-listed chats are obeyed; anything else is ignored without a reply and raised
 * as a WARNING. A chat is not a person: in an allowed group every member can write, so the commands that change the
 * desk's state ({@link #OPERATOR_COMMANDS}) are obeyed only from the Telegram users listed as operators; anyone
 * else gets a refusal, and a WARNING is raised. Commands older than {@code maxAge} (queued while the service was
 * down) are refused rather than acted on late. /resume and /flatten need a one-time code sent back within the
 * confirmation window, by the operator who asked or, under the two-person rule, by another operator.
 */
public final class CommandRouter {

    private static final Logger log = LoggerFactory.getLogger(CommandRouter.class);
    private static final Pattern CODE = Pattern.compile("\\d{6}");
    /** Commands counted under their own name in {@code nova_alert_commands_total{command}}; anything else is "other". */
    static final List<String> COUNTED_COMMANDS = List.of("/help", "/start", "/status", "/pnl", "/positions", "/halt",
            "/freeze", "/resume", "/flatten", "/confirm", "/ack", "other");
    static final String HELP = """
            Nova Quant sentinel commands:
            /status - desk state (TRADING, HALTED, FROZEN), holds, gated symbols, open pairs, PnL today, universe
            /pnl - PnL over the last 24 h: the summary line, basis, funding and fees, by symbol and by day
            /positions - open pairs, both legs
            /halt [reason] - HALT: nothing new opens; closes, reductions and flatten continue
            /freeze [reason] - FREEZE: nothing trades except what an operator orders
            /resume - release HALTED or FROZEN to TRADING (asks for a confirmation code)
            /flatten - close every pair, both legs (asks for a confirmation code)
            /confirm <code> - confirm /resume or /flatten
            /ack - acknowledge escalating CRITICAL alerts
            /help - this list
            /resume, /flatten, /confirm and /ack are for the desk's operators only.""";
    /**
     * Commands only operators may give: they release the desk, close every pair, or silence the CRITICAL escalation
     * that pages the operators ("code" is a bare confirmation code). /halt and /freeze are left open to every member
     * of an allowed chat on purpose: they only stop trading, whoever sees trouble should be able to pull the brake,
     * and undoing them (/resume) takes an operator.
     */
    static final Set<String> OPERATOR_COMMANDS = Set.of("/resume", "/flatten", "/confirm", "code", "/ack");

    private final Set<Long> allowedChats;
    private final Set<Long> operators;
    private final ExecutionAdmin admin;
    private final AlertDesk desk;
    private final AlertOutbox outbox;
    private final OwnAlerts alerts;
    private final UniverseFollower universe;
    private final ConfirmationCodes codes;
    private final SentinelMetrics metrics;
    private final Clock clock;
    private final Duration maxAge;

    /** @param operators Telegram user ids allowed to give {@link #OPERATOR_COMMANDS}; empty: nobody may */
    public CommandRouter(Set<Long> allowedChats, Set<Long> operators, ExecutionAdmin admin, AlertDesk desk,
                         AlertOutbox outbox, OwnAlerts alerts, UniverseFollower universe, ConfirmationCodes codes,
                         SentinelMetrics metrics, Clock clock, Duration maxAge) {
        this.allowedChats = Set.copyOf(allowedChats);
        this.operators = Set.copyOf(operators);
        this.admin = admin;
        this.desk = desk;
        this.outbox = outbox;
        this.alerts = alerts;
        this.universe = universe;
        this.codes = codes;
        this.metrics = metrics;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /**
     * Handles one message; returns the reply for its chat, if one is due. A command that takes long (a flatten waits
     * until both legs of every pair are closed) is answered at once and runs on a thread of its own; its result goes
     * to {@code followUp} as a second message, so the commands that come meanwhile ({@code /halt}, {@code /status})
     * are not held behind it.
     */
    public Optional<String> handle(ChatCommand command, Consumer<String> followUp) {
        String text = command.text() == null ? "" : command.text().strip();
        String name = commandName(text);
        if (!allowedChats.contains(command.chatId())) {
            metrics.command(counted(name), "rejected");
            log.warn("Ignored a message from chat {} (not allow-listed)", command.chatId());
            alerts.raise(Severity.WARNING, "TELEGRAM_UNAUTHORIZED",
                    "Ignored a message from chat " + command.chatId() + " (" + command.actor() + "), not allow-listed: "
                            + abbreviate(text, 60),
                    "TELEGRAM_UNAUTHORIZED:" + command.chatId());
            return Optional.empty();
        }
        if (OPERATOR_COMMANDS.contains(name) && !operators.contains(command.userId())) {
            return Optional.of(refuseNonOperator(command, name));
        }
        Instant now = clock.instant();
        if (command.sentAt() != null && command.sentAt().plus(maxAge).isBefore(now)) {
            metrics.command(counted(name), "rejected");
            return Optional.of("Ignored " + abbreviate(text, 40) + ": sent at " + command.sentAt()
                    + ", too old to act on. Send it again if you still mean it.");
        }
        String argument = text.contains(" ") ? text.substring(text.indexOf(' ') + 1).strip() : "";
        Outcome outcome = switch (name) {
            case "/help", "/start" -> Outcome.accepted(HELP);
            case "/status" -> withSentinelState(fromAdmin(admin.status(command.actor())));
            case "/pnl" -> fromAdmin(admin.pnl(command.actor()));
            case "/positions" -> fromAdmin(admin.positions(command.actor()));
            case "/halt" -> fromAdmin(admin.engageKillSwitch(
                    reason("halt", argument, command), command.actor()));
            case "/freeze" -> fromAdmin(admin.freeze(reason("freeze", argument, command), command.actor()));
            case "/resume" -> askConfirmation(command, ConfirmationCodes.Action.RESUME, now,
                    "release the desk to TRADING");
            case "/flatten" -> askConfirmation(command, ConfirmationCodes.Action.FLATTEN, now,
                    "CLOSE EVERY PAIR (both legs) and engage the kill switch");
            case "/confirm" -> confirm(command, argument, now, followUp);
            case "/ack" -> acknowledge(command);
            case "code" -> confirm(command, text, now, followUp);
            default -> Outcome.rejected("Unknown command. " + HELP);
        };
        metrics.command(counted(name), outcome.accepted ? "accepted" : outcome.failed ? "failed" : "rejected");
        return Optional.of(outcome.reply);
    }

    /**
     * A member of an allowed chat who is not an operator: told why, counted, and raised as a WARNING so the operators
     * learn that someone tried. The command's argument is not echoed: it may be a confirmation code.
     */
    private String refuseNonOperator(ChatCommand command, String name) {
        metrics.command(counted(name), "rejected");
        String user = command.userName() == null || command.userName().isBlank()
                ? Long.toString(command.userId())
                : "@" + command.userName() + " (id " + command.userId() + ")";
        log.warn("Refused {} from Telegram user {} in chat {}: not an operator", counted(name), user, command.chatId());
        alerts.raise(Severity.WARNING, "TELEGRAM_NOT_OPERATOR",
                "Refused " + counted(name) + " from Telegram user " + user + " in chat " + command.chatId()
                        + ": not an operator of this desk (nova.telegram.operator-ids)",
                "TELEGRAM_NOT_OPERATOR:" + command.userId());
        return "Not done: user " + user + " is not an operator of this desk."
                + (operators.isEmpty() ? " No Telegram operator is configured (nova.telegram.operator-ids)." : "");
    }

    private Outcome askConfirmation(ChatCommand command, ConfirmationCodes.Action action, Instant now, String what) {
        String code = codes.issue(command.chatId(), command.userId(), command.actor(), action, now);
        String who = codes.byAnotherOperator() ? "another operator must send" : "send";
        return Outcome.accepted("To " + what + ", " + who + " /confirm " + code + " within "
                + codes.validity().toSeconds() + " s.");
    }

    private Outcome confirm(ChatCommand command, String code, Instant now, Consumer<String> followUp) {
        ConfirmationCodes.Redemption redemption = CODE.matcher(code).matches()
                ? codes.redeem(code, command.chatId(), command.userId(), now)
                : new ConfirmationCodes.Redemption.NoSuchCode();
        return switch (redemption) {
            case ConfirmationCodes.Redemption.NoSuchCode ignored -> Outcome.rejected(
                    "No such confirmation code for you (wrong, expired or already used). Nothing was done.");
            case ConfirmationCodes.Redemption.NeedsAnotherOperator ignored -> Outcome.rejected(
                    "Not done: another operator must confirm this code (two-person rule); it stays valid until it "
                            + "expires.");
            case ConfirmationCodes.Redemption.Confirmed confirmed -> {
                // Execution's audit trail names both people when two were needed.
                String by = confirmed.askedByUserId() == command.userId()
                        ? confirmed.askedBy()
                        : confirmed.askedBy() + ", confirmed by " + command.actor();
                yield switch (confirmed.action()) {
                    case RESUME -> fromAdmin(admin.releaseKillSwitch("Telegram /resume by " + by, command.actor()));
                    case FLATTEN -> flattenInBackground("Telegram /flatten by " + by, command.actor(), followUp);
                };
            }
        };
    }

    private Outcome flattenInBackground(String reason, String actor, Consumer<String> followUp) {
        Thread.ofVirtual().name("telegram-flatten").start(() -> {
            ExecutionAdmin.AdminAnswer answer;
            try {
                answer = admin.flatten(reason, actor);
            } catch (RuntimeException e) {
                answer = new ExecutionAdmin.AdminAnswer(false, "Not done: the flatten failed (" + e + ").");
            }
            if (!answer.ok()) {
                // The confirmation was counted accepted when the flatten started; its failure is counted too.
                metrics.command("/confirm", "failed");
            }
            log.warn("Flatten for {}: {}", actor, answer.ok() ? "done" : answer.text());
            followUp.accept(answer.text());
        });
        return Outcome.accepted("Flattening: execution is closing both legs of every open pair and keeps the desk "
                + "HALTED. I will report here when it is done; /status meanwhile shows where it stands.");
    }

    private Outcome acknowledge(ChatCommand command) {
        List<PendingAlert> acknowledged = desk.acknowledgeAll();
        if (!acknowledged.isEmpty()) {
            try {
                outbox.markAcknowledged(acknowledged);
            } catch (RuntimeException e) {
                // Acknowledged in memory; after a restart these would escalate once more, which is the safe side.
                metrics.outboxError("mark_acknowledged");
                log.error("Could not record the acknowledgement in the outbox: {}", e.toString());
            }
        }
        metrics.acknowledged(acknowledged.size());
        log.info("{} acknowledged {} CRITICAL alert(s)", command.actor(), acknowledged.size());
        return Outcome.accepted(acknowledged.isEmpty()
                ? "Nothing to acknowledge."
                : "Acknowledged " + acknowledged.size() + " CRITICAL alert(s); escalation stopped.");
    }

    /**
     * /status also tells the traded universe (once one was seen) and what the sentinel itself is holding, even when
     * execution does not answer.
     */
    private Outcome withSentinelState(Outcome outcome) {
        String universeLine = universe.statusLine().map(line -> "\n" + line).orElse("");
        String sentinel = universeLine + "\nSentinel: pending CRITICAL " + desk.pending(Severity.CRITICAL)
                + ", WARNING " + desk.pending(Severity.WARNING) + ", INFO " + desk.pending(Severity.INFO)
                + " (digest " + desk.nextDigest() + "); unacknowledged CRITICAL " + desk.unacknowledged();
        return new Outcome(outcome.accepted, outcome.failed, outcome.reply + "\n" + sentinel);
    }

    private static Outcome fromAdmin(ExecutionAdmin.AdminAnswer answer) {
        return answer.ok() ? Outcome.accepted(answer.text()) : new Outcome(false, true, answer.text());
    }

    private static String reason(String verb, String argument, ChatCommand command) {
        return "Telegram /" + verb + " by " + command.actor() + (argument.isBlank() ? "" : ": " + argument);
    }

    /** The command word without a bot suffix ({@code /status@NovaBot}); a bare six-digit code counts as a confirmation. */
    static String commandName(String text) {
        if (CODE.matcher(text).matches()) {
            return "code";
        }
        if (!text.startsWith("/")) {
            return "other";
        }
        String word = text.split("\\s+", 2)[0];
        int at = word.indexOf('@');
        return (at > 0 ? word.substring(0, at) : word).toLowerCase(Locale.ROOT);
    }

    /** The {@code command} tag: a bare code counts as /confirm, anything unknown as "other". */
    private static String counted(String name) {
        return name.equals("code") ? "/confirm" : COUNTED_COMMANDS.contains(name) ? name : "other";
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }

    private record Outcome(boolean accepted, boolean failed, String reply) {
        static Outcome accepted(String reply) {
            return new Outcome(true, false, reply);
        }

        static Outcome rejected(String reply) {
            return new Outcome(false, false, reply);
        }
    }
}
