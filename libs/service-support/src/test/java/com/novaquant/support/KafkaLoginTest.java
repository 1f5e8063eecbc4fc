package com.novaquant.support;

import com.novaquant.events.DeskPrincipal;
import com.novaquant.events.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaLoginTest {

    @Test
    void aServiceLogsInAsItsOwnPrincipalOverTlsByDefaultAndCreatesNoTopics() {
        KafkaProperties kafka = new KafkaProperties();
        KafkaLogin login = KafkaLogin.from(service("signal-service")
                .withProperty("nova.kafka.username", "signal")
                .withProperty("nova.kafka.password", "pw-of-signal"));
        login.postProcessBeforeInitialization(kafka, "kafkaProperties");

        assertThat(login.principal()).contains(DeskPrincipal.SIGNAL);
        assertThat(kafka.getProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(kafka.getProperties().get("sasl.jaas.config")).contains("username=\"signal\"", "pw-of-signal");
        assertThat(kafka.buildProducerProperties()).containsEntry("security.protocol", "SASL_SSL");
        assertThat(kafka.buildConsumerProperties()).containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(kafka.buildAdminProperties()).containsKey("sasl.jaas.config");
        assertThat(kafka.getAdmin().isAutoCreate()).isFalse();
        assertThat(login.writableTopics()).containsExactly(Topics.SIGNALS, Topics.SIGNAL_SETTINGS, Topics.UNIVERSE);
    }

    @Test
    void aLoopbackBrokerMayBeReachedWithoutTls() {
        KafkaProperties kafka = new KafkaProperties();
        KafkaLogin.from(service("alert-service")
                        .withProperty("nova.kafka.username", "alert")
                        .withProperty("nova.kafka.password", "pw")
                        .withProperty("nova.kafka.security-protocol", "SASL_PLAINTEXT"))
                .apply(kafka);
        assertThat(kafka.getProperties()).containsEntry("security.protocol", "SASL_PLAINTEXT");
    }

    @Test
    void aServiceLoggingInAsAnotherServiceIsRefused() {
        assertThatThrownBy(() -> KafkaLogin.from(service("ingestion-service")
                .withProperty("nova.kafka.username", "signal")
                .withProperty("nova.kafka.password", "pw")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("each service logs in as itself");
    }

    @Test
    void aUserThatIsNoDeskServiceIsRefused() {
        assertThatThrownBy(() -> KafkaLogin.from(service("signal-service")
                .withProperty("nova.kafka.username", "admin")
                .withProperty("nova.kafka.password", "pw")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a desk service's Kafka user");
    }

    @Test
    void aUsernameWithoutAPasswordIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> KafkaLogin.from(service("signal-service").withProperty("nova.kafka.username", "signal")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NOVA_KAFKA_PASSWORD");
    }

    @Test
    void aProtocolThatSendsNoLoginIsRefused() {
        assertThatThrownBy(() -> KafkaLogin.from(service("signal-service")
                .withProperty("nova.kafka.username", "signal")
                .withProperty("nova.kafka.password", "pw")
                .withProperty("nova.kafka.security-protocol", "PLAINTEXT")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void liveTradingOnABrokerWithoutALoginIsRefused() {
        KafkaLogin login = KafkaLogin.from(service("execution-service").withProperty("nova.trading.mode", "live"));
        assertThatThrownBy(() -> login.apply(new KafkaProperties()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NOVA_KAFKA_USERNAME");
    }

    @Test
    void liveTradingWithALoginConfiguredByOtherMeansStarts() {
        KafkaLogin login = KafkaLogin.from(service("execution-service").withProperty("nova.trading.mode", "live"));
        KafkaProperties kafka = new KafkaProperties();
        kafka.getProperties().put("security.protocol", "SASL_SSL");
        kafka.getProperties().put("sasl.mechanism", "AWS_MSK_IAM");
        login.apply(kafka);
        assertThat(kafka.getProperties()).doesNotContainKey("sasl.jaas.config");
        assertThat(kafka.getAdmin().isAutoCreate()).isTrue();
    }

    @Test
    void paperTradingWithoutALoginConnectsAsBefore() {
        KafkaProperties kafka = new KafkaProperties();
        KafkaLogin login = KafkaLogin.from(service("signal-service"));
        login.apply(kafka);
        assertThat(login.principal()).isEmpty();
        assertThat(login.writableTopics()).isEqualTo(Topics.ALL);
        assertThat(kafka.getProperties()).isEmpty();
        assertThat(kafka.getAdmin().isAutoCreate()).isTrue();
    }

    private static MockEnvironment service(String name) {
        return new MockEnvironment().withProperty("spring.application.name", name);
    }
}
