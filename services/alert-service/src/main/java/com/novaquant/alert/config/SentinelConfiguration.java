package com.novaquant.alert.config;

import com.novaquant.alert.AlertProperties;
import com.novaquant.alert.adapter.execution.ExecutionAdminClient;
import com.novaquant.alert.adapter.persistence.FileAlertOutbox;
import com.novaquant.alert.adapter.persistence.FileConfirmationStore;
import com.novaquant.alert.adapter.telegram.TelegramProperties;
import com.novaquant.alert.application.AlertIntake;
import com.novaquant.alert.application.CommandRouter;
import com.novaquant.alert.application.ConfirmationCodes;
import com.novaquant.alert.application.DeliveryChannel;
import com.novaquant.alert.application.DeliveryLoop;
import com.novaquant.alert.application.ExecutionAdmin;
import com.novaquant.alert.application.SentinelMetrics;
import com.novaquant.alert.application.UniverseFollower;
import com.novaquant.alert.domain.AlertDesk;
import com.novaquant.alert.domain.DeskPolicy;
import com.novaquant.alert.domain.DigestSchedule;
import com.novaquant.alert.domain.EscalationSchedule;
import com.novaquant.alert.domain.UniverseText;
import com.novaquant.alert.domain.UniverseWatch;
import com.novaquant.support.AlertPublisher;
import com.novaquant.support.admin.AdminProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.HashSet;

/** Wires the sentinel: desk, outbox, delivery loop, commands. The Telegram side is in TelegramConfiguration. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminProperties.class)
public class SentinelConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SentinelConfiguration.class);

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

    /**
     * execution-service's admin API, called with this service's own account: {@code nova.alert.execution-username}
     * (default {@code alert-bridge}, a DELEGATE account in execution's {@code NOVA_ADMIN_ACCOUNTS}) and its password
     * from {@code NOVA_ALERT_EXECUTION_PASSWORD}. As a delegate it names the Telegram user behind each command, and
     * execution records {@code "alert-bridge for telegram:@alice"}. Without that password the shared operator account
     * ({@code nova.admin.username} of service-support's {@link AdminProperties}, as signal and execution read it, and
     * {@code NOVA_ADMIN_PASSWORD}) is used as before; execution then records the shared account, not the Telegram
     * user.
     */
    @Bean
    ExecutionAdmin executionAdmin(AlertProperties properties,
                                  @Value("${nova.alert.execution-username:alert-bridge}") String bridgeUsername,
                                  @Value("${NOVA_ALERT_EXECUTION_PASSWORD:}") String bridgePassword,
                                  AdminProperties admin) {
        String sharedUsername = admin.username();
        if (!bridgePassword.isBlank()) {
            // A secret made from a file often ends with a newline that is no part of the password.
            return new ExecutionAdminClient(properties.executionUrl(), bridgeUsername, bridgePassword.strip(),
                    properties.executionTimeout(), properties.flattenTimeout());
        }
        if (admin.sharedAccount()) {
            log.warn("NOVA_ALERT_EXECUTION_PASSWORD is not set: Telegram commands reach execution-service as the shared"
                    + " account '{}', and its audit trail records that account, not the Telegram user", sharedUsername);
        }
        return new ExecutionAdminClient(properties.executionUrl(), sharedUsername, admin.password(),
                properties.executionTimeout(), properties.flattenTimeout());
    }

    /** The universe as shown by /status; fed by the universe listener only in universe mode (nova.universe.enabled). */
    @Bean
    UniverseFollower universeFollower(AlertPublisher alerts, AlertProperties properties, Clock clock) {
        return new UniverseFollower(new UniverseWatch(clock.millis()), new UniverseText(properties.universeSize()),
                alerts::raise);
    }

    @Bean
    CommandRouter commandRouter(TelegramProperties telegram, ExecutionAdmin admin,
                                AlertDesk desk, FileAlertOutbox outbox, AlertPublisher alerts,
                                SentinelMetrics metrics, Clock clock, AlertProperties properties,
                                UniverseFollower universe) {
        return new CommandRouter(new HashSet<>(telegram.chatIds()), new HashSet<>(telegram.operatorIds()), admin, desk,
                outbox, alerts::raise, universe, new ConfirmationCodes(properties.confirmTimeout(), telegram.confirmByAnotherOperator(),
                        // Beside the outbox, on its volume: a code asked for before a restart can be confirmed after.
                        new FileConfirmationStore(properties.outboxPath().toAbsolutePath().resolveSibling(
                                "confirmations.json"))),
                metrics, clock, properties.commandMaxAge());
    }
}
