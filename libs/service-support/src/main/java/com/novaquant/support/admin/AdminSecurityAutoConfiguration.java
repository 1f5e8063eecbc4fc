package com.novaquant.support.admin;

import com.novaquant.support.config.InvalidConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import reactor.core.publisher.Mono;

import com.novaquant.support.config.InvalidConfigurationException;

import java.util.ArrayList;
import java.util.List;

/**
 * The shared admin contract, written once here for every service that puts Spring Security on its classpath
 * (signal-service, execution-service):
 * <ul>
 *     <li>open: health (incl. {@code /livez}, {@code /readyz}), info and prometheus. Actuator lives on the management
 *     port ({@code management.server.port}), so on the admin port {@code /actuator/**} is not served at all.</li>
 *     <li>{@code GET}/{@code HEAD} (status, PnL, positions, configuration, the other actuator endpoints): role VIEWER
 *     (which OPERATOR and DELEGATE include).</li>
 *     <li>every other method (kill switch, release, flatten, configuration changes): role OPERATOR (or DELEGATE). A
 *     VIEWER gets 403.</li>
 * </ul>
 * Accounts come from {@link AdminProperties}: named accounts with bcrypt hashes ({@code NOVA_ADMIN_ACCOUNTS}), and the
 * shared single OPERATOR account ({@code NOVA_ADMIN_PASSWORD}). Without any, every protected call gets 401; a
 * plaintext password among the named accounts stops the start-up.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration"})
@ConditionalOnClass(ServerHttpSecurity.class)
@EnableConfigurationProperties(AdminProperties.class)
@EnableWebFluxSecurity
public class AdminSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AdminSecurityAutoConfiguration.class);

    /** Answered without credentials: probes (on either port) and what Prometheus scrapes (management port). */
    static final String[] OPEN_PATHS = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/livez", "/readyz"};

    @Bean
    SecurityWebFilterChain adminSecurity(ServerHttpSecurity http, Environment environment) {
        warnUnlessActuatorHasItsOwnPort(environment);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .httpBasic(basic -> {
                })
                .authorizeExchange(auth -> auth
                        .pathMatchers(OPEN_PATHS).permitAll()
                        .pathMatchers(HttpMethod.GET, "/**").hasRole(AdminRole.VIEWER.name())
                        .pathMatchers(HttpMethod.HEAD, "/**").hasRole(AdminRole.VIEWER.name())
                        .anyExchange().hasRole(AdminRole.OPERATOR.name()))
                .build();
    }

    /**
     * Open metrics are only safe off the admin port: every service sets {@code management.server.port} in its
     * application.yml; an override that puts actuator back on the API port is worth a warning.
     */
    static boolean actuatorSharesTheApiPort(Environment environment) {
        String management = environment.getProperty("management.server.port", "").strip();
        String server = environment.getProperty("server.port", "8080").strip();
        return management.isEmpty() || (!management.equals("0") && management.equals(server));
    }

    private static void warnUnlessActuatorHasItsOwnPort(Environment environment) {
        if (actuatorSharesTheApiPort(environment)) {
            log.warn("management.server.port is not set apart from server.port: actuator (health, info, prometheus)"
                    + " is served on the admin API's port");
        }
    }

    @Bean
    PasswordEncoder adminPasswordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * @throws IllegalArgumentException (failing the start-up) on a malformed account, a plaintext or weak password
     *                                  hash, or a name given twice
     */
    @Bean
    ReactiveUserDetailsService adminUsers(AdminProperties admin, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        List<AdminAccount> accounts;
        try {
            accounts = AdminAccount.parseAll(admin.accounts());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(e.getMessage(), "Fix the entry in NOVA_ADMIN_ACCOUNTS "
                    + "(name:ROLE:{bcrypt}hash, comma-separated; make a hash with com.novaquant.support.admin.HashPassword).", e);
        }
        for (AdminAccount account : accounts) {
            users.add(user(account.name(), account.passwordHash(), account.role()));
        }
        if (admin.sharedAccount()) {
            if (accounts.stream().anyMatch(a -> a.name().equalsIgnoreCase(admin.username()))) {
                throw new InvalidConfigurationException("nova.admin.accounts (NOVA_ADMIN_ACCOUNTS) names '"
                        + admin.username() + "', the user name of the shared account (NOVA_ADMIN_PASSWORD)",
                        "Unset NOVA_ADMIN_PASSWORD, or remove the account '" + admin.username() + "' from NOVA_ADMIN_ACCOUNTS.");
            }
            users.add(user(admin.username(), encoder.encode(admin.password()), AdminRole.OPERATOR));
        }
        if (users.isEmpty()) {
            log.warn("Neither NOVA_ADMIN_ACCOUNTS nor NOVA_ADMIN_PASSWORD is set: the admin API is locked and refuses"
                    + " every call");
            return username -> Mono.empty();
        }
        log.info("Admin API accounts: {}", users.stream()
                .map(u -> u.getUsername() + " " + u.getAuthorities()).toList());
        return new MapReactiveUserDetailsService(users);
    }

    private static UserDetails user(String name, String passwordHash, AdminRole role) {
        return User.withUsername(name).password(passwordHash)
                .roles(role.grantedRoles().toArray(String[]::new))
                .build();
    }
}
