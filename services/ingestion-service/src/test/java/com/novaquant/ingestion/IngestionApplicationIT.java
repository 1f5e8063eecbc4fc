package com.novaquant.ingestion;

import com.novaquant.events.DeskMode;
import com.novaquant.events.EventCodec;
import com.novaquant.events.KillSwitchState;
import com.novaquant.events.Topics;
import com.novaquant.support.KillSwitchView;
import com.novaquant.testsupport.Http;
import com.novaquant.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngestionApplicationIT extends FeedTestSupport {

    /** Actuator (health, readiness, prometheus) answers on the management port only. */
    @LocalManagementPort
    int port;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    KillSwitchView killSwitch;

    @Test
    void servesHealthAndPrometheusMetrics() {
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get("http://localhost:" + port + "/actuator/health").status() == 200);
        Http.Response health = Http.get("http://localhost:" + port + "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        Http.Response metrics = Http.get("http://localhost:" + port + "/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=\"ingestion-service\"");
        // The hot market-data producer is not Spring's: its own client metrics are bound by hand.
        assertThat(metrics.body()).containsPattern("kafka_producer_[a-z_]+\\{[^}]*spring_id=\"market-data\"");
        // ... beside Spring's own producer's (same label names, or Prometheus would keep only one of them).
        assertThat(metrics.body()).containsPattern("kafka_producer_[a-z_]+\\{[^}]*spring_id=\"(?!market-data\")[^\"]+\"");
    }

    @Test
    void rejectionAndReconnectSeriesAreScrapedFromStartUpBeforeAnyIsCounted() {
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get("http://localhost:" + port + "/actuator/health").status() == 200);
        String scrape = Http.get("http://localhost:" + port + "/actuator/prometheus").body();
        for (String venue : new String[] {"SPOT", "USDM"}) {
            for (String reason : new String[] {"TRUNCATED", "TOO_LARGE", "UNKNOWN_SYMBOL", "NON_POSITIVE_PRICE", "CROSSED_BOOK",
                    "STALE_UPDATE_ID"}) {
                assertThat(scrape).contains("nova_ingestion_rejected_total{application=\"ingestion-service\",reason=\""
                        + reason + "\",venue=\"" + venue + "\"}");
            }
        }
        for (String cause : new String[] {"requested", "server_shutdown", "max_age", "server_closed", "error", "connect_failed"}) {
            assertThat(scrape).containsPattern("nova_ingestion_reconnects_total\\{application=\"ingestion-service\",cause=\""
                    + cause + "\",connection=\"spot-[^\"]+\"}");
            assertThat(scrape).containsPattern("nova_ingestion_reconnects_total\\{application=\"ingestion-service\",cause=\""
                    + cause + "\",connection=\"usdm-[^\"]+\"}");
        }
    }

    @Test
    void killSwitchStatePublishedOnKafkaReachesTheService() throws Exception {
        KillSwitchState engaged = new KillSwitchState(DeskMode.HALTED, "test", "ingestion-service-it", System.currentTimeMillis());
        kafka.send(Topics.CONTROL, Topics.KILL_SWITCH_KEY, EventCodec.encode(engaged)).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> killSwitch.engaged());
        assertThat(Http.get("http://localhost:" + port + "/actuator/prometheus").body())
                .contains("nova_kill_switch_engaged{application=\"ingestion-service\"} 1.0");

        KillSwitchState released = new KillSwitchState(DeskMode.TRADING, "test done", "ingestion-service-it", System.currentTimeMillis() + 1);
        kafka.send(Topics.CONTROL, Topics.KILL_SWITCH_KEY, EventCodec.encode(released)).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> !killSwitch.engaged());
    }
}
