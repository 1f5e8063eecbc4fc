package com.novaquant.alert.adapter.telegram;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operator settings bind from the environment variables the Helm chart and the local desk pass. */
class TelegramPropertiesTest {

    @Test
    void operatorsAndTheTwoPersonRuleBindFromEnvironmentVariables() {
        TelegramProperties properties = bindFromEnvironment(Map.of(
                "NOVA_TELEGRAM_CHAT_IDS", "100001,-1001234567890",
                "NOVA_TELEGRAM_OPERATOR_IDS", "7,9",
                "NOVA_TELEGRAM_CONFIRM_BY_ANOTHER_OPERATOR", "true"));

        assertThat(properties.chatIds()).containsExactly(100001L, -1001234567890L);
        assertThat(properties.operatorIds()).containsExactly(7L, 9L);
        assertThat(properties.confirmByAnotherOperator()).isTrue();
        assertThat(bindFromEnvironment(Map.of("NOVA_TELEGRAM_OPERATORIDS", "7")).operatorIds()).containsExactly(7L);
    }

    @Test
    void byDefaultNobodyIsAnOperatorAndOneOperatorSuffices() {
        TelegramProperties properties = bindFromEnvironment(Map.of());

        assertThat(properties.operatorIds()).isEmpty();
        assertThat(properties.confirmByAnotherOperator()).isFalse();
        // What a chart passes when no operator is set: an empty variable.
        assertThat(bindFromEnvironment(Map.of("NOVA_TELEGRAM_OPERATOR_IDS", "")).operatorIds()).isEmpty();
    }

    @Test
    void aGroupChatIdInTheOperatorListIsRejectedAtStartUp() {
        assertThatThrownBy(() -> bindFromEnvironment(Map.of("NOVA_TELEGRAM_OPERATOR_IDS", "7,-1001234567890")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("nova.telegram.operator-ids holds Telegram user ids");
    }

    private static TelegramProperties bindFromEnvironment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        return new Binder(ConfigurationPropertySources.from(environment.getPropertySources()))
                .bindOrCreate("nova.telegram", TelegramProperties.class);
    }
}
