package com.novaquant.execution.adapter.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import reactor.core.publisher.Mono;

/**
 * HTTP Basic on every endpoint except actuator health, info and prometheus. No anonymous access, no sessions,
 * no form login. Without a configured password the admin API is locked: every call gets 401.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class AdminSecurity {

    private static final Logger log = LoggerFactory.getLogger(AdminSecurity.class);

    @Bean
    SecurityWebFilterChain adminFilterChain(ServerHttpSecurity http) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .anyExchange().authenticated())
                .httpBasic(basic -> {
                })
                .build();
    }

    @Bean
    PasswordEncoder adminPasswordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    ReactiveUserDetailsService adminUsers(AdminProperties admin, PasswordEncoder encoder) {
        if (admin.locked()) {
            log.warn("NOVA_ADMIN_PASSWORD is not set: the admin API is locked and refuses every call");
            return username -> Mono.empty();
        }
        return new MapReactiveUserDetailsService(User.withUsername(admin.username())
                .password(encoder.encode(admin.password())).roles("OPERATOR").build());
    }
}
