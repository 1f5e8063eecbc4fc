package com.novaquant.simulator.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /admin/market/quote-rate} over real HTTP on the shared simulator (synthetic source, quote rate 40). Every
 * test puts the rate back, so the other test classes on that simulator keep their pace.
 */
@SimulatorIntegrationTest
class QuoteRateIT {

    static final String PATH = "/admin/market/quote-rate";

    @LocalServerPort
    int port;
    SignedHttp http;
    double configured;

    @BeforeEach
    void setUp() {
        http = new SignedHttp(port);
        configured = perSecond();
    }

    @AfterEach
    void restoreTheRate() {
        http.admin("POST", PATH, "{\"perSecond\":" + configured + "}");
    }

    double perSecond() {
        SignedHttp.Reply reply = http.admin("GET", PATH, null);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body().get("perSecond").asDouble();
    }

    long futuresBookUpdateId() {
        return http.get("/futures/fapi/v1/depth?symbol=BTCUSDT&limit=5").body().get("lastUpdateId").asLong();
    }

    @Test
    void aPostedRateIsAnsweredWithThePreviousOneAndReadBack() {
        assertThat(configured).isEqualTo(40);

        SignedHttp.Reply set = http.admin("POST", PATH, "{\"perSecond\": 2500}");

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body().get("ok").asBoolean()).isTrue();
        assertThat(set.body().get("perSecond").asDouble()).isEqualTo(2500);
        assertThat(set.body().get("previous").asDouble()).isEqualTo(40);
        assertThat(perSecond()).isEqualTo(2500);

        SignedHttp.Reply again = http.admin("POST", PATH, "{\"perSecond\": 12500}");
        assertThat(again.body().get("previous").asDouble()).isEqualTo(2500);
        assertThat(perSecond()).isEqualTo(12500);
    }

    @Test
    void thePostedRateDrivesTheRunningMarket() {
        long from = futuresBookUpdateId();

        http.admin("POST", PATH, "{\"perSecond\": 4000}");

        // 1,000 book updates take 25 s at the configured 40/s, a quarter of a second at 4,000/s.
        await("1000 USD-M book updates after the rate went to 4000/s").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> futuresBookUpdateId() - from >= 1000);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"perSecond\": 0}",
            "{\"perSecond\": -1}",
            "{\"perSecond\": -0.5}",
            "{\"perSecond\": 200001}",
            "{\"perSecond\": 1e400}",
            "{\"perSecond\": \"fast\"}",
            "{\"perSecond\": \"2500\"}",
            "{\"perSecond\": true}",
            "{\"perSecond\": null}",
            "{\"perSecond\": NaN}",
            "{\"rate\": 2500}",
            "{}",
            "[2500]",
            "2500",
            "perSecond=2500"
    })
    void aBadBodyIs400WithAMessageAndLeavesTheRateUnchanged(String body) {
        SignedHttp.Reply reply = http.admin("POST", PATH, body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("error").asString()).isNotBlank();
        assertThat(perSecond()).isEqualTo(configured);
    }

    @Test
    void aMissingBodyIs400AndNamesTheField() {
        SignedHttp.Reply reply = http.admin("POST", PATH, null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("error").asString()).contains("perSecond");
        assertThat(perSecond()).isEqualTo(configured);
    }

    @Test
    void anAbsurdRateIsRefusedWithTheCapInTheMessage() {
        SignedHttp.Reply reply = http.admin("POST", PATH, "{\"perSecond\": 1000000}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("error").asString()).contains("at most 200000");
        assertThat(perSecond()).isEqualTo(configured);
    }
}
