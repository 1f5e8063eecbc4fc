package com.novaquant.deployment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The single-host files (systemd unit, sysctl file), the EKS cluster definition and the image recipe carry every
 * production value of the source text.
 */
class HostFilesTest {

    @Test
    void sysctlFileCarriesEverySourceValueAndNothingElse() {
        Map<String, String> file = parseSysctlConf(Repo.read("deploy/sysctl/99-nova-quant.conf"));

        assertThat(file).isEqualTo(SourceTextValues.SYSCTLS);
    }

    @Test
    void systemdUnitFollowsTheSourceBlueprintWithSecretsInAnEnvironmentFile() {
        Map<String, List<String>> unit = parseUnit(Repo.read("deploy/systemd/nova-quant@.service"));

        assertThat(unit.get("Restart")).containsExactly(SourceTextValues.RESTART);
        assertThat(unit.get("RestartSec")).containsExactly(SourceTextValues.RESTART_SEC);
        assertThat(unit.get("LimitNOFILE")).containsExactly(SourceTextValues.LIMIT_NOFILE);
        assertThat(unit.get("User")).containsExactly("nova");
        assertThat(unit.get("Group")).containsExactly("nova");
        assertThat(unit.get("After")).anyMatch(v -> v.contains("network"));
        assertThat(unit.get("WantedBy")).anyMatch(v -> v.contains("multi-user.target"));
        assertThat(unit.get("EnvironmentFile")).contains("/etc/nova-quant/secrets.env");
        assertThat(unit.get("Environment")).contains("JDK_JAVA_OPTIONS=@/etc/nova-quant/jvm.options")
                .noneMatch(v -> v.startsWith("BINANCE_") || v.startsWith("TELEGRAM_") || v.contains("PASSWORD"));
        assertThat(unit.get("ExecStart")).singleElement().asString().contains("-jar /opt/nova-quant/lib/%i.jar");
        assertThat(unit.get("StartLimitIntervalSec")).containsExactly("0");
        assertThat(unit.get("NoNewPrivileges")).containsExactly("yes");
        assertThat(Repo.read("deploy/systemd/secrets.env.example"))
                .contains("BINANCE_API_KEY=", "BINANCE_SECRET=", "TELEGRAM_BOT_TOKEN=", "NOVA_ADMIN_PASSWORD=",
                        "\nNOVA_ADMIN_ACCOUNTS=\n", "\nNOVA_ALERT_EXECUTION_PASSWORD=\n");
        assertThat(Repo.read("deploy/systemd/nova-quant.target"))
                .contains("nova-quant@ingestion-service.service", "nova-quant@signal-service.service",
                        "nova-quant@execution-service.service", "nova-quant@alert-service.service");
    }

