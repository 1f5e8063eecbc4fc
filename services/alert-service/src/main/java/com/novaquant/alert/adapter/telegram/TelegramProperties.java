package com.novaquant.alert.adapter.telegram;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Telegram Bot API settings ({@code nova.telegram.*}). The token is not here: it comes from the environment
 * variable {@code TELEGRAM_BOT_TOKEN} only.
 *
 * @param baseUrl           Bot API root; tests point it at a local stand-in
 * @param chatIds           chats that receive every alert and whose commands are obeyed
 * @param requestTimeout    how long one sendMessage may take before it counts as a timeout
 * @param pollTimeout       long-polling timeout of getUpdates (Telegram holds the request open this long)
 * @param perChatInterval   minimum gap between two messages to one private chat (Telegram: about 1 per second)
 * @param groupChatInterval minimum gap between two messages to one group chat (negative id; Telegram: 20 per minute)
 * @param maxPerSecond      overall ceiling across chats (Telegram: about 30 per second)
 * @param commandsEnabled   poll getUpdates for operator commands
 * @param operatorIds       Telegram user ids (not chat ids) allowed to give the commands that change the desk's state
 *                          (/resume, /flatten, /confirm, /ack); empty: nobody can, from Telegram
 * @param confirmByAnotherOperator two-person rule: a /resume or /flatten code must be confirmed by an operator other
 *                          than the one who asked for it
 */
@ConfigurationProperties("nova.telegram")
public record TelegramProperties(
        @DefaultValue("https://api.telegram.org") String baseUrl,
        @DefaultValue List<Long> chatIds,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("25s") Duration pollTimeout,
        @DefaultValue("1s") Duration perChatInterval,
        @DefaultValue("3s") Duration groupChatInterval,
        @DefaultValue("25") int maxPerSecond,
        @DefaultValue("true") boolean commandsEnabled,
        @DefaultValue List<Long> operatorIds,
        @DefaultValue("false") boolean confirmByAnotherOperator) {

    public TelegramProperties {
        chatIds = chatIds == null ? List.of() : List.copyOf(chatIds);
        operatorIds = operatorIds == null ? List.of() : List.copyOf(operatorIds);
        if (maxPerSecond < 1) {
            throw new IllegalArgumentException("nova.telegram.max-per-second must be at least 1");
        }
        // Telegram user ids are positive; a negative one is a group's chat id pasted into the wrong list, which
        // would silently leave the desk without operators.
        for (long id : operatorIds) {
            if (id <= 0) {
                throw new IllegalArgumentException("nova.telegram.operator-ids holds Telegram user ids, which are "
                        + "positive; " + id + " is not one (a group chat id belongs in nova.telegram.chat-ids)");
            }
        }
    }
}
