package com.novaquant.alert.adapter.telegram;

import com.novaquant.alert.application.ChatCommand;
import com.novaquant.alert.application.CommandRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Long-polls getUpdates on its own thread and hands each text message to the {@link CommandRouter}. An update is
 * confirmed to Telegram (by the next call's offset) only after it was handled, so a crash mid-command re-delivers
 * it rather than losing it; stale re-deliveries are refused by the router's age check.
 */
public final class TelegramCommandPoller {

    private static final Logger log = LoggerFactory.getLogger(TelegramCommandPoller.class);

    private final TelegramBotApi api;
    private final TelegramDeliveryChannel replies;
    private final CommandRouter router;
    private final Duration pollTimeout;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private volatile boolean running;
    private Thread thread;
    private long offset;

    TelegramCommandPoller(TelegramBotApi api, TelegramDeliveryChannel replies, CommandRouter router,
                          Duration pollTimeout, Duration minBackoff, Duration maxBackoff) {
        this.api = api;
        this.replies = replies;
        this.router = router;
        this.pollTimeout = pollTimeout;
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("telegram-commands").daemon(true).start(this::run);
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    private void run() {
        Duration backoff = minBackoff;
        while (running) {
            try {
                List<TelegramBotApi.Update> updates = api.getUpdates(offset, pollTimeout);
                backoff = minBackoff;
                for (TelegramBotApi.Update update : updates) {
                    try {
                        handle(update);
                    } catch (RuntimeException e) {
                        // One bad command must not block every later one: it is logged and confirmed anyway.
                        log.error("Handling Telegram update {} failed", update.updateId(), e);
                    }
                    offset = Math.max(offset, update.updateId() + 1);
                }
            } catch (TelegramBotApi.PollException e) {
                if (!running) {
                    return;
                }
                // E.g. 409 when a webhook is set on the bot: keep trying, but without flooding the log.
                log.warn("getUpdates failed ({}); retrying in {} ms", e.getMessage(), backoff.toMillis());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    private void handle(TelegramBotApi.Update update) {
        if (update.text() == null) {
            return;
        }
        ChatCommand command = new ChatCommand(update.chatId(), update.userId(), update.userName(), update.text(),
                update.sentAt());
        Optional<String> reply = router.handle(command, followUp -> replies.reply(update.chatId(), followUp));
        reply.ifPresent(text -> replies.reply(update.chatId(), text));
    }

    private void sleep(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
