package com.novaquant.alert;

import com.novaquant.events.DeskMode;
import com.novaquant.events.Alert;
import com.novaquant.events.EventCodec;
import com.novaquant.events.KillSwitchState;
import com.novaquant.events.Severity;
import com.novaquant.events.Topics;
import com.novaquant.support.KillSwitchView;
import com.novaquant.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The running service as a whole: actuator, metrics, kill switch view, and one alert end to end. */
class AlertApplicationIT extends SentinelTestBase {

    /** Actuator answers on the management port only. */
    @LocalManagementPort
    int managementPort;
    @Autowired
    KillSwitchView killSwitch;

    @Test
    void servesHealthAndPrometheusMetrics() {
        Http.Response health = Http.get("http://localhost:" + managementPort + "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        Http.Response metrics = Http.get("http://localhost:" + managementPort + "/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=\"alert-service\"");
    }

    @Test
    void everyTelegramErrorKindIsScrapableFromStart() {
        String metrics = Http.get("http://localhost:" + managementPort + "/actuator/prometheus").body();
        for (String kind : List.of("rate_limited", "server_error", "timeout", "network", "unauthorized", "unexpected",
                "bad_request", "forbidden", "rejected")) {
            assertThat(metrics).contains("nova_alert_telegram_errors_total{application=\"alert-service\",kind=\""
                    + kind + "\"}");
        }
        assertThat(metrics)
                .contains("nova_alert_commands_total{application=\"alert-service\",command=\"/halt\",outcome=\"failed\"}")
                .contains("nova_alert_messages_total{application=\"alert-service\",kind=\"reminder\"}")
                .contains("nova_alert_outbox_errors_total{application=\"alert-service\",operation=\"append\"}")
                .contains("nova_alert_intake_failures_total{application=\"alert-service\"} 0.0");
    }

    @Test
    void killSwitchStatePublishedOnKafkaReachesTheService() throws Exception {
        KillSwitchState engaged = new KillSwitchState(DeskMode.HALTED, "test", "alert-service-it", System.currentTimeMillis());
        kafka.send(Topics.CONTROL, Topics.KILL_SWITCH_KEY, EventCodec.encode(engaged)).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> killSwitch.engaged());
        assertThat(Http.get("http://localhost:" + managementPort + "/actuator/prometheus").body())
                .contains("nova_kill_switch_engaged{application=\"alert-service\"} 1.0");

        KillSwitchState released = new KillSwitchState(DeskMode.TRADING, "test done", "alert-service-it", System.currentTimeMillis() + 1);
        kafka.send(Topics.CONTROL, Topics.KILL_SWITCH_KEY, EventCodec.encode(released)).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> !killSwitch.engaged());
    }

    @Test
    void readinessIsUpWhenTelegramIsConfigured() {
        Http.Response readiness = Http.get("http://localhost:" + managementPort + "/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void anAlertOnKafkaReachesTelegramAndShowsInTheDocumentedMetrics() {
        publish(Severity.WARNING, "RECONCILIATION_MISMATCH", "it-e2e drift on ETHUSDT", "it-e2e");
        await().atMost(Duration.ofSeconds(45)).until(() -> alertMessages(CHAT_A).stream()
                .anyMatch(m -> m.text().contains("it-e2e drift on ETHUSDT")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                Http.get("http://localhost:" + managementPort + "/actuator/prometheus").body())
                .contains("nova_alert_received_total{application=\"alert-service\",severity=\"WARNING\"}")
                .contains("nova_alert_sent_total{application=\"alert-service\",severity=\"WARNING\"}")
                .contains("nova_alert_pending{application=\"alert-service\",severity=\"INFO\"}")
                .contains("nova_alert_delivery_latency_seconds_count{application=\"alert-service\",severity=\"WARNING\"}")
                .contains("nova_alert_delivery_ready{application=\"alert-service\"} 1.0")
                .contains("nova_alert_messages_total{application=\"alert-service\",kind=\"alert\"}")
                .contains("nova_alert_unacknowledged{application=\"alert-service\"}"));
    }

    @Test
    void aRecordWithAnAbsurdSchemaVersionIsSkippedAndTheAlertBehindItIsDelivered() throws Exception {
        // Found by the resilience suite's fuzzer: this version number once stalled alert intake for good.
        String poison = EventCodec.encodeToString(new Alert(Severity.CRITICAL, "fuzz", "FUZZ", "it-poison", "it-poison",
                System.currentTimeMillis())).replace("\"v\":1", "\"v\":99999999999999999999999999999");
        kafka.send(Topics.ALERTS, "it-poison", poison.getBytes(StandardCharsets.UTF_8)).get();
        publish(Severity.WARNING, "RECONCILIATION_MISMATCH", "it-behind-the-poison", "it-poison");
        await().atMost(Duration.ofSeconds(45)).until(() -> alertMessages(CHAT_A).stream()
                .anyMatch(m -> m.text().contains("it-behind-the-poison")));
        assertThat(Http.get("http://localhost:" + managementPort + "/actuator/prometheus").body())
                .contains("nova_events_rejected_total{application=\"alert-service\",reason=\"UNSUPPORTED_VERSION\",topic=\"nova.alerts\"} 1.0")
                .contains("nova_alert_intake_failures_total{application=\"alert-service\"} 0.0");
    }
}
