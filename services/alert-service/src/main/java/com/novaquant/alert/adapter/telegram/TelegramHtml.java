package com.novaquant.alert.adapter.telegram;

import com.novaquant.alert.domain.AlertGroup;
import com.novaquant.alert.domain.Delivery;
import com.novaquant.events.Alert;
import com.novaquant.events.Severity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a delivery as Telegram messages in HTML parse mode (every piece of alert text escaped), plus a plain-text
 * twin used if Telegram ever refuses the HTML. Long deliveries are split below Telegram's 4096-character limit.
 */
final class TelegramHtml {

    /** Room below Telegram's 4096 characters for the header of a continued message. */
    static final int MAX_MESSAGE = 3800;
    private static final int MAX_TEXT = 1500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    record Rendered(String html, String plain) {
    }

    private TelegramHtml() {
    }

    /** Escapes the three characters HTML parse mode requires escaped. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static List<Rendered> render(Delivery delivery) {
        List<Rendered> messages = new ArrayList<>();
        StringBuilder html = new StringBuilder(header(delivery, true, false));
        StringBuilder plain = new StringBuilder(header(delivery, false, false));
        for (AlertGroup group : delivery.groups()) {
            String blockHtml = block(group, true);
            String blockPlain = block(group, false);
            if (html.length() + blockHtml.length() > MAX_MESSAGE) {
                messages.add(new Rendered(html.toString(), plain.toString()));
                html = new StringBuilder(header(delivery, true, true));
                plain = new StringBuilder(header(delivery, false, true));
            }
            html.append(blockHtml);
            plain.append(blockPlain);
        }
        String footer = footer(delivery);
        html.append(footer);
        plain.append(footer);
        messages.add(new Rendered(html.toString(), plain.toString()));
        return messages;
    }

    private static String header(Delivery delivery, boolean html, boolean continued) {
        int groups = delivery.groups().size();
        String title = switch (delivery.kind()) {
            case ALERT -> delivery.severity() == Severity.CRITICAL
                    ? "\uD83D\uDEA8 " + bold(groups == 1 ? "CRITICAL" : groups + " CRITICAL alerts", html)
                    : "\u26A0\uFE0F " + bold(groups == 1 ? "WARNING" : groups + " WARNING alerts", html);
            case REMINDER -> "\uD83D\uDD01 " + bold("CRITICAL not acknowledged", html) + " - send /ack";
            case DIGEST -> "\uD83D\uDCCB " + bold("Digest", html) + " - " + delivery.alertCount() + " INFO alert(s)";
        };
        return title + (continued ? " (continued)" : "") + "\n";
    }

    private static String footer(Delivery delivery) {
        return delivery.kind() == Delivery.Kind.ALERT && delivery.severity() == Severity.CRITICAL
                ? "\nSend /ack to stop the reminders."
                : "";
    }

    private static String block(AlertGroup group, boolean html) {
        Alert latest = group.latest().alert();
        StringBuilder out = new StringBuilder("\n");
        String code = latest.code() == null ? "ALERT" : latest.code();
        out.append(html ? "<code>" + escape(code) + "</code>" : code);
        if (latest.source() != null) {
            out.append(" \u00B7 ").append(html ? escape(latest.source()) : latest.source());
        }
        out.append(" \u00B7 ").append(time(latest.atMs())).append(" UTC\n");
        String text = latest.text() == null ? "" : latest.text();
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT) + "...";
        }
        out.append(html ? escape(text) : text).append('\n');
        if (group.count() > 1) {
            String repeat = "\u00D7" + group.count() + " since " + time(group.first().alert().atMs()) + " UTC";
            out.append(html ? "<i>" + repeat + "</i>" : repeat).append('\n');
        }
        return out.toString();
    }

    private static String bold(String text, boolean html) {
        return html ? "<b>" + text + "</b>" : text;
    }

    private static String time(long atMs) {
        return TIME.format(Instant.ofEpochMilli(atMs));
    }
}
