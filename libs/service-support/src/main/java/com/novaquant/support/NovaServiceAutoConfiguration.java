package com.novaquant.support;

import com.novaquant.events.RecordSeal;
import com.novaquant.events.TopicDefinitions;
import com.novaquant.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
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
    EventPublisher eventPublisher(KafkaTemplate<String, byte[]> template, MeterRegistry registry, RecordSeal seal,
                                  KafkaLogin login) {
        EventPublisher publisher = new EventPublisher(template, registry, seal);
        publisher.warmUp(login.writableTopics());
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
     * ({@code nova.signing.keys}), a Kafka client's JAAS login line (its key or its value, which holds the Kafka
     * password), and any value that carries
     * an encoded password ({@code {bcrypt}...}, {@code {noop}...}) wherever it was put.
     */
    @Bean
    SanitizingFunction secretsMasked() {
        return SanitizingFunction.sanitizeValue().ifLikelySensitive()
                .ifKeyMatches(ADMIN_ACCOUNTS_KEY)
                .ifKeyMatches(SIGNING_KEYS_KEY)
                .ifKeyMatches(JAAS_KEY)
                .ifValueStringMatches(JAAS_VALUE)
                .ifValueStringMatches(ENCODED_PASSWORD_VALUE);
    }

    /** {@code accounts}, {@code nova.admin.accounts}, {@code nova.admin.accounts[0]}, any case. */
    static final String ADMIN_ACCOUNTS_KEY = "(?i)^(.*[.])?accounts(\\[\\d+])?$";
    /** The record-sealing keys: {@code nova.signing.keys} and its environment form, any case. */
    static final String SIGNING_KEYS_KEY = "(?i)^(nova[.]signing[.]keys|nova_signing_keys)$";
    /** {@code sasl.jaas.config} under any prefix. */
    static final String JAAS_KEY = "(?i)^(.*[.])?sasl[.]jaas[.]config$";
    /** A JAAS line with a password in it, wherever it was put. */
    static final String JAAS_VALUE = "(?is).*LoginModule\\s+required.*password.*";
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

    /**
     * The desk's topics, created on start by a service allowed to (a plaintext broker). A service that logs in
     * ({@link KafkaLogin}) never creates them: its broker's provisioning created them with the same definitions.
     */
    @Bean
    KafkaAdmin.NewTopics novaTopics(@Value("${nova.kafka.partitions:3}") int partitions,
                                    @Value("${nova.kafka.replicas:1}") short replicas) {
        return new KafkaAdmin.NewTopics(TopicDefinitions.all(partitions, replicas).toArray(NewTopic[]::new));
    }

    /** Logs every Kafka client of the service in as its desk principal when {@code nova.kafka.username} is set. */
    @Bean
    static KafkaLogin kafkaLogin(Environment environment) {
        return KafkaLogin.from(environment);
    }

}
