package com.novaquant.alert.adapter.telegram;

/**
 * The bot token (from {@code TELEGRAM_BOT_TOKEN} only). It is part of every Bot API URL path, so neither it nor any
 * URL built from it is ever logged: {@link #toString()} is masked and {@link #redact} scrubs it from error texts.
 */
public final class BotToken {

    private final String value;

    private BotToken(String value) {
        this.value = value;
    }

    /** A token, or an absent one for null/blank input. */
    public static BotToken of(String value) {
        return new BotToken(value == null || value.isBlank() ? null : value.strip());
    }

    public boolean present() {
        return value != null;
    }

    String value() {
        return value;
    }

    /** {@code text} with every occurrence of the token replaced. */
    public String redact(String text) {
        if (text == null || value == null) {
            return text;
        }
        return text.replace(value, "<token>");
    }

    @Override
    public String toString() {
        return present() ? "BotToken[****]" : "BotToken[absent]";
    }
}
