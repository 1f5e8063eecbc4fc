package com.novaquant.alert.config;

import com.novaquant.alert.adapter.execution.ExecutionAdminClient;
import com.novaquant.alert.adapter.persistence.FileAlertOutbox;
import com.novaquant.alert.adapter.telegram.TelegramProperties;
import com.novaquant.alert.application.AlertIntake;
import com.novaquant.alert.application.CommandRouter;
import com.novaquant.alert.application.ConfirmationCodes;
import com.novaquant.alert.application.DeliveryChannel;
import com.novaquant.alert.application.DeliveryLoop;
import com.novaquant.alert.application.ExecutionAdmin;
import com.novaquant.alert.application.SentinelMetrics;
import com.novaquant.alert.domain.AlertDesk;
import com.novaquant.alert.domain.DeskPolicy;
import com.novaquant.alert.domain.DigestSchedule;
import com.novaquant.alert.domain.EscalationSchedule;
import com.novaquant.support.AlertPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.HashSet;

/** Wires the sentinel: desk, outbox, delivery loop, commands. The Telegram side is in TelegramConfiguration. */
@Configuration(proxyBeanMethods = false)
public class SentinelConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AlertDesk alertDesk(AlertProperties properties, Clock clock) {
        DeskPolicy policy = new DeskPolicy(properties.dedupWindow(),
                new EscalationSchedule(properties.escalation()),
                new DigestSchedule(properties.dailyDigestTime(), properties.digestZone()),
                properties.maxAlertsPerMessage());
        return new AlertDesk(policy, clock.instant());
    }

    @Bean(destroyMethod = "close")
    FileAlertOutbox alertOutbox(AlertProperties properties) {
        return new FileAlertOutbox(properties.outboxPath(), properties.outboxCompactAfter());
    }

    @Bean
    SentinelMetrics sentinelMetrics(MeterRegistry registry, AlertDesk desk) {
        return new SentinelMetrics(registry, desk);
    }

    @Bean
    DeliveryLoop deliveryLoop(AlertDesk desk, DeliveryChannel channel, FileAlertOutbox outbox, SentinelMetrics metrics,
                              Clock clock, AlertProperties properties) {
        return new DeliveryLoop(desk, channel, outbox, metrics, clock, properties.idleTick(),
                properties.retryMinBackoff(), properties.retryMaxBackoff());
    }

    @Bean
    AlertIntake alertIntake(FileAlertOutbox outbox, AlertDesk desk, SentinelMetrics metrics, DeliveryLoop loop,
                            Clock clock) {
        return new AlertIntake(outbox, desk, metrics, loop, clock);
    }

    @Bean
    ExecutionAdmin executionAdmin(AlertProperties properties,
                                  @Value("${nova.admin.username:operator}") String username,
                                  @Value("${NOVA_ADMIN_PASSWORD:}") String password) {
        return new ExecutionAdminClient(properties.executionUrl(), username, password, properties.executionTimeout());
    }

    @Bean
    CommandRouter commandRouter(TelegramProperties telegram, ExecutionAdmin admin,
                                AlertDesk desk, FileAlertOutbox outbox, AlertPublisher alerts,
                                SentinelMetrics metrics, Clock clock, AlertProperties properties) {
        return new CommandRouter(new HashSet<>(telegram.chatIds()), new HashSet<>(telegram.operatorIds()), admin, desk,
                outbox, alerts, new ConfirmationCodes(properties.confirmTimeout(), telegram.confirmByAnotherOperator()),
                metrics, clock, properties.commandMaxAge());
    }
}
