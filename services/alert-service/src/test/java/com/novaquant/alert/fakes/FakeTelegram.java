package com.novaquant.alert.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP server on loopback that speaks the two Bot API methods the sentinel uses, with switchable failure
 * modes: 5xx, timeouts (answers later than the client waits, and counts nothing as delivered), and 429 with
 * {@code parameters.retry_after}.
 */
public final class FakeTelegram implements AutoCloseable {

    public enum Mode { OK, SERVER_ERROR, TIMEOUT }

    /** A message the fake accepted (answered 200 ok). */
    public record Sent(long chatId, String text, String parseMode, boolean silent, long atNanos) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final String token;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<ObjectNode> updates = new ArrayList<>();
    private final AtomicLong updateIds = new AtomicLong(1000);
    private final AtomicInteger rateLimitsLeft = new AtomicInteger();
    private final AtomicInteger answered429 = new AtomicInteger();
    private final AtomicInteger answered5xx = new AtomicInteger();
    private final AtomicInteger timedOut = new AtomicInteger();
    private final List<Long> rateLimitedAtNanos = new CopyOnWriteArrayList<>();
    private volatile int retryAfterSeconds = 1;
    private volatile Mode mode = Mode.OK;
    private volatile Duration timeoutDelay = Duration.ofSeconds(2);

    public FakeTelegram(String token) {
        this.token = token;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public void timeoutDelay(Duration delay) {
        this.timeoutDelay = delay;
    }

    /** The next {@code count} sendMessage calls get 429 with {@code retry_after}. */
    public void rateLimitNext(int count, int retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
        rateLimitsLeft.set(count);
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public List<Sent> sentTo(long chatId) {
        return sent.stream().filter(s -> s.chatId() == chatId).toList();
    }

    public int answered429() {
        return answered429.get();
    }

    public int answered5xx() {
        return answered5xx.get();
    }

    public int timedOut() {
        return timedOut.get();
    }

    public List<Long> rateLimitedAtNanos() {
        return List.copyOf(rateLimitedAtNanos);
    }

    public void reset() {
        mode = Mode.OK;
        rateLimitsLeft.set(0);
        sent.clear();
        rateLimitedAtNanos.clear();
        answered429.set(0);
        answered5xx.set(0);
        timedOut.set(0);
    }

    /** Queues a text message from a user in a chat, as getUpdates will report it. */
    public void userSays(long chatId, long userId, String userName, String text) {
        userSaid(chatId, userId, userName, text, System.currentTimeMillis() / 1000);
    }

    /** Queues a message sent at {@code epochSecond}, e.g. one that waited while the service was down. */
    public synchronized void userSaid(long chatId, long userId, String userName, String text, long epochSecond) {
        ObjectNode update = JSON.createObjectNode();
        update.put("update_id", updateIds.incrementAndGet());
        ObjectNode message = update.putObject("message");
        message.put("message_id", updateIds.get());
        message.put("date", epochSecond);
        message.put("text", text);
        message.putObject("chat").put("id", chatId).put("type", chatId < 0 ? "group" : "private");
        ObjectNode from = message.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "U");
        if (userName != null) {
            from.put("username", userName);
        }
        updates.add(update);
        notifyAll();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            if (!path.startsWith("/bot" + token + "/")) {
                respond(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
                return;
            }
            String method = path.substring(path.lastIndexOf('/') + 1);
            switch (method) {
                case "sendMessage" -> sendMessage(exchange, body);
                case "getUpdates" -> getUpdates(exchange, body);
                default -> respond(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sendMessage(HttpExchange exchange, JsonNode body) throws IOException, InterruptedException {
        if (rateLimitsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answered429.incrementAndGet();
            rateLimitedAtNanos.add(System.nanoTime());
            respond(exchange, 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
                    + retryAfterSeconds + "\",\"parameters\":{\"retry_after\":" + retryAfterSeconds + "}}");
            return;
        }
        switch (mode) {
            case SERVER_ERROR -> {
                answered5xx.incrementAndGet();
                respond(exchange, 502, "<html>Bad Gateway</html>");
                return;
            }
            case TIMEOUT -> {
                timedOut.incrementAndGet();
                TimeUnit.MILLISECONDS.sleep(timeoutDelay.toMillis());
                respond(exchange, 504, "{\"ok\":false,\"error_code\":504,\"description\":\"Gateway Timeout\"}");
                return;
            }
            case OK -> {
            }
        }
        String text = body.path("text").asString();
        if (text.isEmpty()) {
            respond(exchange, 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: message text is empty\"}");
            return;
        }
        sent.add(new Sent(body.path("chat_id").asLong(), text, body.path("parse_mode").asString(null),
                body.path("disable_notification").asBoolean(false), System.nanoTime()));
        respond(exchange, 200, "{\"ok\":true,\"result\":{\"message_id\":" + sent.size() + "}}");
    }

    private void getUpdates(HttpExchange exchange, JsonNode body) throws IOException, InterruptedException {
        long offset = body.path("offset").asLong(0);
        // Answer well before the client gives up, as Telegram does (it holds a long poll for "timeout" seconds).
        long waitMs = Math.max(0, Math.min(2000, body.path("timeout").asLong(0) * 1000 - 1000));
        long deadline = System.currentTimeMillis() + waitMs;
        ArrayNode result = JSON.createArrayNode();
        synchronized (this) {
            updates.removeIf(u -> u.path("update_id").asLong() < offset);
            while (updates.isEmpty() && System.currentTimeMillis() < deadline) {
                wait(Math.max(1, deadline - System.currentTimeMillis()));
            }
            updates.forEach(result::add);
        }
        respond(exchange, 200, "{\"ok\":true,\"result\":" + JSON.writeValueAsString(result) + "}");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
