package com.novaquant.alert.adapter.telegram;

import io.netty.channel.ChannelOption;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Exceptions;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * The two Bot API methods we use, over WebClient (Reactor Netty), called from our own threads and awaited with a
 * bound. Answers are classified into {@link SendOutcome}. Nothing here logs: URLs contain the token.
 */
public final class TelegramBotApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebClient client;
    private final BotToken token;
    private final Duration requestTimeout;

    public TelegramBotApi(String baseUrl, BotToken token, Duration requestTimeout, Duration pollTimeout) {
        this.token = token;
        this.requestTimeout = requestTimeout;
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(requestTimeout.toMillis(), 10_000))
                // Long polls hold the response for pollTimeout; a send must answer within requestTimeout.
                .responseTimeout(pollTimeout.plus(requestTimeout));
        this.client = WebClient.builder()
                .baseUrl(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl)
                .clientConnector(new ReactorClientHttpConnector(http))
                .build();
    }

    /** An update carrying a text message. */
    public record Update(long updateId, long chatId, long userId, String userName, String text, Instant sentAt) {
    }

    /** A failed getUpdates, with the reason already free of the token. */
    public static final class PollException extends RuntimeException {
        PollException(String message) {
            super(message, null, false, false);
        }
    }

    SendOutcome sendMessage(long chatId, String text, boolean html, boolean silent) {
        ObjectNode body = JSON.createObjectNode();
        body.put("chat_id", chatId);
        body.put("text", text);
        if (html) {
            body.put("parse_mode", "HTML");
        }
        body.put("disable_notification", silent);
        body.putObject("link_preview_options").put("is_disabled", true);
        Answer answer;
        try {
            answer = call("sendMessage", body, requestTimeout);
        } catch (RuntimeException e) {
            Throwable cause = Exceptions.unwrap(e);
            if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
                return new SendOutcome.Timeout();
            }
            return new SendOutcome.Network(token.redact(cause.getClass().getSimpleName() + ": " + cause.getMessage()));
        }
        return classify(answer);
    }

    /** Long-polls for new messages from {@code offset} on. */
    public List<Update> getUpdates(long offset, Duration timeout) {
        ObjectNode body = JSON.createObjectNode();
        body.put("offset", offset);
        body.put("timeout", Math.max(0, timeout.toSeconds()));
        body.putArray("allowed_updates").add("message");
        Answer answer;
        try {
            answer = call("getUpdates", body, timeout.plus(requestTimeout));
        } catch (RuntimeException e) {
            Throwable cause = Exceptions.unwrap(e);
            throw new PollException(token.redact(cause.getClass().getSimpleName() + ": " + cause.getMessage()));
        }
        if (answer.status != 200) {
            throw new PollException("getUpdates answered HTTP " + answer.status);
        }
        List<Update> updates = new ArrayList<>();
        for (JsonNode update : answer.json.path("result")) {
            long updateId = update.path("update_id").asLong();
            JsonNode message = update.path("message");
            if (message.isMissingNode() || !message.path("text").isString()) {
                updates.add(new Update(updateId, 0, 0, null, null, null));
                continue;
            }
            JsonNode from = message.path("from");
            updates.add(new Update(updateId,
                    message.path("chat").path("id").asLong(),
                    from.path("id").asLong(),
                    from.path("username").isString() ? from.path("username").asString() : null,
                    message.path("text").asString(),
                    Instant.ofEpochSecond(message.path("date").asLong())));
        }
        return updates;
    }

    private record Answer(int status, JsonNode json) {
    }

    private Answer call(String method, ObjectNode body, Duration timeout) {
        return client.post()
                .uri("/bot{token}/{method}", token.value(), method)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(JSON.writeValueAsString(body))
                .exchangeToMono(response -> response.bodyToMono(String.class)
                        .defaultIfEmpty("")
                        .map(text -> new Answer(response.statusCode().value(), parse(text))))
                .timeout(timeout)
                .block();
    }

    private static JsonNode parse(String text) {
        try {
            return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (JacksonException e) {
            return JSON.createObjectNode();
        }
    }

    private static SendOutcome classify(Answer answer) {
        int status = answer.status;
        JsonNode json = answer.json;
        if (status == 200 && json.path("ok").asBoolean(true)) {
            return new SendOutcome.Ok();
        }
        String description = json.path("description").asString("");
        if (status == 429) {
            long seconds = json.path("parameters").path("retry_after").asLong(1);
            return new SendOutcome.RateLimited(Duration.ofSeconds(Math.max(1, seconds)));
        }
        if (HttpStatusCode.valueOf(status).is5xxServerError()) {
            return new SendOutcome.ServerError(status);
        }
        return switch (status) {
            case 400 -> new SendOutcome.BadRequest(description);
            case 401, 404 -> new SendOutcome.Unauthorized(status);
            case 403 -> new SendOutcome.Forbidden(description);
            default -> new SendOutcome.Unexpected(status);
        };
    }
}
