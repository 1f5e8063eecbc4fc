package com.novaquant.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the Telegram Bot API: prints what would be sent, and answers {@code getUpdates} with no
 * updates (after a short wait, like a long poll). Used when no real bot token is configured. Tests can make it fail
 * the way Telegram does: an outage (502 from Telegram's front end) or a flood limit (429 with {@code retry_after}).
 */
public final class TelegramSink implements AutoCloseable {

    private static final Pattern TEXT = Pattern.compile("\"text\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern CHAT = Pattern.compile("\"chat_id\"\\s*:\\s*\"?(-?\\d+)");

    private final HttpServer server;
    private final PrintStream console;
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<String> chats = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong attempts = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong refused = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean down;
    private volatile long rateLimitedUntilMs;
    private final java.util.concurrent.BlockingQueue<String> updates = new java.util.concurrent.LinkedBlockingQueue<>();
    private long messageId;
    private long updateId;

    private TelegramSink(HttpServer server, PrintStream console) {
        this.server = server;
        this.console = console;
    }

    public static TelegramSink start(int port, PrintStream console) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            TelegramSink sink = new TelegramSink(server, console);
            server.createContext("/", sink::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return sink;
        } catch (IOException e) {
            throw new UncheckedIOException("Telegram sink could not bind port " + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<String> sent() {
        return List.copyOf(sent);
    }

    /** Texts delivered to one chat. */
    public synchronized List<String> sentTo(long chatId) {
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            if (chats.get(i).equals(String.valueOf(chatId))) {
                texts.add(sent.get(i));
            }
        }
        return texts;
    }

    /** While down, every sendMessage answers 502 and delivers nothing. */
    public void outage(boolean down) {
        this.down = down;
    }

    /** For the given time, every sendMessage answers 429 with {@code retry_after} and delivers nothing. */
    public void rateLimit(java.time.Duration duration) {
        rateLimitedUntilMs = System.currentTimeMillis() + duration.toMillis();
    }

    /** sendMessage calls received, delivered or not. */
    public long attempts() {
        return attempts.get();
    }

    /** sendMessage calls answered with an error (outage or rate limit). */
    public long refused() {
        return refused.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String response;
        int status = 200;
        long retryAfterMs = rateLimitedUntilMs - System.currentTimeMillis();
        if (path.endsWith("/sendMessage") && (down || retryAfterMs > 0)) {
            attempts.incrementAndGet();
            refused.incrementAndGet();
            if (down) {
                status = 502;
                response = "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}";
            } else {
                status = 429;
                long seconds = Math.max(1, (retryAfterMs + 999) / 1000);
                response = "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after " + seconds
                        + "\",\"parameters\":{\"retry_after\":" + seconds + "}}";
            }
        } else if (path.endsWith("/sendMessage")) {
            attempts.incrementAndGet();
            String text = extract(TEXT, body, exchange.getRequestURI().getRawQuery(), "text");
            String chat = extract(CHAT, body, exchange.getRequestURI().getRawQuery(), "chat_id");
            synchronized (this) {
                chats.add(chat);
                sent.add(text);
            }
            console.println("\u001b[1m[telegram -> chat " + chat + "]\u001b[0m " + text.replace("\\n", "\n    "));
            synchronized (this) {
                messageId++;
            }
            response = "{\"ok\":true,\"result\":{\"message_id\":" + messageId + ",\"date\":" + System.currentTimeMillis() / 1000
                    + ",\"chat\":{\"id\":" + (chat.isEmpty() ? "0" : chat) + ",\"type\":\"private\"},\"text\":\"\"}}";
        } else if (path.endsWith("/getUpdates")) {
            String update = null;
            try {
                update = updates.poll(1, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            response = "{\"ok\":true,\"result\":[" + (update == null ? "" : update) + "]}";
        } else if (path.endsWith("/getMe")) {
            response = "{\"ok\":true,\"result\":{\"id\":1,\"is_bot\":true,\"first_name\":\"Nova Local\",\"username\":\"nova_local_bot\"}}";
        } else {
            response = "{\"ok\":true,\"result\":true}";
        }
        byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** Queues a message from an operator's chat, delivered to the bot's next getUpdates. */
    public void command(long chatId, String username, String text) {
        command(chatId, chatId, username, text);
    }

    /** Queues a message written in a chat by one of its members (e.g. a group member who is no operator). */
    public synchronized void command(long chatId, long userId, String username, String text) {
        updateId++;
        long now = System.currentTimeMillis() / 1000;
        updates.add(("{\"update_id\":%d,\"message\":{\"message_id\":%d,\"date\":%d,\"chat\":{\"id\":%d,\"type\":\"%s\"},"
                + "\"from\":{\"id\":%d,\"is_bot\":false,\"first_name\":\"%s\",\"username\":\"%s\"},\"text\":\"%s\"}}")
                .formatted(updateId, updateId, now, chatId, userId == chatId ? "private" : "group", userId, username, username, text.replace("\"", "\\\"")));
    }

    private static String extract(Pattern json, String body, String rawQuery, String name) {
        Matcher m = json.matcher(body);
        if (m.find()) {
            return m.group(1);
        }
        for (String part : (rawQuery == null ? body : rawQuery + "&" + body).split("&")) {
            if (part.startsWith(name + "=")) {
                return URLDecoder.decode(part.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
