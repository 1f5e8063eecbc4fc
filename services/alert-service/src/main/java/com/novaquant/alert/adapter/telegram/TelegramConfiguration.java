package com.novaquant.alert.adapter.telegram;

import com.novaquant.alert.AlertProperties;
import com.novaquant.alert.application.CommandRouter;
import com.novaquant.alert.application.DeliveryLoop;
import com.novaquant.alert.application.SentinelMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Telegram side: Bot API client, delivery channel, command poller, health, and their lifecycle. */
@Configuration(proxyBeanMethods = false)
public class TelegramConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TelegramConfiguration.class);

    @Bean
    BotToken botToken(@Value("${TELEGRAM_BOT_TOKEN:}") String token) {
        return BotToken.of(token);
    }

    @Bean
    TelegramBotApi telegramBotApi(TelegramProperties properties, BotToken token) {
        return new TelegramBotApi(properties.baseUrl(), token, properties.requestTimeout(), properties.pollTimeout());
    }

    @Bean
    SendPacer sendPacer(TelegramProperties properties) {
        return new SendPacer(properties.perChatInterval(), properties.groupChatInterval(), properties.maxPerSecond());
    }

    @Bean
    TelegramDeliveryChannel telegramDeliveryChannel(TelegramBotApi api, BotToken token, TelegramProperties properties,
                                                    SendPacer pacer, SentinelMetrics metrics,
                                                    MeterRegistry registry) {
        TelegramDeliveryChannel channel = new TelegramDeliveryChannel(api, token, properties.chatIds(), pacer, metrics);
        Gauge.builder("nova.alert.delivery.ready", channel, c -> c.ready() ? 1 : 0)
                .description("1 when alerts can be delivered (token and chats configured)").register(registry);
        return channel;
    }

    @Bean
    TelegramCommandPoller telegramCommandPoller(TelegramBotApi api, TelegramDeliveryChannel channel,
                                                CommandRouter router, TelegramProperties properties,
                                                AlertProperties alert) {
        return new TelegramCommandPoller(api, channel, router, properties.pollTimeout(), alert.retryMinBackoff(),
                alert.retryMaxBackoff());
    }

    /**
     * Reported in the readiness group: DOWN while alerts cannot be delivered at all (no token or no chats). A
     * Telegram outage does not make it DOWN: restarting or rerouting would not help, the outbox waits it out.
     */
    @Bean
    HealthIndicator telegramHealthIndicator(TelegramDeliveryChannel channel) {
        return () -> channel.ready()
                ? Health.up().build()
                : Health.down().withDetail("reason", channel.notReadyReason()).build();
    }

    @Bean
    SmartLifecycle sentinelLifecycle(DeliveryLoop loop, TelegramCommandPoller poller, TelegramDeliveryChannel channel,
                                     TelegramProperties properties, BotToken token) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                if (!channel.ready()) {
                    log.warn("Telegram delivery is NOT ready ({}): the service runs, stores every alert in its "
                            + "outbox and delivers them once configured", channel.notReadyReason());
                }
                if (properties.commandsEnabled() && properties.operatorIds().isEmpty()) {
                    // Fail safe, but say so: otherwise the first sign would be a refused /resume in an emergency.
                    log.warn("No Telegram operator is configured (nova.telegram.operator-ids is empty), so /resume, "
                            + "/flatten, /confirm and /ack are unavailable from Telegram; read-only commands, /halt "
                            + "and /freeze still work");
                }
                loop.start();
                if (properties.commandsEnabled() && token.present()) {
                    poller.start();
                }
                running = true;
            }

            @Override
            public void stop() {
                poller.stop();
                loop.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
