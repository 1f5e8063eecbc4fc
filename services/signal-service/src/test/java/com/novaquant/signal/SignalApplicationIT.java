package com.novaquant.signal;

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
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SignalFlowIT.ADMIN_PASSWORD_PROPERTY, SignalFlowIT.ADMIN_ACCOUNTS_PROPERTY,
                SignalFlowIT.FRESHNESS_QUOTES, SignalFlowIT.FRESHNESS_FUNDING, SignalFlowIT.NO_COOLDOWN,
                SignalFlowIT.PUBLISH_ON_CHANGE_ONLY})
class SignalApplicationIT {

    /** Actuator answers on the management port only. */
    @LocalManagementPort
    int managementPort;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    KillSwitchView killSwitch;

    @Test
    void servesHealthAndPrometheusMetrics() {
        Http.Response health = Http.get("http://localhost:" + managementPort + "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        Http.Response metrics = Http.get("http://localhost:" + managementPort + "/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=\"signal-service\"");
    }

    @Test
    void killSwitchStatePublishedOnKafkaReachesTheService() throws Exception {
        KillSwitchState engaged = new KillSwitchState(DeskMode.HALTED, "test", "signal-service-it", System.currentTimeMillis());
        kafka.send(Topics.CONTROL, Topics.KILL_SWITCH_KEY, EventCodec.encode(engaged)).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> killSwitch.engaged());
        assertThat(Http.get("http://localhost:" + managementPort + "/actuator/prometheus").body())
                .contains("nova_kill_switch_engaged{application=\"signal-service\"} 1.0");

        KillSwitchState released = new KillSwitchState(DeskMode.TRADING, "test done", "signal-service-it", System.currentTimeMillis() + 1);
        kafka.send(Topics.CONTROL, Topics.KILL_SWITCH_KEY, EventCodec.encode(released)).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> !killSwitch.engaged());
    }
}
