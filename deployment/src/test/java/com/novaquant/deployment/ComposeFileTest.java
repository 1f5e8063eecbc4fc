package com.novaquant.deployment;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml is a complete, valid local desk that mounts the chart's monitoring files. */
class ComposeFileTest {

    static final Map<String, Integer> SERVICE_PORTS = Map.of("ingestion-service", 8081, "signal-service", 8082,
            "execution-service", 8083, "alert-service", 8084, "exchange-simulator", 8090);
    static final Map<String, Integer> INFRA_PORTS = Map.of("kafka", 9092, "postgres", 5432, "prometheus", 9090,
            "grafana", 3000);
    /** Actuator of each Nova service, on a port of its own (the simulator keeps its one port). */
    static final Map<String, Integer> MANAGEMENT_PORTS = Map.of("ingestion-service", 9081, "signal-service", 9082,
            "execution-service", 9083, "alert-service", 9084);

    static Map<String, Object> compose;
    static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() {
        compose = new Yaml().load(Repo.read("docker-compose.yml"));
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void everyServiceOfTheDeskIsThereOnItsContractPort() {
        assertThat(services.keySet()).containsExactlyInAnyOrder("kafka", "postgres", "exchange-simulator",
                "ingestion-service", "signal-service", "execution-service", "alert-service", "prometheus", "grafana");
        SERVICE_PORTS.forEach((name, port) -> {
            assertThat(strings(services.get(name).get("ports"))).contains(port + ":" + port);
            assertThat(env(name)).containsEntry("SERVER_PORT", String.valueOf(port));
        });
        INFRA_PORTS.forEach((name, port) ->
                assertThat(strings(services.get(name).get("ports"))).contains(port + ":" + port));
    }

    @Test
    void kafkaRunsKraftFromTheOfficialImageAndServicesUseItsInternalListener() {
        Map<String, Object> kafka = services.get("kafka");
        assertThat((String) kafka.get("image")).startsWith("apache/kafka:");
        assertThat(env("kafka")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
        for (String service : List.of("ingestion-service", "signal-service", "execution-service", "alert-service")) {
            assertThat(env(service)).containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:19092");
        }
    }

    @Test
    void everyServiceWaitsForHealthyDependenciesAndHasAHealthcheck() {
        assertThat(dependencies("ingestion-service")).containsEntry("kafka", "service_healthy")
                .containsEntry("exchange-simulator", "service_healthy");
        assertThat(dependencies("signal-service")).containsEntry("kafka", "service_healthy");
        assertThat(dependencies("execution-service")).containsEntry("kafka", "service_healthy")
                .containsEntry("postgres", "service_healthy").containsEntry("exchange-simulator", "service_healthy");
        assertThat(dependencies("alert-service")).containsEntry("kafka", "service_healthy");
        assertThat(dependencies("grafana")).containsEntry("prometheus", "service_healthy");
        services.forEach((name, service) -> {
            assertThat(service).as(name).containsKey("healthcheck");
            assertThat(service.get("restart")).as(name).isEqualTo("always");
            if (service.containsKey("depends_on")) {
                assertThat(dependencies(name).keySet()).allSatisfy(dep -> assertThat(services).containsKey(dep));
            }
        });
        for (String service : SERVICE_PORTS.keySet()) {
            assertThat(String.join(" ", strings(healthcheck(service).get("test"))))
                    .contains("/readyz", "\"status\":\"UP\"");
        }
    }

    @Test
    void serviceHealthcheckPassesOnlyWhileReadinessReportsUp() throws Exception {
        List<String> test = strings(healthcheck("signal-service").get("test"));
        assertThat(test.subList(0, 3)).containsExactly("CMD", "bash", "-c");
        // Compose turns $$ into $ before the container's bash sees the command.
        String command = test.get(3).replace("$$", "$");
        String[] readiness = {"{\"status\":\"UP\"}"};
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/readyz", exchange -> {
            byte[] body = readiness[0].getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(readiness[0].contains("UP") ? 200 : 503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            assertThat(runHealthcheck(command, port)).isZero();
            readiness[0] = "{\"status\":\"OUT_OF_SERVICE\"}";
            assertThat(runHealthcheck(command, port)).isNotZero();
        } finally {
            server.stop(0);
        }
    }

    private static int runHealthcheck(String command, int port) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        Process process = builder.start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    @Test
    void servicesRunLikeThePodsNonRootReadOnlyWithTheSourceLimitsAndSysctls() {
        for (String name : SERVICE_PORTS.keySet()) {
            Map<String, Object> service = services.get(name);
            assertThat(service.get("user")).isEqualTo("10001:10001");
            assertThat(service.get("read_only")).isEqualTo(true);
            assertThat(strings(service.get("cap_drop"))).containsExactly("ALL");
            assertThat(map(map(service.get("ulimits")).get("nofile")))
                    .containsEntry("soft", 1000000).containsEntry("hard", 1000000);
            Map<String, Object> sysctls = map(service.get("sysctls"));
            SourceTextValues.SYSCTLS.forEach((key, value) -> {
                if (SourceTextValues.NODE_LEVEL.contains(key)) {
                    assertThat(sysctls).doesNotContainKey(key);
                } else {
                    assertThat(sysctls).containsEntry(key, value);
                }
            });
            assertThat(strings(service.get("volumes"))).contains("./deploy/jvm.options:/etc/nova/jvm.options:ro");
            assertThat(map(service.get("build")).get("dockerfile")).isEqualTo("deploy/docker/Dockerfile");
            assertThat(map(map(service.get("build")).get("args"))).containsEntry("SERVICE", name);
        }
        assertThat(strings(services.get("alert-service").get("volumes"))).contains("alert-outbox:/var/lib/nova-alert");
    }

    @Test
    void paperDeskPointsBothBinanceClientsAtTheSimulator() {
        for (String name : List.of("ingestion-service", "execution-service")) {
            assertThat(env(name)).containsEntry("NOVA_TRADING_MODE", "paper")
                    .containsEntry("NOVA_BINANCE_SPOT_REST_URL", "http://exchange-simulator:8090/spot")
                    .containsEntry("NOVA_BINANCE_FUTURES_WS_URL", "ws://exchange-simulator:8090/futures");
        }
        assertThat(env("exchange-simulator")).containsEntry("SPRING_PROFILES_ACTIVE", "paper");
    }

    @Test
    void everyMountedFileExistsAndMonitoringUsesTheChartsOneSource() {
        services.forEach((name, service) -> {
            for (String volume : strings(service.getOrDefault("volumes", List.of()))) {
                if (volume.startsWith("./")) {
                    Path host = Repo.path(volume.substring(2, volume.indexOf(':')));
                    assertThat(host).as(name + " mounts " + volume).exists();
                }
            }
        });
        assertThat(strings(services.get("prometheus").get("volumes")))
                .anyMatch(v -> v.startsWith("./helm/nova-quant/files/prometheus/rules.yml:"));
        assertThat(strings(services.get("grafana").get("volumes")))
                .anyMatch(v -> v.startsWith("./helm/nova-quant/files/dashboards:"));
        Map<String, Object> prometheus = new Yaml().load(Repo.read("deploy/compose/prometheus/prometheus.yml"));
        assertThat(prometheus.toString()).contains("/etc/prometheus/rules/", "job_name=nova-quant",
                "/actuator/prometheus", "execution-service:9083");
    }

    @Test
    void actuatorIsOnEachServicesManagementPortAndPrometheusScrapesOnlyThat() {
        String prometheus = Repo.read("deploy/compose/prometheus/prometheus.yml");
        MANAGEMENT_PORTS.forEach((name, port) -> {
            assertThat(env(name)).containsEntry("MANAGEMENT_SERVER_PORT", String.valueOf(port));
            assertThat(prometheus).contains(name + ":" + port).doesNotContain(name + ":" + SERVICE_PORTS.get(name));
        });
        assertThat(prometheus).contains("exchange-simulator:8090");
    }

    @Test
    void adminAccountsReachTheAdminApisAndTheAlertServiceHasItsOwnAccount() {
        for (String name : List.of("signal-service", "execution-service")) {
            assertThat(env(name)).containsEntry("NOVA_ADMIN_ACCOUNTS", "${NOVA_ADMIN_ACCOUNTS:-}");
        }
        assertThat(env("alert-service")).containsEntry("NOVA_ALERT_EXECUTION_PASSWORD", "${NOVA_ALERT_EXECUTION_PASSWORD:-}")
                .doesNotContainKey("NOVA_ADMIN_ACCOUNTS");
        assertThat(env("ingestion-service")).doesNotContainKeys("NOVA_ADMIN_ACCOUNTS", "NOVA_ADMIN_PASSWORD");
    }

    @Test
    void dockerComposeAcceptsTheFileWhereItIsInstalled() throws IOException, InterruptedException {
        Path binary = List.of("/usr/bin/docker-compose", "/usr/local/bin/docker-compose").stream().map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        // The structural checks above always run; the real parser runs wherever docker-compose is installed.
        if (binary == null) {
            assertThat(Repo.path("docker-compose.yml")).isRegularFile();
            return;
        }
        Process process = new ProcessBuilder(binary.toString(), "-f", "docker-compose.yml", "config", "--quiet")
                .directory(Repo.root().toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static Map<String, Object> env(String service) {
        return map(services.get(service).get("environment")).entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
    }

    private static Map<String, Object> healthcheck(String service) {
        return map(services.get(service).get("healthcheck"));
    }

    private static Map<String, Object> dependencies(String service) {
        return map(services.get(service).get("depends_on")).entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> map(e.getValue()).get("condition")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return ((List<Object>) value).stream().map(String::valueOf).toList();
    }
}
