package com.novaquant.support;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared actuator masking covers the admin accounts and any encoded password, besides Boot's own rule. */
class SecretsMaskedTest {

    private final SanitizingFunction masked = new NovaServiceAutoConfiguration().secretsMasked();

    @Test
    void adminAccountsPasswordsAndEncodedPasswordsAreMasked() {
        String hash = "{bcrypt}$2a$10$abcdefghijklmnopqrstuu5Wj0E0QmVZkWl1Cj7Q5W4QHn1TqjM7a";
        assertThat(shown("accounts", "alice:VIEWER:" + hash)).isEqualTo(SanitizableData.SANITIZED_VALUE);
        assertThat(shown("nova.admin.accounts", "alice:VIEWER:" + hash)).isEqualTo(SanitizableData.SANITIZED_VALUE);
        assertThat(shown("nova.admin.accounts[0]", "alice:VIEWER:" + hash)).isEqualTo(SanitizableData.SANITIZED_VALUE);
        assertThat(shown("nova.signing.keys", "k1:c2VjcmV0LXNpZ25pbmcta2V5LW9mLTMyLWJ5dGVzISE="))
                .isEqualTo(SanitizableData.SANITIZED_VALUE);
        assertThat(shown("NOVA_SIGNING_KEYS", "k1:c2VjcmV0LXNpZ25pbmcta2V5LW9mLTMyLWJ5dGVzISE="))
                .isEqualTo(SanitizableData.SANITIZED_VALUE);
        assertThat(shown("password", "s3cret")).isEqualTo(SanitizableData.SANITIZED_VALUE);
        assertThat(shown("nova.alert.execution-password", "s3cret")).isEqualTo(SanitizableData.SANITIZED_VALUE);
        assertThat(shown("some.other.setting", "x " + hash)).isEqualTo(SanitizableData.SANITIZED_VALUE);
        assertThat(shown("some.other.setting", "{noop}plain")).isEqualTo(SanitizableData.SANITIZED_VALUE);
    }

    @Test
    void theKafkaLoginIsMaskedWhereverItIsShown() {
        String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"signal\" "
                + "password=\"s3cret\";";
        assertThat(shown("sasl.jaas.config", jaas)).isEqualTo(SanitizableData.SANITIZED_VALUE);
        assertThat(shown("spring.kafka.properties.sasl.jaas.config", jaas)).isEqualTo(SanitizableData.SANITIZED_VALUE);
        assertThat(shown("some.other.setting", jaas)).isEqualTo(SanitizableData.SANITIZED_VALUE);
        assertThat(shown("nova.kafka.password", "s3cret")).isEqualTo(SanitizableData.SANITIZED_VALUE);
        assertThat(shown("NOVA_KAFKA_PASSWORD", "s3cret")).isEqualTo(SanitizableData.SANITIZED_VALUE);
    }

    @Test
    void ordinarySettingsStayReadable() {
        assertThat(shown("username", "operator")).isEqualTo("operator");
        assertThat(shown("entry-threshold-apr", 0.15)).isEqualTo(0.15);
        assertThat(shown("account-check-interval", "60s")).isEqualTo("60s");
    }

    private Object shown(String key, Object value) {
        return masked.applyUnlessFiltered(new SanitizableData(null, key, value)).getValue();
    }
}
