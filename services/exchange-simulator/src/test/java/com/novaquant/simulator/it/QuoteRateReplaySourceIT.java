package com.novaquant.simulator.it;

import com.novaquant.simulator.ExchangeSimulatorApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A simulator replaying a recording has no quote rate of its own: {@code /admin/market/quote-rate} is 409. */
@SpringBootTest(classes = ExchangeSimulatorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "nova.simulator.source=replay")
class QuoteRateReplaySourceIT {

    static final String PATH = "/admin/market/quote-rate";

    @LocalServerPort
    int port;
    SignedHttp http;

    @DynamicPropertySource
    static void emptyRecording(DynamicPropertyRegistry registry) throws IOException {
        Path recording = Files.createTempFile("quote-rate-replay", ".jsonl");
        recording.toFile().deleteOnExit();
        registry.add("nova.simulator.replay.file", recording::toString);
    }

    @BeforeEach
    void setUp() {
        http = new SignedHttp(port);
    }

    @Test
    void readingOrSettingTheQuoteRateIs409AndSaysItBelongsToTheSyntheticSource() {
        SignedHttp.Reply read = http.admin("GET", PATH, null);
        SignedHttp.Reply set = http.admin("POST", PATH, "{\"perSecond\": 2500}");

        assertThat(read.status()).isEqualTo(409);
        assertThat(set.status()).isEqualTo(409);
        assertThat(set.body().get("error").asString()).contains("synthetic market source").contains("'replay'");
        assertThat(read.body().get("error").asString()).isEqualTo(set.body().get("error").asString());
    }
}
