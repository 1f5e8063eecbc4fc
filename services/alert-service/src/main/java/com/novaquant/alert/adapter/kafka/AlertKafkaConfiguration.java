package com.novaquant.alert.adapter.kafka;

import com.novaquant.alert.application.SentinelMetrics;
import com.novaquant.alert.application.UniverseFollower;
import com.novaquant.events.RecordSeal;
import com.novaquant.support.EventDecoder;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The alert consumer's container: batch listener, manual acknowledgement (offsets move only after the outbox has
 * the batch), and an error handler that retries a failed batch for ever with back-off instead of skipping it, logging
 * and counting every failed attempt ({@code nova_alert_intake_failures_total}).
 */
@Configuration(proxyBeanMethods = false)
public class AlertKafkaConfiguration {

    static final String FACTORY = "alertListenerFactory";
    private static final Logger log = LoggerFactory.getLogger(AlertKafkaConfiguration.class);

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> alertListenerFactory(
            ConsumerFactory<String, byte[]> consumerFactory, SentinelMetrics metrics) {
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumerFactory);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL_IMMEDIATE);
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        // Never give up on a batch: skipping it would lose alerts. The cause (a full disk, say) is logged each time.
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        DefaultErrorHandler errorHandler = new DefaultErrorHandler((record, e) ->
                log.error("Alert batch could not be stored: {}", e.toString()), backOff);
        // The retries themselves must be loud: a batch that fails for ever holds back every alert behind it.
        errorHandler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception e, int attempt) {
                metrics.intakeFailure();
                log.error("Alert record {}-{}@{} failed (attempt {}); retrying: {}", record.topic(), record.partition(),
                        record.offset(), attempt, NestedExceptionUtils.getMostSpecificCause(e).toString());
            }

            @Override
            public void failedDelivery(ConsumerRecords<?, ?> records, Exception e, int attempt) {
                metrics.intakeFailure();
                log.error("Alert batch of {} failed (attempt {}); retrying, alerts behind it wait: {}", records.count(),
                        attempt, NestedExceptionUtils.getMostSpecificCause(e).toString());
            }
        });
        factory.setCommonErrorHandler(errorHandler);
        return factory;
    }

    /** Universe mode only ({@code nova.universe.enabled=true}): with the fixed symbol list nothing is read from it. */
    @Bean
    @ConditionalOnProperty(name = "nova.universe.enabled", havingValue = "true")
    UniverseListener universeListener(UniverseFollower follower, EventDecoder decoder, RecordSeal seal,
                                      MeterRegistry registry) {
        return new UniverseListener(follower, decoder, seal, registry);
    }
}
