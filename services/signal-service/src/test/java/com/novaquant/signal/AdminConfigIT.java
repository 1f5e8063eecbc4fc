package com.novaquant.signal;

import com.novaquant.signal.application.LiveSettings;
import com.novaquant.testsupport.Http;
import com.novaquant.testsupport.RealInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API over real HTTP: HTTP Basic per the shared contract (reads for a VIEWER, changes for an OPERATOR),
 * validated runtime changes, actuator on the management port only.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SignalFlowIT.ADMIN_PASSWORD_PROPERTY, SignalFlowIT.ADMIN_ACCOUNTS_PROPERTY,
                SignalFlowIT.FRESHNESS_QUOTES, SignalFlowIT.FRESHNESS_FUNDING, SignalFlowIT.NO_COOLDOWN,
                SignalFlowIT.PUBLISH_ON_CHANGE_ONLY})
class AdminConfigIT {

    private static final String OPERATOR = basic("operator", "it-secret");
    /** The read-only account of {@link SignalFlowIT#ADMIN_ACCOUNTS_PROPERTY}. */
    private static final String VIEWER = basic("victor", "viewer-secret-1");

    @Value("${local.server.port}")
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    LiveSettings settings;

    private String original;

    @AfterEach
    void restoreConfiguration() {
        if (original != null) {
            assertThat(put(original, OPERATOR).status()).isEqualTo(200);
        }
    }

    @Test
    void adminConfigRefusesUnauthenticatedCalls() {
        assertThat(Http.get(url("/admin/config")).status()).isEqualTo(401);
        assertThat(get("/admin/config", basic("operator", "wrong")).status()).isEqualTo(401);
        assertThat(put("{\"entryThresholdApr\": 0.5}", null).status()).isEqualTo(401);
        assertThat(settings.current().properties().entryThresholdApr()).isEqualTo(0.15);
    }

