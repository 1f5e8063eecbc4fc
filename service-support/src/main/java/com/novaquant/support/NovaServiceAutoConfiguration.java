package com.novaquant.support;

import com.novaquant.events.RecordSeal;
import com.novaquant.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Wiring every Nova service shares: the event publisher and decoder, the alert publisher and the topic
 * definitions (created on start-up where the broker allows it).
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
public class NovaServiceAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(KafkaTemplate<String, byte[]> template, MeterRegistry registry, RecordSeal seal) {
        EventPublisher publisher = new EventPublisher(template, registry, seal);
        publisher.warmUp(Topics.ALL);
        return publisher;
    }

    /**
     * The record seal of a service that holds the signing keys ({@code nova.signing.keys}, from
     * {@code NOVA_SIGNING_KEYS}: signal-service and execution only); without keys, records go out unsealed.
     */
    @Bean
    @ConditionalOnMissingBean
    RecordSeal recordSeal(@Value("${nova.signing.keys:}") String keys) {
        return RecordSeal.parse(keys);
    }

    /**
     * Secrets never leave through actuator ({@code configprops}, {@code env}), not even to an authenticated operator:
     * Boot's own rule for what is likely sensitive (passwords, secrets, keys, tokens, credentials in URIs), the admin
     * accounts ({@code nova.admin.accounts}, bcrypt hashes that could be guessed offline), the signing keys
     * ({@code nova.signing.keys}), and any value that carries
     * an encoded password ({@code {bcrypt}...}, {@code {noop}...}) wherever it was put.
     */
    @Bean
    SanitizingFunction secretsMasked() {
        return SanitizingFunction.sanitizeValue().ifLikelySensitive()
                .ifKeyMatches(ADMIN_ACCOUNTS_KEY)
                .ifKeyMatches(SIGNING_KEYS_KEY)
                .ifValueStringMatches(ENCODED_PASSWORD_VALUE);
    }

    /** {@code accounts}, {@code nova.admin.accounts}, {@code nova.admin.accounts[0]}, any case. */
    static final String ADMIN_ACCOUNTS_KEY = "(?i)^(.*[.])?accounts(\\[\\d+])?$";
    /** The record-sealing keys: {@code nova.signing.keys} and its environment form, any case. */
    static final String SIGNING_KEYS_KEY = "(?i)^(nova[.]signing[.]keys|nova_signing_keys)$";
    /** A {@code DelegatingPasswordEncoder} string: {@code {id}} followed by the encoded password. */
    static final String ENCODED_PASSWORD_VALUE =
            "(?s).*\\{(bcrypt|noop|pbkdf2[^}]*|scrypt[^}]*|argon2[^}]*|sha256|SHA-1|SHA-256|MD4|MD5|ldap)}.*";

    @Bean
    @ConditionalOnMissingBean
    EventDecoder eventDecoder(MeterRegistry registry) {
        return new EventDecoder(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    AlertPublisher alertPublisher(EventPublisher publisher, @Value("${spring.application.name}") String source) {
        return new AlertPublisher(publisher, source);
    }

    @Bean
    @ConditionalOnMissingBean
    KillSwitchView killSwitchView(EventDecoder decoder, MeterRegistry registry) {
        return new KillSwitchView(decoder, registry);
    }

    @Bean
    @ConditionalOnMissingBean
    FeedGateView feedGateView(EventDecoder decoder, MeterRegistry registry) {
        return new FeedGateView(decoder, registry);
    }

    @Bean
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        return new KafkaHealthIndicator(kafkaAdmin);
    }

    @Bean
    NativeTransportReport nativeTransportReport(MeterRegistry registry) {
        return new NativeTransportReport(registry);
    }

    @Bean
    KafkaAdmin.NewTopics novaTopics(@Value("${nova.kafka.partitions:3}") int partitions,
                                    @Value("${nova.kafka.replicas:1}") short replicas) {
        return new KafkaAdmin.NewTopics(
                topic(Topics.QUOTES, partitions, replicas).config(TopicConfig.RETENTION_MS_CONFIG, "3600000").build(),
                topic(Topics.FUNDING, partitions, replicas).config(TopicConfig.RETENTION_MS_CONFIG, "86400000").build(),
                topic(Topics.SIGNALS, partitions, replicas).build(),
                topic(Topics.EXEC_EVENTS, partitions, replicas).build(),
                topic(Topics.ALERTS, partitions, replicas).build(),
                topic(Topics.CONTROL, 1, replicas).compact().build(),
                topic(Topics.FEED_GATES, 1, replicas).compact().build());
    }

    private static TopicBuilder topic(String name, int partitions, short replicas) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replicas);
    }

}
