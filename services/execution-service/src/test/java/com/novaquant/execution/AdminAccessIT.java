package com.novaquant.execution;

import com.novaquant.execution.application.KillSwitch;
import com.novaquant.testsupport.Http;
import com.novaquant.testsupport.RealInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may do what on execution's admin API, and who the audit trail records, over real HTTP. The configuration is
 * {@link ExecutionApplicationIT}'s, so both share one application context (no second trader in the test JVM).
 */
@RealInfrastructure(postgres = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nova.binance.spot.rest-url=http://127.0.0.1:9/spot",
        "nova.binance.futures.rest-url=http://127.0.0.1:9/futures",
        "nova.binance.spot.ws-url=ws://127.0.0.1:9/spot",
        "nova.binance.futures.ws-url=ws://127.0.0.1:9/futures",
        "nova.binance.call-timeout=3s",
        "nova.execution.advisory-lock-key=830831",
        AdminAccessIT.ACCOUNTS,
        AdminAccessIT.SHARED_ACCOUNT})
class AdminAccessIT {

    /**
     * A viewer, an operator and the alert service's delegate account, as NOVA_ADMIN_ACCOUNTS holds them (bcrypt of
     * viewer-secret-1, alice-secret-1 and bridge-secret-1).
     */
    static final String ACCOUNTS = "nova.admin.accounts="
            + "victor:VIEWER:{bcrypt}$2a$10$gArh6eH9kf7o1NVKRqCH0.yd3W1jluBiqf.9MS8YjR/S2QbqWiByS,"
            + "alice:OPERATOR:{bcrypt}$2a$10$8Mu9rcVRTkY9wbTi4XJx/eRbjtz9LBBje2/HHRjkW6UFhBJUUbHli,"
            + "alert-bridge:DELEGATE:{bcrypt}$2a$10$mUucDQmPkJXeGSX2OsaPruta1a6Ro4vY7lisDNViO4US0FnKwVB9q";
    /** The shared single OPERATOR account (NOVA_ADMIN_PASSWORD), beside the named ones. */
    static final String SHARED_ACCOUNT = "nova.admin.password=shared-secret-1";

    static final String VIEWER = basic("victor", "viewer-secret-1");
    static final String OPERATOR = basic("alice", "alice-secret-1");
    static final String DELEGATE = basic("alert-bridge", "bridge-secret-1");
    static final String SHARED = basic("operator", "shared-secret-1");

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    KillSwitch killSwitch;
    /** The ledger's kill switch history, read by each call's own reason (other ITs share the database). */
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void releaseTheDesk() {
        if (killSwitch.engaged()) {
            assertThat(post("/admin/kill-switch/release", OPERATOR, null).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> !killSwitch.engaged());
        }
    }

    @Test
    void aViewerCannotPostTheKillSwitch() {
        assertThat(get("/admin/status", VIEWER).status()).isEqualTo(200);
        assertThat(get("/admin/pnl?hours=24", VIEWER).status()).isEqualTo(200);
        assertThat(get("/admin/pairs", VIEWER).status()).isEqualTo(200);

        assertThat(post("/admin/kill-switch/engage", VIEWER, null).status()).isEqualTo(403);
        assertThat(post("/admin/kill-switch/freeze", VIEWER, null).status()).isEqualTo(403);
        assertThat(post("/admin/flatten", VIEWER, null).status()).isEqualTo(403);
        assertThat(post("/admin/books/reconcile", VIEWER, null).status()).isEqualTo(403);
        assertThat(killSwitch.engaged()).isFalse();
    }

    @Test
    void anOperatorCanPostTheKillSwitch() {
        Http.Response engaged = post("/admin/kill-switch/engage", OPERATOR, null);

        assertThat(engaged.status()).isEqualTo(200);
        assertThat(engaged.body()).contains("\"engaged\":true").contains("\"by\":\"alice\"");
        assertThat(killSwitch.engaged()).isTrue();
        Http.Response released = post("/admin/kill-switch/release", OPERATOR, null);
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.body()).contains("\"by\":\"alice\"");
    }

    @Test
    void theAuditTrailRecordsTheAuthenticatedPrincipalNotAClientSuppliedActor() {
        Http.Response engaged = post("/admin/kill-switch/engage", OPERATOR, "telegram:@mallory");

        assertThat(engaged.status()).isEqualTo(200);
        assertThat(engaged.body()).contains("\"by\":\"alice\"").doesNotContain("mallory");
        assertThat(killSwitch.current().by()).isEqualTo("alice");
        assertRecorded(engaged, "alice");

        // The shared account cannot pass itself off as a named operator either.
        Http.Response frozen = post("/admin/kill-switch/freeze", SHARED, "alice");
        assertThat(frozen.body()).contains("\"by\":\"operator\"");
        assertRecorded(frozen, "operator");
    }

    @Test
    void theDelegatesHeaderIsRecordedAsFor() {
        Http.Response engaged = post("/admin/kill-switch/engage", DELEGATE, "telegram:12345");

        assertThat(engaged.status()).isEqualTo(200);
        assertThat(engaged.body()).contains("\"by\":\"alert-bridge for telegram:12345\"");
        assertThat(killSwitch.current().by()).isEqualTo("alert-bridge for telegram:12345");
        assertRecorded(engaged, "alert-bridge for telegram:12345");
        // Without a person the delegate is recorded by its own name.
        assertThat(post("/admin/kill-switch/freeze", DELEGATE, null).body()).contains("\"by\":\"alert-bridge\"");
    }

    @Test
    void prometheusIsNotServedOnTheAdminPortButOnTheManagementPort() {
        assertThat(managementPort).isPositive().isNotEqualTo(port);
        assertThat(Http.get(url(port, "/actuator/prometheus")).status()).isEqualTo(404);
        assertThat(get("/actuator/prometheus", OPERATOR).status()).isEqualTo(404);

        Http.Response metrics = Http.get(url(managementPort, "/actuator/prometheus"));
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("application=\"execution-service\"");
        assertThat(send(managementPort, "GET", "/admin/status", OPERATOR, null, null).status()).isEqualTo(404);
        // Kubernetes probes the API port without credentials.
        assertThat(Http.get(url(port, "/livez")).body()).contains("\"status\":\"UP\"");
    }

    private Http.Response get(String path, String authorization) {
        return send(port, "GET", path, authorization, null, null);
    }

    /** Each call with a reason of its own, to find its row in the ledger. */
    private Http.Response post(String path, String authorization, String person) {
        return send(port, "POST", path, authorization, person,
                "{\"reason\":\"admin access test " + UUID.randomUUID() + "\"}");
    }

    private static String reasonOf(Http.Response answer) {
        return JsonMapper.builder().build().readTree(answer.body()).path("reason").asString();
    }

    /** The ledger's history row of this call (written behind the answer) names who made it. */
    private void assertRecorded(Http.Response answer, String by) {
        String reason = reasonOf(answer);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc
                .sql("select by_whom from kill_switch_history where reason = ?").param(reason).query(String.class).list())
                .containsExactly(by));
    }

    private static Http.Response send(int port, String method, String path, String authorization, String person,
                                      String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(port, path)))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (person != null) {
            request.header("X-Nova-Actor", person);
        }
        return Http.send(request.build());
    }

    private static String url(int port, String path) {
        return "http://localhost:" + port + path;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
