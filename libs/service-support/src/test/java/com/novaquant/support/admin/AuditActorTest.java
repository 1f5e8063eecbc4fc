package com.novaquant.support.admin;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

import java.security.Principal;

import static org.assertj.core.api.Assertions.assertThat;

class AuditActorTest {

    @Test
    void anOperatorIsRecordedByItsOwnNameWhateverTheHeaderSays() {
        assertThat(AuditActor.of(authenticated("alice", AdminRole.OPERATOR), "telegram:@mallory")).isEqualTo("alice");
        assertThat(AuditActor.of(authenticated("bob", AdminRole.VIEWER), "someone")).isEqualTo("bob");
        assertThat(AuditActor.of(authenticated("alice", AdminRole.OPERATOR), null)).isEqualTo("alice");
    }

    @Test
    void aDelegateIsRecordedForThePersonItNames() {
        Principal bridge = authenticated("alert-bridge", AdminRole.DELEGATE);
        assertThat(AuditActor.of(bridge, "telegram:12345")).isEqualTo("alert-bridge for telegram:12345");
        assertThat(AuditActor.of(bridge, "  ")).isEqualTo("alert-bridge");
        assertThat(AuditActor.of(bridge, null)).isEqualTo("alert-bridge");
    }

    @Test
    void aDelegatesPersonCannotForgeLinesOrGrowWithoutBound() {
        Principal bridge = authenticated("alert-bridge", AdminRole.DELEGATE);
        assertThat(AuditActor.of(bridge, "telegram:@eve\r\nINFO released by operator"))
                .isEqualTo("alert-bridge for telegram:@eve INFO released by operator");
        assertThat(AuditActor.of(bridge, "x".repeat(500))).hasSize("alert-bridge for ".length() + AuditActor.MAX_PERSON);
    }

    @Test
    void aPrincipalThatIsNotAnAuthenticationIsNeverADelegate() {
        Principal plain = () -> "plain";
        assertThat(AuditActor.of(plain, "telegram:1")).isEqualTo("plain");
    }

    private static Principal authenticated(String name, AdminRole role) {
        return UsernamePasswordAuthenticationToken.authenticated(name, null, AuthorityUtils.createAuthorityList(
                role.grantedRoles().stream().map(r -> "ROLE_" + r).toArray(String[]::new)));
    }
}
