package com.novaquant.support.admin;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class AdminSecurityAutoConfigurationTest {

    private final AdminSecurityAutoConfiguration configuration = new AdminSecurityAutoConfiguration();
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void withoutAPasswordNoAccountExistsSoEveryCallIsRefused() {
        AdminProperties locked = new AdminProperties(null, null);
        ReactiveUserDetailsService users = configuration.adminUsers(locked, encoder);

        assertThat(locked.locked()).isTrue();
        assertThat(users.findByUsername("operator").blockOptional()).isEmpty();
    }

    @Test
    void operatorAccountChecksTheConfiguredPassword() {
        ReactiveUserDetailsService users = configuration.adminUsers(new AdminProperties("desk", "s3cret"), encoder);
        UserDetails desk = users.findByUsername("desk").block();

        assertThat(desk).isNotNull();
        assertThat(encoder.matches("s3cret", desk.getPassword())).isTrue();
        assertThat(encoder.matches("wrong", desk.getPassword())).isFalse();
        assertThat(users.findByUsername("operator").blockOptional()).isEmpty();
    }

    @Test
    void passwordNeverAppearsInTheTextForm() {
        assertThat(new AdminProperties("operator", "s3cret").toString()).doesNotContain("s3cret").contains("******");
    }
}
