package com.novaquant.alert.adapter.execution;

import com.novaquant.alert.application.ExecutionAdmin.AdminAnswer;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The client against a real HTTP server on loopback that answers as slowly as a busy execution would. */
class ExecutionAdminClientTest {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);
    private static final Duration FLATTEN_TIMEOUT = Duration.ofSeconds(20);

    private final CountDownLatch released = new CountDownLatch(1);
    private HttpServer execution;
    private ExecutionAdminClient client;

    @BeforeEach
    void start() throws IOException {
        execution = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        execution.setExecutor(Executors.newCachedThreadPool());
        // Flatten answers once every pair is closed: here after the other commands' timeout has long passed.
        execution.createContext("/admin/flatten", exchange -> {
            sleep(3 * COMMAND_TIMEOUT.toMillis());
            answer(exchange, "{\"action\":\"flatten\",\"changed\":true,\"pairsClosed\":2}");
        });
        // A halt the server holds until the test lets go: sent, not answered.
        execution.createContext("/admin/kill-switch/engage", exchange -> {
            awaitQuietly(released);
            answer(exchange, "{\"action\":\"engage\",\"changed\":true}");
        });
        execution.start();
        client = new ExecutionAdminClient("http://127.0.0.1:" + execution.getAddress().getPort(), "alert-bridge",
                "pw", COMMAND_TIMEOUT, FLATTEN_TIMEOUT);
    }

    @AfterEach
    void stop() {
        released.countDown();
        execution.stop(0);
    }

    @Test
    void aFlattenIsWaitedForUntilEveryPairIsClosed() {
        AdminAnswer answer = client.flatten("test", "telegram:@alice");

        assertThat(answer.ok()).as(answer.text()).isTrue();
        assertThat(answer.text()).startsWith("Flatten done").contains("pairsClosed: 2");
    }

    @Test
    void aHaltWithoutAnAnswerInTimeIsReportedAsNotConfirmedNeverAsNotDone() {
        AdminAnswer answer = client.engageKillSwitch("test", "telegram:@alice");

        assertThat(answer.ok()).isFalse();
        assertThat(answer.text()).startsWith("Not confirmed").contains("halt", "/status").doesNotContain("Not done");
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException clientGone) {
            // the client stopped waiting: what it told the operator is what the test checks
        } finally {
            exchange.close();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
