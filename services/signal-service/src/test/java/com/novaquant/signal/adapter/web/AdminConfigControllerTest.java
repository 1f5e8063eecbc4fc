package com.novaquant.signal.adapter.web;

import com.novaquant.signal.application.LiveSettings;
import com.novaquant.signal.application.ListJournal;
import com.novaquant.signal.application.SettingsJournal;
import com.novaquant.signal.application.SettingsUnavailableException;
import com.novaquant.signal.application.SharedSettings;
import com.novaquant.signal.application.SignalMetrics;
import com.novaquant.signal.application.SignalProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin API's answers, on a journal that can be made to fail (the HTTP and security side: AdminConfigIT). */
class AdminConfigControllerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ListJournal journal = new ListJournal();
    private final LiveSettings live = new LiveSettings(new SignalProperties(null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null), List.of("BTCUSDT", "ETHUSDT"));
    private final AdminConfigController controller;

    AdminConfigControllerTest() {
        SettingsJournal view = journal.view();
        SharedSettings shared = new SharedSettings(live, view, new SignalMetrics(new SimpleMeterRegistry()),
                () -> 1_772_000_000_000L, Duration.ofSeconds(1));
        journal.join(view, shared);
        controller = new AdminConfigController(shared);
    }

    @Test
    void aChangeIsWrittenAndAnsweredWithItsRevisionAndTheAuditShowsWhoAndWhen() {
        ResponseEntity<String> response = controller.apply("{\"entryThresholdApr\": 0.2}", "alice");

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getFirst(AdminConfigController.REVISION_HEADER)).isEqualTo("1");
        assertThat(response.getBody()).contains("\"entryThresholdApr\":0.2");
        assertThat(journal.records()).hasSize(1);
        assertThat(controller.current().getHeaders().getFirst(AdminConfigController.REVISION_HEADER)).isEqualTo("1");
        assertThat(controller.current().getBody()).isEqualTo(response.getBody());

        JsonNode audit = JSON.readTree(controller.audit());
        assertThat(audit.get("revision").asLong()).isEqualTo(1);
        assertThat(audit.get("by").asString()).isEqualTo("alice");
        assertThat(audit.get("atMs").asLong()).isEqualTo(1_772_000_000_000L);
        assertThat(audit.get("at").asString()).isEqualTo("2026-02-25T06:13:20Z");
        assertThat(audit.get("source").asString()).isEqualTo("nova.signal-settings");
        assertThat(audit.get("settings")).isEqualTo(JSON.readTree(response.getBody()));
    }

    @Test
    void beforeAnyChangeTheStartUpPropertiesAreRevisionZero() {
        assertThat(controller.current().getHeaders().getFirst(AdminConfigController.REVISION_HEADER)).isEqualTo("0");
        JsonNode audit = JSON.readTree(controller.audit());
        assertThat(audit.get("revision").asLong()).isZero();
        assertThat(audit.get("by").asString()).isEqualTo("start-up properties");
        assertThat(audit.get("source").asString()).isEqualTo("start-up properties");
    }

    @Test
    void invalidOrUnreadableChangesAre400WithEveryReasonAndWriteNothing() {
        ResponseEntity<String> invalid = controller.apply(
                "{\"cooldown\": \"PT-5S\", \"sizing\": {\"topOfBookFraction\": 1.5}}", "alice");
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(invalid.getBody()).contains("cooldown must not be negative")
                .contains("sizing.top-of-book-fraction must be above 0.0 and at most 1.0, was 1.5");

        for (String body : List.of("{\"entryTreshold\": 0.2}", "{\"entryThresholdApr\": ", "[1, 2]", "",
                "{\"entryThresholdApr\": \"high\"}")) {
            assertThat(controller.apply(body, "alice").getStatusCode().value()).as(body).isEqualTo(400);
        }
        assertThat(journal.records()).isEmpty();
        assertThat(live.current().revision().number()).isZero();
    }

    @Test
    void aChangeKafkaDoesNotAcknowledgeIs503AndChangesNothing() {
        journal.failAppends(new SettingsUnavailableException("Kafka did not acknowledge the change on "
                + "nova.signal-settings within 1000 ms", null));

        ResponseEntity<String> response = controller.apply("{\"entryThresholdApr\": 0.2}", "alice");

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.get("error").asString()).isEqualTo("configuration not changed");
        assertThat(body.get("reason").asString()).contains("did not acknowledge");
        assertThat(live.current().policy().entryThresholdApr()).isEqualTo(0.15);
        assertThat(controller.current().getHeaders().getFirst(AdminConfigController.REVISION_HEADER)).isEqualTo("0");
    }
}
