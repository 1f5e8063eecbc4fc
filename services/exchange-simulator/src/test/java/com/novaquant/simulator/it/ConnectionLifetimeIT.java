package com.novaquant.simulator.it;

import com.novaquant.simulator.ExchangeSimulatorApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Connection lifetimes, with short limits: the maximum age and the pong deadline. */
@SpringBootTest(classes = ExchangeSimulatorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "nova.simulator.ws.max-connection-age=3s",
                "nova.simulator.ws.spot-ping-interval=500ms",
                "nova.simulator.ws.spot-pong-timeout=1500ms"
        })
class ConnectionLifetimeIT {

    @LocalServerPort
    int port;

    @Test
    void connectionReachingTheMaximumAgeGetsServerShutdownThenIsClosed() {
        try (WsProbe ws = new WsProbe(port, "/futures/public/stream?streams=btcusdt@bookTicker")) {
            JsonNode notice = ws.nextMatching(Duration.ofSeconds(10), n -> "!serverShutdown".equals(n.path("stream").asString()));

            assertThat(notice.get("data").get("e").asString()).isEqualTo("serverShutdown");
            await().atMost(Duration.ofSeconds(10)).untilTrue(ws.closed);
        }
    }

    @Test
    void spotClientThatNeverAnswersPingsIsDroppedAfterThePongTimeout() {
        // The probe handles pings itself and never answers them.
        try (WsProbe ws = new WsProbe(port, "/spot/ws/btcusdt@bookTicker")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> ws.pings.get() >= 1);
            await().atMost(Duration.ofSeconds(10)).untilTrue(ws.closed);
            assertThat(ws.frames).noneMatch(f -> f.contains("serverShutdown"));
        }
    }
}