    @Test
    void systemdAcceptsTheUnitWhereSystemdAnalyzeIsInstalled(@TempDir Path dir) throws IOException, InterruptedException {
        Path unit = dir.resolve("nova-quant@signal-service.service");
        Files.writeString(unit, Repo.read("deploy/systemd/nova-quant@.service"));
        Files.writeString(dir.resolve("nova-quant@.service"), Repo.read("deploy/systemd/nova-quant@.service"));
        Files.writeString(dir.resolve("nova-quant.target"), Repo.read("deploy/systemd/nova-quant.target"));
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        // The directive checks above always run; systemd's own parser runs wherever it is installed.
        if (!Files.isExecutable(analyze)) {
            assertThat(unit).isRegularFile();
            return;
        }
        Process process = new ProcessBuilder(analyze.toString(), "verify", "--man=no", unit.toString(),
                dir.resolve("nova-quant.target").toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).doesNotContainIgnoringCase("unknown").doesNotContainIgnoringCase("invalid")
                .doesNotContainIgnoringCase("ignoring").doesNotContainIgnoringCase("failed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void eksTradingNodeGroupIsComputeOptimisedInTokyoTaintedPinnedAndTuned() {
        Map<String, Object> cluster = new Yaml().load(Repo.read("deploy/eks/cluster.yaml"));
        assertThat(cluster.get("kind")).isEqualTo("ClusterConfig");
        assertThat(((Map<String, Object>) cluster.get("metadata")).get("region")).isEqualTo("ap-northeast-1");

        Map<String, Object> trading = ((List<Map<String, Object>>) cluster.get("managedNodeGroups")).stream()
                .filter(group -> group.get("name").equals("nova-trading")).findFirst().orElseThrow();
        assertThat((String) trading.get("instanceType")).matches("c(7i|7gn|6in)\\..+");
        assertThat((List<String>) trading.get("availabilityZones")).containsExactly("ap-northeast-1a");
        assertThat((List<Map<String, Object>>) trading.get("taints")).singleElement().satisfies(taint -> {
            assertThat(taint.get("key")).isEqualTo("nova-quant.io/dedicated");
            assertThat(taint.get("value")).isEqualTo("trading");
            assertThat(taint.get("effect")).isEqualTo("NoSchedule");
        });

        Map<String, Object> nodeConfig = new Yaml().load((String) trading.get("overrideBootstrapCommand"));
        Map<String, Object> kubelet = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                nodeConfig.get("spec")).get("kubelet")).get("config");
        assertThat(kubelet.get("cpuManagerPolicy")).isEqualTo("static");
        assertThat(kubelet.get("reservedSystemCPUs")).isNotNull();
        assertThat((List<String>) kubelet.get("allowedUnsafeSysctls"))
                .containsExactlyInAnyOrderElementsOf(SourceTextValues.POD_UNSAFE);

