package com.novaquant.alert;

import com.novaquant.alert.adapter.kafka.AlertListener;
import com.novaquant.alert.domain.AlertDesk;
import com.novaquant.events.Alert;
import com.novaquant.events.EventCodec;
import com.novaquant.events.Severity;
import com.novaquant.events.Topics;
import com.novaquant.testsupport.Http;
import com.novaquant.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.utils.ContainerTestUtils;

import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Without TELEGRAM_BOT_TOKEN the service runs, keeps alerts pending and says it is not ready to deliver. */
@RealInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class StartsWithoutTokenIT {

    @Test
    @SuppressWarnings("unchecked")
    void withoutATokenAlertsStayPendingAndReadinessIsDownWhileLivenessIsUp(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AlertApplication.class).run(
                "--server.port=0",
                "--management.server.port=0",
                "--TELEGRAM_BOT_TOKEN=",
                "--nova.telegram.chat-ids=1",
                "--nova.alert.outbox-path=" + Files.createTempDirectory("alert-notoken").resolve("outbox.jsonl"),
                "--nova.alert.consumer-group=alert-notoken-" + UUID.randomUUID())) {
            ContainerTestUtils.waitForAssignment(
                    context.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer(AlertListener.ID), 3);
            // Actuator answers on the management port; the probes' /readyz and /livez also on the API port.
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            String api = "http://localhost:" + port;
            String base = "http://localhost:" + context.getEnvironment().getRequiredProperty("local.management.port");
            assertThat(output).containsOnlyOnce("Telegram delivery is NOT ready (TELEGRAM_BOT_TOKEN is not set)");

            KafkaTemplate<String, byte[]> kafka = context.getBean(KafkaTemplate.class);
            AlertDesk desk = context.getBean(AlertDesk.class);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                kafka.send(Topics.ALERTS, "notoken", EventCodec.encode(Alert.of(Severity.CRITICAL, "test-source",
                        "NO_TOKEN_TEST", "kept until a token exists", "notoken"))).get();
                return desk.pending(Severity.CRITICAL) > 0;
            });

            assertThat(Http.get(base + "/actuator/health/readiness").status()).isEqualTo(503);
            assertThat(Http.get(base + "/actuator/health/liveness").status()).isEqualTo(200);
            assertThat(Http.get(api + "/readyz").status()).isEqualTo(503);
            assertThat(Http.get(api + "/livez").status()).isEqualTo(200);
            assertThat(Http.get(api + "/actuator/prometheus").status()).isEqualTo(404);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(Http.get(base + "/actuator/prometheus").body())
                            .contains("nova_alert_delivery_ready{application=\"alert-service\"} 0.0")
                            .containsPattern("nova_alert_pending\\{application=\"alert-service\",severity=\"CRITICAL\"} [1-9]"));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                    .until(() -> desk.pending(Severity.CRITICAL) > 0);
        }
    }
}
