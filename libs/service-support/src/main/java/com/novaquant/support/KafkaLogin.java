package com.novaquant.support;

import com.novaquant.events.DeskPrincipal;
import com.novaquant.events.ScramClientProperties;
import com.novaquant.events.TopicAccess;
import com.novaquant.events.Topics;
import com.novaquant.support.config.InvalidConfigurationException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.Environment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Logs every Kafka client of a service (Spring's producers, consumers and admin, and any client built from
 * {@link KafkaProperties}) in with SASL/SCRAM-SHA-512 as the service's own desk principal, so the broker's ACLs can
 * tell the services apart: {@code nova.kafka.username} ({@code NOVA_KAFKA_USERNAME}), {@code nova.kafka.password}
 * ({@code NOVA_KAFKA_PASSWORD}) and {@code nova.kafka.security-protocol} ({@code SASL_SSL} unless set, e.g.
 * {@code SASL_PLAINTEXT} on loopback).
 *
 * <p>A service that logs in creates no topics: it has no right to, and the broker's provisioning created them. A
 * service that logs in as another service's principal is refused at start (it would borrow that service's rights). In
 * live trading a service refuses to start on a broker it reaches without any login (plaintext), since anyone who
 * reaches such a broker can write the desk's topics; a login configured by other means
 * ({@code spring.kafka.security.protocol} or {@code spring.kafka.properties.security.protocol}, e.g. MSK IAM or mTLS)
 * counts.
 */
public final class KafkaLogin implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(KafkaLogin.class);

    private final DeskPrincipal principal;
    private final Map<String, Object> clientProperties;
    private final boolean live;

    private KafkaLogin(DeskPrincipal principal, Map<String, Object> clientProperties, boolean live) {
        this.principal = principal;
        this.clientProperties = clientProperties;
        this.live = live;
    }

    /** Reads the login from the service's settings and refuses one that cannot work; without a username, none. */
    public static KafkaLogin from(Environment environment) {
        boolean live = "live".equalsIgnoreCase(environment.getProperty("nova.trading.mode", "paper").strip());
        String username = environment.getProperty("nova.kafka.username", "").strip();
        if (username.isEmpty()) {
            return new KafkaLogin(null, Map.of(), live);
        }
        String password = environment.getProperty("nova.kafka.password", "");
        if (password.isBlank()) {
            throw new InvalidConfigurationException("nova.kafka.username (NOVA_KAFKA_USERNAME) is set but "
                    + "nova.kafka.password (NOVA_KAFKA_PASSWORD) is not",
                    "Set NOVA_KAFKA_PASSWORD to the password of the service's Kafka user, or unset NOVA_KAFKA_USERNAME "
                            + "on a broker without logins.");
        }
        DeskPrincipal principal;
        try {
            principal = DeskPrincipal.ofUsername(username);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("nova.kafka.username (NOVA_KAFKA_USERNAME) '" + username
                    + "' is not a desk service's Kafka user",
                    "Set NOVA_KAFKA_USERNAME to the service's own user: one of ingestion, signal, execution, alert.");
        }
        String application = environment.getProperty("spring.application.name", "");
        if (!principal.consumerGroupPrefixes().contains(application)) {
            throw new InvalidConfigurationException(application + " may not log in to Kafka as '" + username
                    + "' (NOVA_KAFKA_USERNAME): each service logs in as itself, and the broker grants each only its "
                    + "own topics",
                    "Give " + application + " its own Kafka user and password (NOVA_KAFKA_USERNAME, NOVA_KAFKA_PASSWORD).");
        }
        SecurityProtocol protocol = SecurityProtocol.forName(
                environment.getProperty("nova.kafka.security-protocol", SecurityProtocol.SASL_SSL.name).strip());
        return new KafkaLogin(principal, ScramClientProperties.of(username, password, protocol), live);
    }

    /** The principal this service logs in as; empty when it connects without a login. */
    public Optional<DeskPrincipal> principal() {
        return Optional.ofNullable(principal);
    }

    /**
     * The desk topics this service may write: those its principal is granted, or all of them without a login. A
     * producer asking for another topic's metadata would only be refused by the broker.
     */
    public List<String> writableTopics() {
        return principal == null ? Topics.ALL
                : Topics.ALL.stream().filter(topic -> TopicAccess.mayWrite(principal, topic)).toList();
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof KafkaProperties kafka) {
            apply(kafka);
        }
        return bean;
    }

    void apply(KafkaProperties kafka) {
        if (principal != null) {
            clientProperties.forEach((key, value) -> kafka.getProperties().put(key, value.toString()));
            kafka.getAdmin().setAutoCreate(false);
            log.info("Kafka: logging in as {} ({}), topics are the broker's provisioning's", principal.username(),
                    clientProperties.get(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG));
            return;
        }
        if (otherLogin(kafka)) {
            return;
        }
        if (live) {
            throw new InvalidConfigurationException("nova.trading.mode=live needs a Kafka login "
                    + "(NOVA_KAFKA_USERNAME, NOVA_KAFKA_PASSWORD): on a broker without one, anyone who reaches it "
                    + "can write the desk's topics",
                    "Set NOVA_KAFKA_USERNAME and NOVA_KAFKA_PASSWORD (or a security protocol of your own under "
                            + "spring.kafka), or run nova.trading.mode=paper.");
        }
        log.warn("Kafka: no login (plaintext); any client that reaches the broker can write the desk's topics. "
                + "Set NOVA_KAFKA_USERNAME and NOVA_KAFKA_PASSWORD on a shared broker.");
    }

    private static boolean otherLogin(KafkaProperties kafka) {
        String protocol = kafka.getSecurity().getProtocol();
        if (protocol == null) {
            protocol = kafka.getProperties().get(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG);
        }
        return protocol != null && !protocol.isBlank()
                && !SecurityProtocol.PLAINTEXT.name.equalsIgnoreCase(protocol.strip());
    }
}
