package com.novaquant.execution;

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

@RealInfrastructure(postgres = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // No venue behind these: the service must still start, report health and hold trading.
        "nova.binance.spot.rest-url=http://127.0.0.1:9/spot",
        "nova.binance.futures.rest-url=http://127.0.0.1:9/futures",
        "nova.binance.spot.ws-url=ws://127.0.0.1:9/spot",
        "nova.binance.futures.ws-url=ws://127.0.0.1:9/futures",
        "nova.binance.call-timeout=3s",
        // Its own account's trading lease: in a shared test JVM another cached context may hold the default one.
        "nova.execution.advisory-lock-key=830831",
        // As AdminAccessIT: one application context for both.
        AdminAccessIT.ACCOUNTS,
        AdminAccessIT.SHARED_ACCOUNT})
class ExecutionApplicationIT {

    /** Actuator answers on the management port only. */
    @LocalManagementPort
    int managementPort;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    KillSwitchView killSwitch;

    @Test
    void servesHealthAndPrometheusMetrics() {
        // Ready once the trading lease is taken and start-up reconciliation has run (here: exchange unreachable).
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Http.get("http://localhost:" + managementPort + "/actuator/health").status() == 200);
        Http.Response health = Http.get("http://localhost:" + managementPort + "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        Http.Response metrics = Http.get("http://localhost:" + managementPort + "/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=\"execution-service\"");
        // Series dashboards and alert rules read must exist before the first trade.
        assertThat(metrics.body()).contains("nova_execution_open_pairs{", "nova_execution_pnl_cumulative{",
                "nova_execution_funding_received_usdt_total{", "nova_execution_naked_time_seconds_count{",
                "nova_execution_hedge_completion_seconds_count{",
                "nova_execution_leg_risk_episodes_total{application=\"execution-service\",resolution=\"UNRESOLVED\"} 0.0",
                "nova_execution_pretrade_refusals_total{application=\"execution-service\",reason=\"STALE_QUOTES\"} 0.0",
                "nova_execution_pretrade_refusals_total{application=\"execution-service\",reason=\"PRICE_OFF_BAND\"} 0.0",
                "nova_execution_own_prices_age_seconds{application=\"execution-service\",venue=\"SPOT\"}",
                "nova_execution_own_prices_age_seconds{application=\"execution-service\",venue=\"USDM\"}");
    }

    @Test
    void killSwitchStatePublishedOnKafkaReachesTheService() throws Exception {
        KillSwitchState engaged = new KillSwitchState(DeskMode.HALTED, "test", "execution-service-it", System.currentTimeMillis());
        kafka.send(Topics.CONTROL, Topics.KILL_SWITCH_KEY, EventCodec.encode(engaged)).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> killSwitch.engaged());
        assertThat(Http.get("http://localhost:" + managementPort + "/actuator/prometheus").body())
                .contains("nova_kill_switch_engaged{application=\"execution-service\"} 1.0");

        KillSwitchState released = new KillSwitchState(DeskMode.TRADING, "test done", "execution-service-it", System.currentTimeMillis() + 1);
        kafka.send(Topics.CONTROL, Topics.KILL_SWITCH_KEY, EventCodec.encode(released)).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> !killSwitch.engaged());
    }
}
