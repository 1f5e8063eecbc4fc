package com.novaquant.support.admin;

import com.novaquant.support.NovaServiceAutoConfiguration;
import com.novaquant.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared admin contract over real HTTP, on a service of its own (no Kafka): roles per method, the audit actor,
 * and actuator on the management port only.
 */
@SpringBootTest(classes = AdminAccessIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=admin-access-it", "spring.config.import=classpath:nova-defaults.yml",
                // A management server of its own (services set their port in application.yml), here on a free port.
                "management.server.port=0",
                "nova.admin.password=shared-secret"})
class AdminAccessIT {

    static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(10);

    @SpringBootApplication(exclude = NovaServiceAutoConfiguration.class,
            excludeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
    static class App {

        /** Stands for a service's admin API: a read, and state changes that record who made them. */
        @RestController
        static class Desk {
            @GetMapping("/admin/status")
            Mono<String> status() {
                return Mono.just("TRADING");
            }

            @PostMapping("/admin/kill-switch/engage")
            Mono<String> engage(@RequestHeader(name = AuditActor.ON_BEHALF_OF, required = false) String person,
                                Mono<Principal> principal) {
                return principal.map(p -> "HALTED by " + AuditActor.of(p, person));
            }

            @PutMapping("/admin/config")
            Mono<String> config() {
                return Mono.just("changed");
            }

            @DeleteMapping("/admin/config")
            Mono<String> reset() {
                return Mono.just("reset");
            }
        }
    }

    @DynamicPropertySource
    static void accounts(DynamicPropertyRegistry registry) {
        registry.add("nova.admin.accounts", () -> String.join(",",
                "victor:VIEWER:{bcrypt}" + BCRYPT.encode("viewer-password"),
                "alice:OPERATOR:{bcrypt}" + BCRYPT.encode("alice-password"),
                "alert-bridge:DELEGATE:{bcrypt}" + BCRYPT.encode("bridge-password")));
    }

    static final String VIEWER = basic("victor", "viewer-password");
    static final String OPERATOR = basic("alice", "alice-password");
    static final String DELEGATE = basic("alert-bridge", "bridge-password");
    static final String SHARED = basic("operator", "shared-secret");

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @Test
    void aViewerReadsButCannotPostTheKillSwitchOrChangeAnything() {
        assertThat(call("GET", "/admin/status", VIEWER, null).status()).isEqualTo(200);
        assertThat(call("POST", "/admin/kill-switch/engage", VIEWER, null).status()).isEqualTo(403);
        assertThat(call("PUT", "/admin/config", VIEWER, null).status()).isEqualTo(403);
        assertThat(call("DELETE", "/admin/config", VIEWER, null).status()).isEqualTo(403);
    }

    @Test
    void anOperatorCanPostTheKillSwitch() {
        Http.Response engaged = call("POST", "/admin/kill-switch/engage", OPERATOR, null);
        assertThat(engaged.status()).isEqualTo(200);
        assertThat(engaged.body()).isEqualTo("HALTED by alice");
        assertThat(call("PUT", "/admin/config", OPERATOR, null).status()).isEqualTo(200);
        assertThat(call("GET", "/admin/status", OPERATOR, null).status()).isEqualTo(200);
    }

    @Test
    void theSharedPasswordIsStillOneOperatorAccount() {
        assertThat(call("POST", "/admin/kill-switch/engage", SHARED, null).body()).isEqualTo("HALTED by operator");
    }

    @Test
    void callsWithoutOrWithWrongCredentialsAreRefused() {
        assertThat(call("GET", "/admin/status", null, null).status()).isEqualTo(401);
        assertThat(call("POST", "/admin/kill-switch/engage", null, null).status()).isEqualTo(401);
        assertThat(call("GET", "/admin/status", basic("alice", "wrong"), null).status()).isEqualTo(401);
        // The stored value is a hash: presenting the hash itself as the password opens nothing.
        assertThat(call("GET", "/admin/status", basic("victor", "{bcrypt}" + BCRYPT.encode("viewer-password")), null)
                .status()).isEqualTo(401);
    }

    @Test
    void theAuditTrailRecordsTheAuthenticatedPrincipalNotAClientSuppliedActor() {
        Http.Response engaged = call("POST", "/admin/kill-switch/engage", OPERATOR, "telegram:@mallory");
        assertThat(engaged.body()).isEqualTo("HALTED by alice");
        assertThat(call("POST", "/admin/kill-switch/engage", SHARED, "alice").body()).isEqualTo("HALTED by operator");
    }

    @Test
    void theDelegatesHeaderIsRecordedAsFor() {
        Http.Response engaged = call("POST", "/admin/kill-switch/engage", DELEGATE, "telegram:12345");
        assertThat(engaged.status()).isEqualTo(200);
        assertThat(engaged.body()).isEqualTo("HALTED by alert-bridge for telegram:12345");
    }

    @Test
    void prometheusIsNotServedOnTheAdminPortButOnTheManagementPort() {
        assertThat(managementPort).isPositive().isNotEqualTo(port);
        assertThat(Http.get(url(port, "/actuator/prometheus")).status()).isEqualTo(404);
        assertThat(call("GET", "/actuator/prometheus", OPERATOR, null).status()).isEqualTo(404);
        assertThat(Http.get(url(port, "/actuator/health")).status()).isEqualTo(404);

        Http.Response metrics = Http.get(url(managementPort, "/actuator/prometheus"));
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("application=\"admin-access-it\"");
        assertThat(Http.get(url(managementPort, "/actuator/health")).body()).contains("\"status\":\"UP\"");
        // The admin API is not on the management port.
        assertThat(send(managementPort, "GET", "/admin/status", OPERATOR, null).status()).isEqualTo(404);
    }

    @Test
    void probesAnswerOnTheApiPortWithoutCredentials() {
        assertThat(Http.get(url(port, "/livez")).body()).contains("\"status\":\"UP\"");
        assertThat(Http.get(url(port, "/readyz")).body()).contains("\"status\":\"UP\"");
        assertThat(Http.get(url(managementPort, "/actuator/health/readiness")).status()).isEqualTo(200);
    }

    private Http.Response call(String method, String path, String authorization, String person) {
        return send(port, method, path, authorization, person);
    }

    private static Http.Response send(int port, String method, String path, String authorization, String person) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(port, path)))
                .timeout(Duration.ofSeconds(10))
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{\"reason\":\"test\"}"))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (person != null) {
            request.header(AuditActor.ON_BEHALF_OF, person);
        }
        return Http.send(request.build());
    }

    private static String url(int port, String path) {
        return "http://localhost:" + port + path;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
