package com.novaquant.alert.adapter.execution;

import com.novaquant.alert.application.ExecutionAdmin;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Exceptions;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Calls execution-service's admin API with this service's own Basic credentials (its DELEGATE account), naming the
 * Telegram user in {@code X-Nova-Actor}: execution records {@code "<account> for <user>"}. Answers are rendered as
 * short plain text for a phone; failures become a clear sentence, never an exception. A command that changes the desk
 * and gets no answer in time is reported as not confirmed, never as not done: execution may still be carrying it out.
 */
public final class ExecutionAdminClient implements ExecutionAdmin {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_REPLY = 3500;

    private final WebClient client;
    private final Duration timeout;
    private final Duration flattenTimeout;
    private final boolean hasPassword;

    /**
     * @param timeout        how long a command waits for its answer
     * @param flattenTimeout how long /flatten waits (execution answers once every pair is closed)
     */
    public ExecutionAdminClient(String baseUrl, String username, String password, Duration timeout,
                                Duration flattenTimeout) {
        this.timeout = timeout;
        this.flattenTimeout = flattenTimeout;
        this.hasPassword = password != null && !password.isBlank();
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        this.client = WebClient.builder()
                .baseUrl(baseUrl)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create()))
                .defaultHeader(HttpHeaders.AUTHORIZATION, basic)
                .build();
    }

    @Override
    public AdminAnswer status(String actor) {
        return get("/admin/status", actor, "Status");
    }

    @Override
    public AdminAnswer pnl(String actor) {
        return get("/admin/pnl?hours=24", actor, "PnL, last 24 h");
    }

    @Override
    public AdminAnswer positions(String actor) {
        return get("/admin/pairs", actor, "Open pairs");
    }

    @Override
    public AdminAnswer engageKillSwitch(String reason, String actor) {
        return post("/admin/kill-switch/engage", reason, actor, "Desk HALTED", "halt", timeout);
    }

    @Override
    public AdminAnswer freeze(String reason, String actor) {
        return post("/admin/kill-switch/freeze", reason, actor, "Desk FROZEN", "freeze", timeout);
    }

    @Override
    public AdminAnswer releaseKillSwitch(String reason, String actor) {
        return post("/admin/kill-switch/release", reason, actor, "Desk released to TRADING", "release", timeout);
    }

    @Override
    public AdminAnswer flatten(String reason, String actor) {
        return post("/admin/flatten", reason, actor, "Flatten done", "flatten", flattenTimeout);
    }

    private AdminAnswer get(String path, String actor, String title) {
        return exchange(client.get().uri(path).header("X-Nova-Actor", actor), title, null, timeout);
    }

    private AdminAnswer post(String path, String reason, String actor, String title, String change, Duration wait) {
        return exchange(client.post().uri(path).header("X-Nova-Actor", actor)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(JSON.writeValueAsString(Map.of("reason", reason))), title, change, wait);
    }

    /** @param change what the command changes (e.g. "flatten"), null for a read */
    private AdminAnswer exchange(WebClient.RequestHeadersSpec<?> request, String title, String change, Duration wait) {
        if (!hasPassword) {
            return new AdminAnswer(false, "Not done: the alert service has no account on execution-service"
                    + " (NOVA_ALERT_EXECUTION_PASSWORD is not set).");
        }
        record Reply(int status, String body) {
        }
        Reply reply;
        try {
            reply = request.exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                            .map(body -> new Reply(response.statusCode().value(), body)))
                    .timeout(wait)
                    .block();
        } catch (RuntimeException e) {
            Throwable cause = Exceptions.unwrap(e);
            if (change != null && cause instanceof TimeoutException) {
                // Sent and not answered: execution may have done it, or be doing it still.
                return new AdminAnswer(false, "Not confirmed: execution-service did not answer the " + change
                        + " within " + wait.toSeconds() + " s. It may still be under way: /status and /positions show"
                        + " where the desk stands.");
            }
            return new AdminAnswer(false, "Not done: execution-service did not answer ("
                    + cause.getClass().getSimpleName() + ").");
        }
        if (reply == null) {
            return new AdminAnswer(false, "Not done: execution-service gave no answer.");
        }
        if (reply.status() == 401) {
            return new AdminAnswer(false, "Not done: execution-service refused the alert service's credentials (HTTP "
                    + reply.status() + ").");
        }
        if (reply.status() == 403) {
            return new AdminAnswer(false, "Not done: the alert service's account may not do that on execution-service"
                    + " (HTTP 403): it needs the DELEGATE role.");
        }
        if (reply.status() / 100 != 2) {
            return new AdminAnswer(false, "Not done: execution-service answered HTTP " + reply.status()
                    + bounded(reply.body().isBlank() ? "" : ": " + reply.body(), 300));
        }
        return new AdminAnswer(true, bounded(title + "\n" + readable(reply.body()), MAX_REPLY));
    }

    /** JSON as indented "key: value" lines; anything else as it came. */
    static String readable(String body) {
        if (body.isBlank()) {
            return "(no details)";
        }
        try {
            StringBuilder out = new StringBuilder();
            render(JSON.readTree(body), "", out);
            return out.toString().stripTrailing();
        } catch (JacksonException e) {
            return body;
        }
    }

    private static void render(JsonNode node, String indent, StringBuilder out) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                JsonNode value = e.getValue();
                if (value.isContainer() && !value.isEmpty()) {
                    out.append(indent).append(e.getKey()).append(":\n");
                    render(value, indent + "  ", out);
                } else {
                    out.append(indent).append(e.getKey()).append(": ").append(scalar(value)).append('\n');
                }
            });
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append(indent).append("(none)\n");
            }
            int i = 1;
            for (JsonNode item : node) {
                out.append(indent).append('#').append(i++).append('\n');
                render(item, indent + "  ", out);
            }
        } else {
            out.append(indent).append(scalar(node)).append('\n');
        }
    }

    private static String scalar(JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return "-";
        }
        if (value.isContainer()) {
            return value.isArray() ? "(none)" : "-";
        }
        return value.asString();
    }

    private static String bounded(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