        String bootstrap = String.join("\n", (List<String>) trading.get("preBootstrapCommands"));
        Map<String, String> nodeSysctls = parseSysctlConf(bootstrap.lines()
                .filter(line -> line.strip().matches("[a-z0-9_.-]+ = .+")).reduce("", (a, b) -> a + b.strip() + "\n"));
        Map<String, String> expected = new LinkedHashMap<>();
        SourceTextValues.NODE_LEVEL.forEach(key -> expected.put(key, SourceTextValues.SYSCTLS.get(key)));
        assertThat(nodeSysctls).isEqualTo(expected);
        assertThat(bootstrap).contains("LimitNOFILE=" + SourceTextValues.LIMIT_NOFILE);
    }

    @Test
    void chartValuesSplitTheNamespacedSysctlsIntoSafeAndUnsafeAndKeepTheNodeLevelOnesForTheNode() {
        Map<String, Object> values = new Yaml().load(Repo.read("deploy/helm/nova-quant/values.yaml"));
        Map<String, Object> sysctls = map(values.get("sysctls"));
        Map<String, Object> nodeTuning = map(values.get("nodeTuning"));

        assertThat(map(sysctls.get("safe")).keySet()).containsExactlyInAnyOrderElementsOf(SourceTextValues.POD_SAFE);
        assertThat(map(sysctls.get("unsafe")).keySet()).containsExactlyInAnyOrderElementsOf(SourceTextValues.POD_UNSAFE);
        assertThat(map(nodeTuning.get("sysctls")).keySet())
                .containsExactlyInAnyOrderElementsOf(SourceTextValues.NODE_LEVEL);
        Map<String, Object> all = new LinkedHashMap<>(map(sysctls.get("safe")));
        all.putAll(map(sysctls.get("unsafe")));
        all.putAll(map(nodeTuning.get("sysctls")));
        assertThat(all).isEqualTo(SourceTextValues.SYSCTLS);
    }

    /**
     * The three places that carry the kernel tuning are one list, compared directly with each other: the single-host
     * file, the EKS bootstrap (node-level ones, and the kubelet's allowance for the unsafe namespaced ones) and the
     * chart's values, from which the pods' sysctls, the node-tuning DaemonSet, the apply-sysctls init container and the
     * verify-node-tuning init container are all rendered.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theSysctlFileTheEksBootstrapAndTheChartValuesAgree() {
        Map<String, String> file = parseSysctlConf(Repo.read("deploy/sysctl/99-nova-quant.conf"));
        Map<String, Object> values = new Yaml().load(Repo.read("deploy/helm/nova-quant/values.yaml"));
        Map<String, Object> sysctls = map(values.get("sysctls"));
        Map<String, Object> nodeLevel = map(map(values.get("nodeTuning")).get("sysctls"));
        Map<String, Object> chart = new LinkedHashMap<>(map(sysctls.get("safe")));
        chart.putAll(map(sysctls.get("unsafe")));
        chart.putAll(nodeLevel);
        assertThat(chart).isEqualTo(file);

        Map<String, Object> cluster = new Yaml().load(Repo.read("deploy/eks/cluster.yaml"));
        Map<String, Object> trading = ((List<Map<String, Object>>) cluster.get("managedNodeGroups")).stream()
                .filter(group -> group.get("name").equals("nova-trading")).findFirst().orElseThrow();
        String bootstrap = String.join("\n", (List<String>) trading.get("preBootstrapCommands"));
        Map<String, String> bootstrapped = parseSysctlConf(bootstrap.lines()
                .filter(line -> line.strip().matches("[a-z0-9_.-]+ = .+")).reduce("", (a, b) -> a + b.strip() + "\n"));
        assertThat(bootstrapped).isEqualTo(nodeLevel);
        Map<String, Object> nodeConfig = new Yaml().load((String) trading.get("overrideBootstrapCommand"));
        Map<String, Object> kubelet = map(map(map(nodeConfig.get("spec")).get("kubelet")).get("config"));
        assertThat((List<String>) kubelet.get("allowedUnsafeSysctls"))
                .containsExactlyInAnyOrderElementsOf(map(sysctls.get("unsafe")).keySet());
    }

    @Test
    void imageRecipeBuildsLayersRunsAsUser10001AndReadsTheOneJvmFlagFile() {
        String dockerfile = Repo.read("deploy/docker/Dockerfile");

        assertThat(dockerfile).contains("ARG JRE_IMAGE=eclipse-temurin:25-jre", "ARG SERVICE",
                "extract --layers --launcher", "COPY deploy/jvm.options /etc/nova/jvm.options",
                "ENV JDK_JAVA_OPTIONS=\"@/etc/nova/jvm.options", "USER 10001:10001",
                "org.springframework.boot.loader.launch.JarLauncher");
        List<String> layerCopies = dockerfile.lines().filter(line -> line.startsWith("COPY --from=layers")).toList();
        assertThat(layerCopies).hasSize(4);
        assertThat(layerCopies.get(0)).contains("dependencies");
        assertThat(layerCopies.get(3)).contains("application");
    }

    @Test
    void jvmFlagFileHasOneFlagPerLine() {
        List<String> flags = Repo.read("deploy/jvm.options").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();

        assertThat(flags).isNotEmpty().allSatisfy(flag -> {
            assertThat(flag).startsWith("-");
            assertThat(flag).doesNotContain(" ");
        });
    }

    static Map<String, String> parseSysctlConf(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            int eq = line.indexOf('=');
            assertThat(eq).as("sysctl line " + line).isPositive();
            String previous = values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip().replaceAll("\\s+", " "));
            assertThat(previous).as("duplicate " + line).isNull();
        }
        return values;
    }

    static Map<String, List<String>> parseUnit(String text) {
        Map<String, List<String>> directives = new LinkedHashMap<>();
        for (String line : text.lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("[")) {
                continue;
            }
            int eq = line.indexOf('=');
            directives.computeIfAbsent(line.substring(0, eq), k -> new ArrayList<>()).add(line.substring(eq + 1));
        }
        return directives;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
