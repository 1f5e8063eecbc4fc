package com.novaquant.alert.adapter.telegram;

import com.novaquant.alert.application.DeliveryChannel;
import com.novaquant.alert.application.DeliveryResult;
import com.novaquant.alert.application.DeliveryResult.FailureKind;
import com.novaquant.alert.application.SentinelMetrics;
import com.novaquant.alert.domain.Delivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Delivers to every configured chat through sendMessage. Remembers which chat already has which part of the
 * delivery in progress, so a retry after a partial failure does not repeat it to the chats that got it.
 *
 * <p>Failure policy: 429 waits {@code retry_after}; 5xx, timeouts, network errors and a wrong token (401/404) are
 * retried with back-off (alerts wait, none is dropped); a 400 is retried once as plain text (the HTML was refused),
 * and a chat that refuses the bot (403) or the plain text too is skipped for this delivery, counted and logged,
 * because no retry can ever succeed there.
 */
public final class TelegramDeliveryChannel implements DeliveryChannel {

    private static final Logger log = LoggerFactory.getLogger(TelegramDeliveryChannel.class);

    private final TelegramBotApi api;
    private final BotToken token;
    private final List<Long> chatIds;
    private final SendPacer pacer;
    private final SentinelMetrics metrics;
    private String progressOf;
    private final Set<String> progress = new HashSet<>();

    TelegramDeliveryChannel(TelegramBotApi api, BotToken token, List<Long> chatIds, SendPacer pacer,
                            SentinelMetrics metrics) {
        this.api = api;
        this.token = token;
        this.chatIds = List.copyOf(chatIds);
        this.pacer = pacer;
        this.metrics = metrics;
    }

    @Override
    public boolean ready() {
        return token.present() && !chatIds.isEmpty();
    }

    @Override
    public String notReadyReason() {
        if (!token.present()) {
            return "TELEGRAM_BOT_TOKEN is not set";
        }
        return chatIds.isEmpty() ? "nova.telegram.chat-ids is empty" : "ready";
    }

    @Override
    public synchronized DeliveryResult send(Delivery delivery) {
        if (!delivery.id().equals(progressOf)) {
            progress.clear();
            progressOf = delivery.id();
        }
        List<TelegramHtml.Rendered> parts = TelegramHtml.render(delivery);
        for (long chatId : chatIds) {
            for (int part = 0; part < parts.size(); part++) {
                String mark = chatId + "/" + part;
                if (progress.contains(mark)) {
                    continue;
                }
                DeliveryResult failure = sendPart(chatId, parts.get(part), delivery.silent());
                if (failure != null) {
                    return failure;
                }
                progress.add(mark);
            }
        }
        progress.clear();
        progressOf = null;
        return new DeliveryResult.Delivered();
    }

    /** Sends a free-text reply (command answers), plain text, once. */
    public boolean reply(long chatId, String text) {
        if (!token.present()) {
            return false;
        }
        try {
            pacer.awaitSlot(chatId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        String bounded = text.length() > 4000 ? text.substring(0, 4000) + "..." : text;
        SendOutcome outcome = api.sendMessage(chatId, bounded, false, false);
        boolean ok = outcome instanceof SendOutcome.Ok;
        metrics.reply(ok);
        if (!ok) {
            log.warn("Reply to chat {} failed: {}", chatId, outcome);
        }
        return ok;
    }

    /** Null when the chat has the part (or can never have it), else the retry to report. */
    private DeliveryResult sendPart(long chatId, TelegramHtml.Rendered part, boolean silent) {
        try {
            pacer.awaitSlot(chatId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult.RetryLater(Duration.ZERO, FailureKind.UNEXPECTED);
        }
        SendOutcome outcome = api.sendMessage(chatId, part.html(), true, silent);
        if (outcome instanceof SendOutcome.BadRequest refused) {
            log.warn("Telegram refused the HTML message for chat {} ({}); sending it as plain text", chatId,
                    refused.description());
            metrics.channelError(SentinelMetrics.Refusal.BAD_REQUEST);
            outcome = api.sendMessage(chatId, part.plain(), false, silent);
        }
        return switch (outcome) {
            case SendOutcome.Ok ok -> null;
            case SendOutcome.RateLimited limited ->
                    new DeliveryResult.RetryLater(limited.retryAfter(), FailureKind.RATE_LIMITED);
            case SendOutcome.ServerError error -> new DeliveryResult.RetryLater(Duration.ZERO, FailureKind.SERVER_ERROR);
            case SendOutcome.Timeout timeout -> new DeliveryResult.RetryLater(Duration.ZERO, FailureKind.TIMEOUT);
            case SendOutcome.Network network -> {
                log.debug("Telegram unreachable: {}", network.reason());
                yield new DeliveryResult.RetryLater(Duration.ZERO, FailureKind.NETWORK);
            }
            case SendOutcome.Unauthorized unauthorized -> {
                log.error("Telegram rejects the bot token (HTTP {}): alerts wait until TELEGRAM_BOT_TOKEN is fixed",
                        unauthorized.status());
                yield new DeliveryResult.RetryLater(Duration.ZERO, FailureKind.UNAUTHORIZED);
            }
            case SendOutcome.Unexpected unexpected -> new DeliveryResult.RetryLater(Duration.ZERO, FailureKind.UNEXPECTED);
            case SendOutcome.Forbidden forbidden -> {
                metrics.channelError(SentinelMetrics.Refusal.FORBIDDEN);
                log.error("Chat {} refuses the bot ({}): this message is skipped there", chatId, forbidden.description());
                yield null;
            }
            case SendOutcome.BadRequest refused -> {
                metrics.channelError(SentinelMetrics.Refusal.REJECTED);
                log.error("Telegram refused even the plain-text message for chat {} ({}): skipped there", chatId,
                        refused.description());
                yield null;
            }
        };
    }
}
