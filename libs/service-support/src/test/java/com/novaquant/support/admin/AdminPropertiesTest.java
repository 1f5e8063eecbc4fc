package com.novaquant.support.admin;

import com.novaquant.support.config.PropertyBinding;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code nova.admin.*} as signal, execution and the alert service bind it; the one default of the user name. */
class AdminPropertiesTest {

    @Test
    void unsetThereIsNoAccountAndTheSharedUserIsOperator() {
        AdminProperties admin = bind(Map.of());

        assertThat(admin.username()).isEqualTo("operator");
        assertThat(admin.locked()).isTrue();
        assertThat(admin.sharedAccount()).isFalse();
        assertThat(admin.accounts()).isEmpty();
    }

    @Test
    void aBlankUserNameIsTheDefaultToo() {
        assertThat(bind(Map.of("nova.admin.username", " ")).username()).isEqualTo("operator");
    }

    @Test
    void theEnvironmentVariablesBindTheSharedAccountAndTheNamedOnes() {
        AdminProperties admin = PropertyBinding.bindEnvironment("nova.admin", AdminProperties.class, Map.of(
                "NOVA_ADMIN_USERNAME", "desk", "NOVA_ADMIN_PASSWORD", "s3cret",
                "NOVA_ADMIN_ACCOUNTS", "alice:VIEWER:{bcrypt}x,bob:OPERATOR:{bcrypt}y"));

        assertThat(admin.username()).isEqualTo("desk");
        assertThat(admin.password()).isEqualTo("s3cret");
        assertThat(admin.sharedAccount()).isTrue();
        assertThat(admin.accounts()).containsExactly("alice:VIEWER:{bcrypt}x", "bob:OPERATOR:{bcrypt}y");
        assertThat(admin.toString()).doesNotContain("s3cret", "{bcrypt}");
    }

    @Test
    void aBlankPasswordIsNoSharedAccount() {
        AdminProperties admin = bind(Map.of("nova.admin.password", "", "nova.admin.accounts", " "));

        assertThat(admin.sharedAccount()).isFalse();
        assertThat(admin.locked()).isTrue();
    }

    private static AdminProperties bind(Map<String, String> properties) {
        return PropertyBinding.bind("nova.admin", AdminProperties.class, properties);
    }
}
