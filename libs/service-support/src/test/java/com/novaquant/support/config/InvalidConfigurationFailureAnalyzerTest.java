package com.novaquant.support.config;

import com.novaquant.support.KafkaLogin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A start-up refused for its configuration says what is wrong and what to do, not a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class InvalidConfigurationFailureAnalyzerTest {

    @Configuration(proxyBeanMethods = false)
    static class NeedsAKafkaLogin {

        @Bean
        KafkaLogin kafkaLogin(Environment environment) {
            return KafkaLogin.from(environment);
        }
    }

    @Test
    void aKafkaUserWithoutAPasswordFailsTheStartWithTheSettingAndTheFixAndNoStackTrace(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(NeedsAKafkaLogin.class)
                .web(WebApplicationType.NONE)
                .properties("spring.application.name=signal-service", "nova.kafka.username=signal",
                        "spring.main.banner-mode=off")
                .run())
                .isInstanceOf(BeanCreationException.class);

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("Invalid configuration: nova.kafka.username (NOVA_KAFKA_USERNAME) is set but "
                        + "nova.kafka.password (NOVA_KAFKA_PASSWORD) is not")
                .contains("Action:")
                .contains("Set NOVA_KAFKA_PASSWORD to the password of the service's Kafka user")
                .doesNotContain("\tat com.novaquant.support.KafkaLogin");
    }

    @Test
    void theAnalysisIsFoundThroughTheWrappingBeanFailure() {
        InvalidConfigurationException problem = new InvalidConfigurationException("nova.x (NOVA_X) is wrong", "Set NOVA_X.");
        BeanCreationException wrapped = new BeanCreationException("someBean", "failed", problem);

        FailureAnalysis analysis = new InvalidConfigurationFailureAnalyzer().analyze(wrapped);

        assertThat(analysis.getDescription()).isEqualTo("Invalid configuration: nova.x (NOVA_X) is wrong");
        assertThat(analysis.getAction()).isEqualTo("Set NOVA_X.");
        assertThat(new InvalidConfigurationFailureAnalyzer().analyze(new BeanCreationException("other"))).isNull();
    }
}
