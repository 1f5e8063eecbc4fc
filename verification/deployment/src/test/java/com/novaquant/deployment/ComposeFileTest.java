package com.novaquant.deployment;

import org.apache.kafka.common.metadata.UserScramCredentialRecord;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;
import org.apache.kafka.metadata.bootstrap.BootstrapDirectory;
import org.apache.kafka.server.common.ApiMessageAndVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml is a complete, valid local desk that mounts the chart's monitoring files. */
class ComposeFileTest {

    static final Map<String, Integer> SERVICE_PORTS = Map.of("ingestion-service", 8081, "signal-service", 8082,
            "execution-service", 8083, "alert-service", 8084, "exchange-simulator", 8090);
    static final Map<String, Integer> INFRA_PORTS = Map.of("kafka", 9092, "postgres", 5432, "prometheus", 9090,
            "grafana", 3000, "alertmanager", 9093);
    /** Actuator of each Nova service, on a port of its own (the simulator keeps its one port). */
    static final Map<String, Integer> MANAGEMENT_PORTS = Map.of("ingestion-service", 9081, "signal-service", 9082,
            "execution-service", 9083, "alert-service", 9084);

    /** The desk's Kafka users: one per service, each with a password variable of its own. */
    static final Map<String, String> KAFKA_USERS = Map.of("ingestion-service", "ingestion", "signal-service", "signal",
            "execution-service", "execution", "alert-service", "alert");
    /** Services that run once and exit (their dependants wait for service_completed_successfully). */
    static final List<String> ONE_SHOT = List.of("kafka-setup");

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
        assertThat(services.keySet()).containsExactlyInAnyOrder("kafka", "kafka-setup", "postgres",
                "exchange-simulator", "ingestion-service", "signal-service", "execution-service", "alert-service",
                "prometheus", "alertmanager", "grafana");
        SERVICE_PORTS.forEach((name, port) -> {
            assertThat(strings(services.get(name).get("ports"))).contains(port + ":" + port);
            assertThat(env(name)).containsEntry("SERVER_PORT", String.valueOf(port));
        });
        INFRA_PORTS.forEach((name, port) ->
                assertThat(strings(services.get(name).get("ports"))).contains(port + ":" + port));
    }

    @Test
    void kafkaRunsKraftFromTheOfficialImageAndServicesUseItsInternalListener() throws IOException {
        Map<String, Object> kafka = services.get("kafka");
        assertThat((String) kafka.get("image")).startsWith("apache/kafka:");
        assertThat(brokerProperties()).containsEntry("process.roles", "broker,controller")
                .containsEntry("advertised.listeners", "INTERNAL://kafka:19092,EXTERNAL://localhost:9092");
        for (String service : List.of("ingestion-service", "signal-service", "execution-service", "alert-service")) {
            assertThat(env(service)).containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:19092");
        }
    }

    @Test
    void everyServiceWaitsForHealthyDependenciesAndHasAHealthcheck() {
        assertThat(dependencies("ingestion-service")).containsEntry("kafka-setup", "service_completed_successfully")
                .containsEntry("exchange-simulator", "service_healthy");
        assertThat(dependencies("signal-service")).containsEntry("kafka-setup", "service_completed_successfully");
        assertThat(dependencies("execution-service")).containsEntry("kafka-setup", "service_completed_successfully")
                .containsEntry("postgres", "service_healthy").containsEntry("exchange-simulator", "service_healthy");
        assertThat(dependencies("alert-service")).containsEntry("kafka-setup", "service_completed_successfully");
        assertThat(dependencies("kafka-setup")).containsExactly(Map.entry("kafka", "service_healthy"));
        assertThat(dependencies("grafana")).containsEntry("prometheus", "service_healthy");
        services.forEach((name, service) -> {
            if (service.containsKey("depends_on")) {
                assertThat(dependencies(name).keySet()).allSatisfy(dep -> assertThat(services).containsKey(dep));
            }
            if (ONE_SHOT.contains(name)) {
                // Runs once and exits 0: restarted, it would never count as completed for its dependants.
                assertThat(service.get("restart")).as(name).isEqualTo("no");
                return;
            }
            assertThat(service).as(name).containsKey("healthcheck");
            assertThat(service.get("restart")).as(name).isEqualTo("always");
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
                .anyMatch(v -> v.startsWith("./deploy/helm/nova-quant/files/prometheus/rules.yml:"));
        assertThat(strings(services.get("grafana").get("volumes")))
                .anyMatch(v -> v.startsWith("./deploy/helm/nova-quant/files/dashboards:"));
        Map<String, Object> prometheus = new Yaml().load(Repo.read("deploy/compose/prometheus/prometheus.yml"));
        assertThat(prometheus.toString()).contains("/etc/prometheus/rules/", "job_name=nova-quant",
                "/actuator/prometheus", "execution-service:9083");
    }

    @Test
    void prometheusSendsItsAlertsToAnAlertmanagerThatPagesTheAlertServicesTelegramChats() {
        Map<String, Object> prometheus = new Yaml().load(Repo.read("deploy/compose/prometheus/prometheus.yml"));
        assertThat(prometheus.get("alerting").toString()).contains("targets=[alertmanager:9093]");
        Map<String, Object> alertmanager = services.get("alertmanager");
        assertThat(strings(alertmanager.get("entrypoint"))).containsExactly("/bin/sh", "/etc/alertmanager/start.sh");
        assertThat(strings(alertmanager.get("volumes")))
                .contains("./deploy/compose/alertmanager/start.sh:/etc/alertmanager/start.sh:ro");
        for (String variable : List.of("TELEGRAM_BOT_TOKEN", "NOVA_TELEGRAM_CHAT_IDS")) {
            assertThat(env("alertmanager")).containsEntry(variable, env("alert-service").get(variable));
        }
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
    void eachServiceLogsInToKafkaAsItselfOnlyWithThePasswordTheBrokerWasGiven() {
        Map<String, Object> broker = env("kafka");
        KAFKA_USERS.forEach((service, user) -> {
            String variable = "NOVA_KAFKA_" + user.toUpperCase() + "_PASSWORD";
            Map<String, Object> env = env(service);
            assertThat(env).as(service).containsEntry("NOVA_KAFKA_USERNAME", user)
                    .containsEntry("NOVA_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
            // The broker's SCRAM user and the service read the same variable, with the same default.
            assertThat((String) env.get("NOVA_KAFKA_PASSWORD")).as(service).startsWith("${" + variable + ":-")
                    .isEqualTo(broker.get(variable));
            // No other service's password, nor the administrator's, reaches it.
            assertThat(env.values()).as(service).noneMatch(value -> String.valueOf(value).contains("NOVA_KAFKA_")
                    && !String.valueOf(value).contains(variable));
        });
        assertThat(KAFKA_USERS.keySet().stream().map(s -> env(s).get("NOVA_KAFKA_PASSWORD")).distinct()).hasSize(4);
        assertThat(env("exchange-simulator")).doesNotContainKeys("NOVA_KAFKA_USERNAME", "NOVA_KAFKA_PASSWORD");
    }

    @Test
    void kafkaSetupCreatesTopicsAndAclsAsTheAdministratorOnTheOneBroker() {
        Map<String, Object> setup = services.get("kafka-setup");
        assertThat(strings(setup.get("entrypoint")))
                .containsExactly("java", "-cp", "/app/BOOT-INF/lib/*", "com.novaquant.events.ProvisionKafka");
        assertThat(setup.get("image")).isEqualTo(services.get("execution-service").get("image"));
        assertThat(map(map(setup.get("build")).get("args"))).containsEntry("SERVICE", "execution-service");
        assertThat(env("kafka-setup")).containsEntry("NOVA_KAFKA_BOOTSTRAP_SERVERS", "kafka:19092")
                .containsEntry("NOVA_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                .containsEntry("NOVA_KAFKA_ADMIN_USERNAME", "admin")
                .containsEntry("NOVA_KAFKA_ADMIN_PASSWORD", env("kafka").get("NOVA_KAFKA_ADMIN_PASSWORD"))
                .containsEntry("NOVA_KAFKA_REPLICAS", "1")
                .doesNotContainKeys("NOVA_KAFKA_USERNAME", "NOVA_KAFKA_PASSWORD");
        assertThat(setup.get("user")).isEqualTo("10001:10001");
        assertThat(setup.get("read_only")).isEqualTo(true);
        assertThat(strings(setup.get("cap_drop"))).containsExactly("ALL");
    }

    @Test
    void theBrokerAuthenticatesEveryClientWithScramAndAllowsOnlyWhatAnAclGrants() throws IOException {
        Properties broker = brokerProperties();
        assertThat(broker.getProperty("listener.security.protocol.map").split(","))
                .containsExactlyInAnyOrder("INTERNAL:SASL_PLAINTEXT", "EXTERNAL:SASL_PLAINTEXT",
                        "CONTROLLER:SASL_PLAINTEXT");
        assertThat(broker).containsEntry("sasl.enabled.mechanisms", "SCRAM-SHA-512")
                .containsEntry("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512")
                .containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("allow.everyone.if.no.acl.found", "false")
                .containsEntry("super.users", "User:admin")
                .containsEntry("auto.create.topics.enable", "false");
        // No password in the repository: the logins come from the environment at start.
        assertThat(broker.values()).noneMatch(value -> value.toString().contains("password="));
        assertThat(strings(services.get("kafka").get("command"))).containsExactly("bash", "/etc/nova/kafka/start.sh");
        assertThat(String.join(" ", strings(healthcheck("kafka").get("test"))))
                .contains("--command-config /opt/kafka/config/admin-client.properties");
    }

    /**
     * Runs the broker's start script with the real Kafka storage tool in place of kafka-storage.sh (on a copy of the
     * configuration whose log directory is the test's), which validates the broker configuration and formats.
     */
    @Test
    void theBrokerStartScriptWritesEveryKafkaUserWithItsPasswordWhenItFormatsTheStorage(@TempDir Path dir)
            throws Exception {
        Path home = dir.resolve("kafka");
        Path data = dir.resolve("data");
        Files.createDirectories(home.resolve("config"));
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("bin/kafka-storage.sh"), """
                #!/usr/bin/env bash
                args=(); previous=""
                for arg in "$@"; do
                  if [[ "$previous" == --config ]]; then
                    sed "s#^log.dirs=.*#log.dirs=$TEST_DATA#" "$arg" > "$arg.test"; arg="$arg.test"
                  fi
                  args+=("$arg"); previous="$arg"
                done
                exec "$TEST_JAVA" -cp "$TEST_CLASSPATH" kafka.tools.StorageTool "${args[@]}"
                """);
        Files.writeString(home.resolve("bin/kafka-server-start.sh"),
                "#!/usr/bin/env bash\necho \"$@\" > \"$KAFKA_HOME/started\"\n");
        try (var scripts = Files.list(home.resolve("bin"))) {
            scripts.forEach(script -> assertThat(script.toFile().setExecutable(true)).isTrue());
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String user : List.of("admin", "ingestion", "signal", "execution", "alert")) {
            passwords.put(user, user + "-" + UUID.randomUUID());
        }
        Map<String, String> environment = new LinkedHashMap<>();
        passwords.forEach((user, password) ->
                environment.put("NOVA_KAFKA_" + user.toUpperCase() + "_PASSWORD", password));
        environment.put("CLUSTER_ID", String.valueOf(env("kafka").get("CLUSTER_ID")));
        environment.put("KAFKA_HOME", home.toString());
        environment.put("TEST_DATA", data.toString());
        environment.put("TEST_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        environment.put("TEST_CLASSPATH", System.getProperty("java.class.path"));

        Result start = runStartScript(environment);

        assertThat(start.exitCode()).as(start.output()).isZero();
        Path config = home.resolve("config/nova-server.properties");
        assertThat(Files.readString(home.resolve("started")).strip()).isEqualTo(config.toString());
        Properties written = new Properties();
        try (var in = Files.newBufferedReader(config)) {
            written.load(in);
        }
        assertThat(written.getProperty("listener.name.internal.scram-sha-512.sasl.jaas.config"))
                .contains("username=\"admin\"", "password=\"" + passwords.get("admin") + "\"");
        assertThat(Files.readString(home.resolve("config/admin-client.properties")))
                .contains("security.protocol=SASL_PLAINTEXT", "password=\"" + passwords.get("admin") + "\"");
        // Only the administrator's password is in the broker's files: the services' are in the log, as SCRAM keys.
        for (String user : List.of("ingestion", "signal", "execution", "alert")) {
            assertThat(Files.readString(config)).doesNotContain(passwords.get(user));
        }
        Map<String, UserScramCredentialRecord> users = new BootstrapDirectory(data.toString()).read().records()
                .stream().map(ApiMessageAndVersion::message)
                .filter(UserScramCredentialRecord.class::isInstance).map(UserScramCredentialRecord.class::cast)
                .collect(Collectors.toMap(UserScramCredentialRecord::name, r -> r));
        assertThat(users.keySet()).containsExactlyInAnyOrderElementsOf(passwords.keySet());
        ScramFormatter scram = new ScramFormatter(ScramMechanism.SCRAM_SHA_512);
        passwords.forEach((user, password) -> {
            UserScramCredentialRecord record = users.get(user);
            assertThat(record.mechanism()).isEqualTo(ScramMechanism.SCRAM_SHA_512.type());
            assertThat(record.storedKey()).as(user).isEqualTo(storedKey(scram, password, record));
        });

        // A password that would break the JAAS line or the --add-scram entry is refused before anything is written.
        environment.put("NOVA_KAFKA_SIGNAL_PASSWORD", "one,two]");
        environment.put("TEST_DATA", dir.resolve("untouched").toString());
        Result refused = runStartScript(environment);
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("NOVA_KAFKA_SIGNAL_PASSWORD");
        assertThat(dir.resolve("untouched")).doesNotExist();
    }

    private static byte[] storedKey(ScramFormatter scram, String password, UserScramCredentialRecord record) {
        try {
            return scram.storedKey(scram.clientKey(scram.saltedPassword(password, record.salt(), record.iterations())));
        } catch (java.security.InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result runStartScript(Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", Repo.path("deploy/compose/kafka/start.sh").toString())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static Properties brokerProperties() throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(Repo.path("deploy/compose/kafka/server.properties"))) {
            properties.load(in);
        }
        return properties;
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
