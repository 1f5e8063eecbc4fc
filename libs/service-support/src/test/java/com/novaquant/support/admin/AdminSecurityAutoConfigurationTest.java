package com.novaquant.support.admin;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminSecurityAutoConfigurationTest {

    private final AdminSecurityAutoConfiguration configuration = new AdminSecurityAutoConfiguration();
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void withoutAnyAccountEveryCallIsRefused() {
        AdminProperties locked = new AdminProperties(null, null);
        ReactiveUserDetailsService users = configuration.adminUsers(locked, encoder);

        assertThat(locked.locked()).isTrue();
        assertThat(users.findByUsername("operator").blockOptional()).isEmpty();
    }

    @Test
    void theSharedPasswordStillMakesOneOperatorAccount() {
        ReactiveUserDetailsService users = configuration.adminUsers(new AdminProperties("desk", "s3cret"), encoder);
        UserDetails desk = users.findByUsername("desk").block();

        assertThat(desk).isNotNull();
        assertThat(encoder.matches("s3cret", desk.getPassword())).isTrue();
        assertThat(encoder.matches("wrong", desk.getPassword())).isFalse();
        assertThat(roles(desk)).containsExactlyInAnyOrder("ROLE_VIEWER", "ROLE_OPERATOR");
        assertThat(users.findByUsername("operator").blockOptional()).isEmpty();
    }

    @Test
    void namedAccountsKeepTheirHashAndTheirRoleBesideTheSharedAccount() {
        ReactiveUserDetailsService users = configuration.adminUsers(new AdminProperties("operator", "s3cret",
                List.of("alice:VIEWER:" + AdminAccountTest.ALICE_HASH + ",alert-bridge:DELEGATE:" + AdminAccountTest.BOB_HASH)),
                encoder);

        UserDetails alice = users.findByUsername("alice").block();
        assertThat(alice.getPassword()).isEqualTo(AdminAccountTest.ALICE_HASH);
        assertThat(encoder.matches("alice-password-1", alice.getPassword())).isTrue();
        assertThat(roles(alice)).containsExactly("ROLE_VIEWER");
        assertThat(roles(users.findByUsername("alert-bridge").block()))
                .containsExactlyInAnyOrder("ROLE_VIEWER", "ROLE_OPERATOR", "ROLE_DELEGATE");
        assertThat(roles(users.findByUsername("operator").block())).containsExactlyInAnyOrder("ROLE_VIEWER", "ROLE_OPERATOR");
    }

    @Test
    void aPlaintextPasswordInTheAccountsConfigIsRefusedAtStartUp() {
        new ReactiveWebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AdminSecurityAutoConfiguration.class))
                .withPropertyValues("nova.admin.accounts=alice:OPERATOR:plain-text-password")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("alice")
                            .hasMessageContaining("plaintext").hasMessageNotContaining("plain-text-password");
                });
        new ReactiveWebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AdminSecurityAutoConfiguration.class))
                .withPropertyValues("nova.admin.accounts=alice:OPERATOR:" + AdminAccountTest.ALICE_HASH)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(ReactiveUserDetailsService.class));
    }

    @Test
    void anAccountNamedLikeTheSharedAccountIsRefused() {
        assertThatThrownBy(() -> configuration.adminUsers(new AdminProperties("operator", "s3cret",
                List.of("Operator:VIEWER:" + AdminAccountTest.ALICE_HASH)), encoder))
                .hasMessageContaining("shared account");
    }

    @Test
    void passwordsAndHashesNeverAppearInTheTextForm() {
        String text = new AdminProperties("operator", "s3cret", List.of("alice:VIEWER:" + AdminAccountTest.ALICE_HASH))
                .toString();
        assertThat(text).doesNotContain("s3cret").doesNotContain("bcrypt").contains("******");
    }

    @Test
    void actuatorOnTheApiPortIsNoticed() {
        assertThat(AdminSecurityAutoConfiguration.actuatorSharesTheApiPort(env())).isTrue();
        assertThat(AdminSecurityAutoConfiguration.actuatorSharesTheApiPort(env("server.port", "8083",
                "management.server.port", "8083"))).isTrue();
        assertThat(AdminSecurityAutoConfiguration.actuatorSharesTheApiPort(env("server.port", "8083",
                "management.server.port", "9083"))).isFalse();
        assertThat(AdminSecurityAutoConfiguration.actuatorSharesTheApiPort(env("server.port", "0",
                "management.server.port", "0"))).isFalse();
    }

    private static org.springframework.core.env.Environment env(String... pairs) {
        org.springframework.mock.env.MockEnvironment environment = new org.springframework.mock.env.MockEnvironment();
        for (int i = 0; i < pairs.length; i += 2) {
            environment.setProperty(pairs[i], pairs[i + 1]);
        }
        return environment;
    }

    private static List<String> roles(UserDetails user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }
}