    @Test
    void theAdminApiIsDocumentedBehindTheSameLoginEveryOperationWithASummaryAndADescription() {
        for (String path : java.util.List.of("/v3/api-docs", "/swagger-ui.html", "/webjars/swagger-ui/index.html")) {
            assertThat(get(path, null).status()).as(path).isEqualTo(401);
        }
        assertThat(get("/webjars/swagger-ui/index.html", VIEWER).status()).isEqualTo(200);
        tools.jackson.databind.JsonNode paths = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(get("/v3/api-docs", VIEWER).body()).path("paths");
        assertThat(paths.propertyNames()).contains("/admin/config", "/admin/config/audit");
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String name = operation.getKey() + " " + path.getKey();
            assertThat(operation.getValue().path("summary").asString("")).as(name + " summary").isNotBlank();
            assertThat(operation.getValue().path("description").asString("")).as(name + " description").isNotBlank();
        }));
    }

    @Test
    void otherActuatorEndpointsNeedCredentialsButPrometheusDoesNot() {
        assertThat(Http.get(management("/actuator/configprops")).status()).isEqualTo(401);
        Http.Response configprops = send(management("/actuator/configprops"), "GET", null, OPERATOR);
        assertThat(configprops.status()).isEqualTo(200);
        assertThat(configprops.body()).contains("nova.signal").contains("entryThresholdApr");
        // The operator sees the settings, never the secrets: the admin password and the accounts' hashes are masked.
        assertThat(configprops.body()).contains("nova.admin").doesNotContain("it-secret").contains("******")
                .doesNotContain("$2a$10$").doesNotContain("{bcrypt}");
        assertThat(Http.get(management("/actuator/prometheus")).status()).isEqualTo(200);
    }

    @Test
    void prometheusIsNotServedOnTheAdminPortButOnTheManagementPort() {
        assertThat(managementPort).isPositive().isNotEqualTo(port);
        assertThat(Http.get(url("/actuator/prometheus")).status()).isEqualTo(404);
        assertThat(get("/actuator/configprops", OPERATOR).status()).isEqualTo(404);
        Http.Response metrics = Http.get(management("/actuator/prometheus"));
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("application=\"signal-service\"");
        assertThat(Http.get(url("/readyz")).body()).contains("\"status\":\"UP\"");
    }

    @Test
    void aViewerReadsTheConfigurationButCannotChangeIt() {
        assertThat(get("/admin/config", VIEWER).status()).isEqualTo(200);
        assertThat(get("/admin/config/audit", VIEWER).status()).isEqualTo(200);
        Http.Response refused = put("{\"entryThresholdApr\": 0.5}", VIEWER);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(settings.current().properties().entryThresholdApr()).isEqualTo(0.15);
        assertThat(send(url("/admin/config"), "DELETE", null, VIEWER).status()).isEqualTo(403);
    }

    @Test
    void operatorReadsTheConfigurationInForce() {
        Http.Response response = get("/admin/config", OPERATOR);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"entryThresholdApr\":0.15").contains("\"exitThresholdApr\":0.0")
                .contains("\"exitHorizon\":\"PT168H\"")
                .contains("\"signalTtl\":\"PT5S\"").contains("\"notionalPerSymbol\":1000.0");
    }

    @Test
    void partialChangeMergesIntoTheConfigurationAndTakesEffect() {
        original = get("/admin/config", OPERATOR).body();
        Http.Response response = put("{\"entryThresholdApr\": 0.2, \"sizing\": {\"notionalPerSymbol\": 2500}}", OPERATOR);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"entryThresholdApr\":0.2").contains("\"notionalPerSymbol\":2500.0")
                .contains("\"totalCap\":5000.0");
        assertThat(settings.current().policy().entryThresholdApr()).isEqualTo(0.2);
        assertThat(settings.current().symbolPolicy("BTCUSDT").notional()).isEqualTo(2500);
        // Written to the shared settings with who made it (SharedSettingsIT: across replicas).
        assertThat(settings.current().revision().by()).isEqualTo("operator");
        assertThat(get("/admin/config/audit", OPERATOR).body()).contains("\"by\":\"operator\"")
                .contains("\"source\":\"nova.signal-settings\"").contains("\"entryThresholdApr\":0.2");
    }

    @Test
    void aPositiveExitThresholdIsRefusedWithAClearMessageAndChangesNothing() {
        Http.Response response = put("{\"exitThresholdApr\": 0.05}", OPERATOR);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("exit-threshold-apr must be at most 0, was 0.05");
        assertThat(settings.current().policy().exitThresholdApr()).isZero();
    }

    @Test
    void everyViolationIsListed() {
        Http.Response response = put("{\"cooldown\": \"PT-5S\", \"sizing\": {\"topOfBookFraction\": 1.5},"
                + " \"symbols\": {\"ETHUSDT\": {\"fundingIntervalHours\": 3}}}", OPERATOR);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("cooldown must not be negative")
                .contains("sizing.top-of-book-fraction must be above 0.0 and at most 1.0, was 1.5")
                .contains("symbols.ETHUSDT.funding-interval-hours must be one of 1, 2, 4, 8 (hours), was 3");
    }

    @Test
    void unknownFieldsAndBrokenJsonAreRefused() {
        Http.Response typo = put("{\"entryTreshold\": 0.2}", OPERATOR);
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.body()).contains("unreadable configuration").contains("entryTreshold");

        assertThat(put("{\"entryThresholdApr\": ", OPERATOR).status()).isEqualTo(400);
        assertThat(put("[1, 2]", OPERATOR).status()).isEqualTo(400);
        assertThat(put("{\"entryThresholdApr\": \"high\"}", OPERATOR).status()).isEqualTo(400);
    }

    private Http.Response get(String path, String authorization) {
        return send(url(path), "GET", null, authorization);
    }

    private static Http.Response send(String url, String method, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return Http.send(request.build());
    }

    private Http.Response put(String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/admin/config")))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return Http.send(request.build());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String management(String path) {
        return "http://localhost:" + managementPort + path;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
