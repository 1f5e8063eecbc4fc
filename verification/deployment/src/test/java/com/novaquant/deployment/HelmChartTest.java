package com.novaquant.deployment;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Sysctl;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import com.novaquant.events.TopicConfigOverrides;
import com.novaquant.events.TopicDefinitions;
import com.novaquant.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Renders and lints the Helm chart with real Helm and checks what a production rollout depends on. */
class HelmChartTest {

    static final List<String> COMPONENTS = List.of("ingestion", "signal", "execution", "alert", "simulator");
    static final List<String> LIVE_COMPONENTS = List.of("ingestion", "signal", "execution", "alert");
    static final Map<String, Integer> PORTS = Map.of("ingestion", 8081, "signal", 8082, "execution", 8083,
            "alert", 8084, "simulator", 8090);
    /** Actuator (metrics, health) of each component: never its API/admin port. */
    static final Map<String, Integer> MANAGEMENT_PORTS = Map.of("ingestion", 9081, "signal", 9082, "execution", 9083,
            "alert", 9084, "simulator", 9090);
    static final Set<String> SECRET_ENV = Set.of("BINANCE_API_KEY", "BINANCE_SECRET", "TELEGRAM_BOT_TOKEN",
            "NOVA_ADMIN_PASSWORD", "SPRING_DATASOURCE_PASSWORD", "NOVA_SIGNING_KEYS", "NOVA_ADMIN_ACCOUNTS",
            "NOVA_ALERT_EXECUTION_PASSWORD", "NOVA_KAFKA_PASSWORD");
    /** Each service's own Kafka password key in the credentials Secret; its Kafka user is its component name. */
    static final Map<String, String> KAFKA_PASSWORD_KEYS = Map.of("ingestion", "NOVA_KAFKA_INGESTION_PASSWORD",
            "signal", "NOVA_KAFKA_SIGNAL_PASSWORD", "execution", "NOVA_KAFKA_EXECUTION_PASSWORD",
            "alert", "NOVA_KAFKA_ALERT_PASSWORD");
    static final String KAFKA_SETUP = "nova-nova-quant-kafka-setup";
    static final String VERIFIER = "verify-node-tuning";
    static final String APPLY = "apply-sysctls";

    static RenderedChart defaults;
    static RenderedChart production;

    @BeforeAll
    static void render() {
        defaults = RenderedChart.withDefaults();
        production = RenderedChart.withProductionValues();
    }

    static Stream<RenderedChart> bothValueSets() {
        return Stream.of(defaults, production);
    }

    static List<Deployment> deployments(RenderedChart chart) {
        return chart.all(Deployment.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAlertsAboutTheAlertingPathPageTheOperatorsThroughAlertmanagerInProduction() throws Exception {
        assertThat(defaults.generic("AlertmanagerConfig")).isEmpty();
        GenericKubernetesResource config = production.generic("AlertmanagerConfig").get(0);
        Map<String, Object> spec = (Map<String, Object>) config.getAdditionalProperties().get("spec");
        Map<String, Object> route = (Map<String, Object>) spec.get("route");
        String routed = (String) ((List<Map<String, Object>>) route.get("matchers")).get(0).get("value");
        // Every routed alert is a rule Prometheus evaluates, and the one for a dead alert-service is among them.
        String rules = Files.readString(Repo.root().resolve("deploy/helm/nova-quant/files/prometheus/rules.yml"));
        assertThat(routed).contains("NovaAlertServiceAbsent", "NovaTelegramDeliveryFailing");
        for (String alert : routed.replaceAll("[()]", "").split("\\|")) {
            assertThat(rules).as(alert).contains("alert: " + alert + "\n");
        }
        List<Map<String, Object>> telegram = (List<Map<String, Object>>) ((List<Map<String, Object>>)
                spec.get("receivers")).get(0).get("telegramConfigs");
        assertThat(telegram).singleElement().satisfies(t -> {
            assertThat(t.get("chatID")).isEqualTo(-1001234567890L);
            // The bot token only as a reference to the credentials Secret, never as a value.
            assertThat((Map<String, Object>) t.get("botToken")).containsEntry("key", "TELEGRAM_BOT_TOKEN")
                    .containsEntry("name", "nova-quant-credentials");
        });
        assertThatThrownBy(() -> RenderedChart.render(c -> c.set("metrics.alertmanagerConfig.enabled", true)))
                .hasMessageContaining("telegram.chatIds");
    }

    @Test
    void chartLintsCleanUnderStrictRules() {
        LintResult lint = new Helm(RenderedChart.CHART).lint().strict().call();

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
        assertThat(lint.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @ParameterizedTest
    @MethodSource("bothValueSets")
    void everyRenderedDocumentIsAKubernetesResourceWithNoFieldOutsideTheApiSchema(RenderedChart chart) {
        assertThat(chart.resources()).isNotEmpty();
        assertThat(chart.unknownFields()).isEmpty();
        assertThat(chart.all(GenericKubernetesResource.class))
                .allSatisfy(r -> assertThat(RenderedChart.OPERATOR_KINDS).contains(r.getKind()));
        assertThat(chart.resources()).allSatisfy(r -> {
            assertThat(r.getMetadata().getName()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?").hasSizeLessThan(64);
            assertThat(r.getApiVersion()).isNotBlank();
        });
    }

    @Test
    void defaultValuesDeployAllFiveComponentsAndProductionDropsTheSimulator() {
        assertThat(deployments(defaults)).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(COMPONENTS.stream().map(RenderedChart::componentName).toList());
        assertThat(deployments(production)).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(LIVE_COMPONENTS.stream().map(RenderedChart::componentName).toList());
        for (String component : COMPONENTS) {
            Service service = defaults.named(Service.class, RenderedChart.componentName(component));
            assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(PORTS.get(component));
            assertThat(RenderedChart.container(defaults.deployment(component)).getPorts().get(0).getContainerPort())
                    .isEqualTo(PORTS.get(component));
        }
    }

    @ParameterizedTest
    @MethodSource("bothValueSets")
    void actuatorIsServedOnAManagementPortOfItsOwnAndPrometheusScrapesOnlyThat(RenderedChart chart) {
        for (Deployment deployment : deployments(chart)) {
            String component = deployment.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/component");
            Container container = RenderedChart.container(deployment);
            assertThat(container.getPorts()).extracting(p -> p.getName() + "/" + p.getContainerPort())
                    .containsExactly("http/" + PORTS.get(component), "management/" + MANAGEMENT_PORTS.get(component));
            assertThat(RenderedChart.env(container)).containsEntry("MANAGEMENT_SERVER_PORT",
                    String.valueOf(MANAGEMENT_PORTS.get(component)));
            Service service = chart.named(Service.class, RenderedChart.componentName(component));
            assertThat(service.getSpec().getPorts()).extracting(p -> p.getName() + "/" + p.getPort())
                    .containsExactly("http/" + PORTS.get(component), "management/" + MANAGEMENT_PORTS.get(component));
        }
        GenericKubernetesResource monitor = chart.generic("ServiceMonitor").get(0);
        assertThat(monitor.get("spec").toString()).contains("port=management").doesNotContain("port=http")
                .contains("path=/actuator/prometheus");
    }

    @Test
    void aManagementPortEqualToTheApiPortIsRefused() {
        assertThatThrownBy(() -> RenderedChart.render(c -> c.set("execution.managementPort", 8083)))
                .hasMessageContaining("execution.managementPort");
    }

    @ParameterizedTest
    @MethodSource("bothValueSets")
    void everyPodIsPinnedToTheDedicatedNodeGroupInTokyoAndToleratesItsTaint(RenderedChart chart) {
        for (Deployment deployment : deployments(chart)) {
            PodSpec pod = RenderedChart.pod(deployment);
            List<NodeSelectorRequirement> required = pod.getAffinity().getNodeAffinity()
                    .getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms().get(0)
                    .getMatchExpressions();
            assertThat(required).anySatisfy(r -> {
                assertThat(r.getKey()).isEqualTo("eks.amazonaws.com/nodegroup");
                assertThat(r.getOperator()).isEqualTo("In");
                assertThat(r.getValues()).containsExactly("nova-trading");
            });
            assertThat(required).anySatisfy(r -> {
                assertThat(r.getKey()).isEqualTo("topology.kubernetes.io/region");
                assertThat(r.getValues()).containsExactly("ap-northeast-1");
            });
            assertThat(required).anySatisfy(r -> {
                assertThat(r.getKey()).isEqualTo("topology.kubernetes.io/zone");
                assertThat(r.getValues()).containsExactly("ap-northeast-1a");
            });
            assertThat(pod.getTolerations()).extracting(Toleration::getKey, Toleration::getValue, Toleration::getEffect)
                    .contains(org.assertj.core.groups.Tuple.tuple("nova-quant.io/dedicated", "trading", "NoSchedule"));
            assertThat(pod.getAffinity().getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution())
                    .singleElement()
                    .satisfies(term -> assertThat(term.getPodAffinityTerm().getTopologyKey())
                            .isEqualTo("kubernetes.io/hostname"));
        }
    }

    @Test
    void theZoneIsConfigurableAndCanBeLeftToTheNodeGroup() {
        RenderedChart otherZone = RenderedChart.render(c -> c.set("placement.zone", "ap-northeast-1c"));
        RenderedChart anyZone = RenderedChart.render(c -> c.set("placement.zone", ""));

        assertThat(zoneValues(otherZone.deployment("signal"))).containsExactly("ap-northeast-1c");
        assertThat(zoneValues(anyZone.deployment("signal"))).isEmpty();
    }

    private static List<String> zoneValues(Deployment deployment) {
        return RenderedChart.pod(deployment).getAffinity().getNodeAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms().get(0)
                .getMatchExpressions().stream()
                .filter(r -> r.getKey().equals("topology.kubernetes.io/zone"))
                .flatMap(r -> r.getValues().stream()).toList();
    }

    @ParameterizedTest
    @MethodSource("bothValueSets")
    void everyNamespacedSourceSysctlIsSetInEveryPodsSecurityContext(RenderedChart chart) {
        Map<String, String> namespaced = SourceTextValues.SYSCTLS.entrySet().stream()
                .filter(e -> !SourceTextValues.NODE_LEVEL.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(namespaced.keySet()).containsExactlyInAnyOrderElementsOf(
                union(SourceTextValues.POD_SAFE, SourceTextValues.POD_UNSAFE));

        for (Deployment deployment : deployments(chart)) {
            Map<String, String> sysctls = RenderedChart.pod(deployment).getSecurityContext().getSysctls().stream()
                    .collect(Collectors.toMap(Sysctl::getName, Sysctl::getValue));
            assertThat(sysctls).as(deployment.getMetadata().getName()).isEqualTo(namespaced);
        }
    }

    @Test
    void nodeLevelSysctlsNeverAppearInAPodButInTheOptInPrivilegedHostNetworkDaemonSet() {
        assertThat(defaults.all(DaemonSet.class)).isEmpty();
        RenderedChart tuned = RenderedChart.render(c -> c.set("nodeTuning.enabled", true));

        for (Deployment deployment : deployments(tuned)) {
            assertThat(RenderedChart.pod(deployment).getSecurityContext().getSysctls()).extracting(Sysctl::getName)
                    .doesNotContainAnyElementsOf(SourceTextValues.NODE_LEVEL);
        }
        DaemonSet daemonSet = tuned.named(DaemonSet.class, "nova-nova-quant-node-tuning");
        PodSpec pod = daemonSet.getSpec().getTemplate().getSpec();
        assertThat(pod.getHostNetwork()).isTrue();
        Container init = pod.getInitContainers().get(0);
        assertThat(init.getSecurityContext().getPrivileged()).isTrue();
        String script = String.join("\n", init.getCommand());
        for (String key : SourceTextValues.NODE_LEVEL) {
            assertThat(script).contains("sysctl -w " + key + "=\"" + SourceTextValues.SYSCTLS.get(key) + "\"");
        }
        assertThat(pod.getTolerations()).extracting(Toleration::getKey).contains("nova-quant.io/dedicated");
    }

    @Test
    void unsafeSysctlsCanBeLeftOutForNodesThatDoNotAllowThemIfTheVerifierIsToldSo() {
        // Nothing would set tcp_fastopen, so the verified pods could never start: refused unless said so.
        assertThatThrownBy(() -> RenderedChart.render(c -> c.set("sysctls.unsafeEnabled", false)))
                .hasMessageContaining("net.ipv4.tcp_fastopen").hasMessageContaining("sysctls.apply.enabled=true")
                .hasMessageContaining("nodeTuning.verify.skip");
        RenderedChart safeOnly = RenderedChart.render(c -> c.set("sysctls.unsafeEnabled", false)
                .set("nodeTuning.verify.skip[0]", "net.ipv4.tcp_fastopen"));

        assertThat(safeOnly.unknownFields()).isEmpty();
        assertThat(RenderedChart.pod(safeOnly.deployment("signal")).getSecurityContext().getSysctls())
                .extracting(Sysctl::getName)
                .containsExactlyInAnyOrderElementsOf(SourceTextValues.POD_SAFE);
        Map<String, String> checked = new TreeMap<>();
        verifierExpectations(safeOnly.deployment("execution")).values().forEach(checked::putAll);
        Map<String, String> expected = new TreeMap<>(SourceTextValues.SYSCTLS);
        expected.remove("net.ipv4.tcp_fastopen");
        assertThat(checked).isEqualTo(expected);
        // Without the verifier there is nothing to refuse.
        assertThat(RenderedChart.withValues("sysctls: {unsafeEnabled: false}\nnodeTuning: {verify: {components: []}}\n")
                .all(Deployment.class)).hasSize(5);
    }

    @ParameterizedTest
    @MethodSource("bothValueSets")
    void theTradingPathsPodsVerifyTheKernelTuningBeforeTheyStartAndTheOthersDoNotByDefault(RenderedChart chart) {
        for (Deployment deployment : deployments(chart)) {
            String component = deployment.getMetadata().getLabels().get("app.kubernetes.io/component");
            Map<String, Container> init = RenderedChart.initContainers(deployment);
            if (List.of("ingestion", "execution").contains(component)) {
                assertThat(init).as(component).containsOnlyKeys(VERIFIER);
                assertThat(init.get(VERIFIER).getImage()).isEqualTo(RenderedChart.container(deployment).getImage());
            } else {
                assertThat(init).as(component).isEmpty();
            }
        }
    }

    @Test
    void aValueAddsTheVerifierToTheOtherComponentsInAnImageThatCarriesIt() {
        RenderedChart all = RenderedChart.withValues(
                "nodeTuning: {verify: {components: [ingestion, signal, execution, alert, simulator]}}\n");

        assertThat(all.unknownFields()).isEmpty();
        for (String component : COMPONENTS) {
            Deployment deployment = all.deployment(component);
            assertThat(RenderedChart.initContainers(deployment)).as(component).containsOnlyKeys(VERIFIER);
            String image = RenderedChart.initContainers(deployment).get(VERIFIER).getImage();
            // The simulator's image has no service-support, hence no NodeTuningCheck: execution's image runs it.
            assertThat(image).isEqualTo(RenderedChart.container(all.deployment(component.equals("simulator")
                    ? "execution" : component)).getImage());
        }
        assertThat(verifierExpectations(all.deployment("signal")))
                .isEqualTo(verifierExpectations(all.deployment("execution")));

        RenderedChart none = RenderedChart.withValues("nodeTuning: {verify: {components: []}}\n");
        assertThat(deployments(none)).allSatisfy(d -> assertThat(RenderedChart.initContainers(d)).isEmpty());
        assertThatThrownBy(() -> RenderedChart.withValues("nodeTuning: {verify: {components: [execution, kafka]}}\n"))
                .hasMessageContaining("/nodeTuning/verify/components");
    }

    @ParameterizedTest
    @MethodSource("bothValueSets")
    @SuppressWarnings("unchecked")
    void theVerifierChecksExactlyTheValuesSysctlsEachWithTheScopeThatSetsIt(RenderedChart chart) {
        Map<String, Object> values = new Yaml().load(Repo.read("deploy/helm/nova-quant/values.yaml"));
        Map<String, Object> sysctls = (Map<String, Object>) values.get("sysctls");
        Map<String, Object> nodeTuning = (Map<String, Object>) values.get("nodeTuning");

        for (String component : List.of("ingestion", "execution")) {
            Deployment deployment = chart.deployment(component);
            Container verifier = RenderedChart.initContainers(deployment).get(VERIFIER);
            assertThat(verifier.getCommand()).containsExactly("java", "-cp", "/app/BOOT-INF/lib/*",
                    "com.novaquant.support.node.NodeTuningCheck");
            Map<String, Map<String, String>> expectations = verifierExpectations(deployment);
            assertThat(expectations.get("--node")).isEqualTo(nodeTuning.get("sysctls"));
            assertThat(expectations.get("--pod")).isEqualTo(sysctls.get("safe"));
            assertThat(expectations.get("--pod-unsafe")).isEqualTo(sysctls.get("unsafe"));
            // ... which are the whole of the tuning (deploy/sysctl/99-nova-quant.conf), and what the routes set.
            Map<String, String> checked = new TreeMap<>();
            expectations.values().forEach(checked::putAll);
            assertThat(checked).isEqualTo(new TreeMap<>(SourceTextValues.SYSCTLS));
            Map<String, String> podSysctls = RenderedChart.pod(deployment).getSecurityContext().getSysctls().stream()
                    .collect(Collectors.toMap(Sysctl::getName, Sysctl::getValue));
            Map<String, String> namespaced = new TreeMap<>(expectations.get("--pod"));
            namespaced.putAll(expectations.get("--pod-unsafe"));
            assertThat(podSysctls).isEqualTo(namespaced);

            assertThat(verifier.getArgs()).contains("--termination-log=/dev/termination-log")
                    .noneMatch(a -> a.startsWith("--root"));
            assertThat(verifier.getTerminationMessagePath()).isEqualTo("/dev/termination-log");
            assertThat(verifier.getTerminationMessagePolicy()).isEqualTo("FallbackToLogsOnError");
            // A short plain-Java check: none of the service's JVM flags, no secret, unprivileged like the service.
            assertThat(verifier.getEnv()).singleElement().satisfies(env -> {
                assertThat(env.getName()).isEqualTo("JDK_JAVA_OPTIONS");
                assertThat(env.getValue()).contains("-XX:+UseSerialGC").doesNotContain("jvm.options", "ZGC", "PreTouch");
            });
            assertThat(verifier.getSecurityContext()).isEqualTo(RenderedChart.container(deployment).getSecurityContext());
            assertThat(verifier.getSecurityContext().getPrivileged()).isNull();
            assertThat(verifier.getResources().getLimits().get("cpu").getNumericalAmount().intValueExact()).isOne();
        }
        // The node-level values it checks are the ones the DaemonSet writes (production turns it on).
        if (chart == production) {
            String script = String.join("\n", chart.named(DaemonSet.class, "nova-nova-quant-node-tuning").getSpec()
                    .getTemplate().getSpec().getInitContainers().get(0).getCommand());
            verifierExpectations(chart.deployment("execution")).get("--node").forEach((name, value) ->
                    assertThat(script).contains("sysctl -w " + name + "=\"" + value + "\""));
        }
    }

    @Test
    void aValueChangedOnceReachesTheRouteThatSetsItAndTheVerifier() {
        RenderedChart changed = RenderedChart.withValues("""
                nodeTuning:
                  enabled: true
                  sysctls: {fs.file-max: "2000000"}
                sysctls:
                  safe: {net.ipv4.tcp_keepalive_time: "120"}
                """);

        Map<String, Map<String, String>> expectations = verifierExpectations(changed.deployment("ingestion"));
        assertThat(expectations.get("--node")).containsEntry("fs.file-max", "2000000");
        assertThat(expectations.get("--pod")).containsEntry("net.ipv4.tcp_keepalive_time", "120");
        assertThat(String.join("\n", changed.named(DaemonSet.class, "nova-nova-quant-node-tuning").getSpec().getTemplate()
                .getSpec().getInitContainers().get(0).getCommand())).contains("sysctl -w fs.file-max=\"2000000\"");
        assertThat(RenderedChart.pod(changed.deployment("ingestion")).getSecurityContext().getSysctls())
                .contains(new Sysctl("net.ipv4.tcp_keepalive_time", "120"));
    }

    @Test
    void theApplyRouteIsAPrivilegedInitContainerBeforeTheVerifierOnlyWhenEnabled() {
        assertThat(deployments(defaults)).allSatisfy(d ->
                assertThat(RenderedChart.initContainers(d)).doesNotContainKey(APPLY));
        assertThat(deployments(production)).allSatisfy(d ->
                assertThat(RenderedChart.initContainers(d)).doesNotContainKey(APPLY));

        // A kubelet without allowedUnsafeSysctls, a namespace that admits privileged pods.
        RenderedChart applied = RenderedChart.render(c -> c.set("sysctls.apply.enabled", true)
                .set("sysctls.unsafeEnabled", false));
        assertThat(applied.unknownFields()).isEmpty();
        for (Deployment deployment : deployments(applied)) {
            Map<String, Container> init = RenderedChart.initContainers(deployment);
            String component = deployment.getMetadata().getLabels().get("app.kubernetes.io/component");
            assertThat(init.keySet()).as(component).first().isEqualTo(APPLY);
            if (List.of("ingestion", "execution").contains(component)) {
                assertThat(init.keySet()).containsExactly(APPLY, VERIFIER);
                assertThat(verifierExpectations(deployment).get("--pod-unsafe"))
                        .containsEntry("net.ipv4.tcp_fastopen", "3");
            }
            Container apply = init.get(APPLY);
            assertThat(apply.getImage()).isEqualTo("public.ecr.aws/docker/library/busybox:1.37");
            assertThat(apply.getSecurityContext().getPrivileged()).isTrue();
            assertThat(apply.getSecurityContext().getRunAsUser()).isZero();
            assertThat(apply.getSecurityContext().getRunAsNonRoot()).isFalse();
            assertThat(apply.getSecurityContext().getAllowPrivilegeEscalation()).isNull();
            // The pod's own network namespace: no hostNetwork, and only the namespaced sysctls.
            assertThat(RenderedChart.pod(deployment).getHostNetwork()).isNotEqualTo(Boolean.TRUE);
            String script = String.join("\n", apply.getCommand());
            SourceTextValues.SYSCTLS.forEach((name, value) -> {
                if (SourceTextValues.NODE_LEVEL.contains(name)) {
                    assertThat(script).doesNotContain(name);
                } else {
                    assertThat(script).contains("sysctl -w " + name + "=\"" + value + "\"");
                }
            });
            assertThat(RenderedChart.pod(deployment).getSecurityContext().getSysctls()).extracting(Sysctl::getName)
                    .containsExactlyInAnyOrderElementsOf(SourceTextValues.POD_SAFE);
        }
        // Both routes at once render too (the unprivileged one stays as it was).
        RenderedChart both = RenderedChart.render(c -> c.set("sysctls.apply.enabled", true)
                .set("sysctls.apply.image", "registry.example/tools/busybox:1.37"));
        assertThat(both.unknownFields()).isEmpty();
        assertThat(RenderedChart.initContainers(both.deployment("signal")).get(APPLY).getImage())
                .isEqualTo("registry.example/tools/busybox:1.37");
        assertThat(RenderedChart.pod(both.deployment("signal")).getSecurityContext().getSysctls())
                .hasSize(SourceTextValues.POD_SAFE.size() + SourceTextValues.POD_UNSAFE.size());
    }

    @Test
    void aSysctlInTwoListsOrASkipOfNoSysctlIsRefused() {
        assertThatThrownBy(() -> RenderedChart.withValues("sysctls: {safe: {fs.file-max: \"1000000\"}}\n"))
                .hasMessageContaining("fs.file-max is in both");
        assertThatThrownBy(() -> RenderedChart.render(c -> c.set("nodeTuning.verify.skip[0]", "net.ipv4.tcp_fastopn")))
                .hasMessageContaining("net.ipv4.tcp_fastopn is none of the chart's sysctls");
        String everything = "nodeTuning: {verify: {skip: [" + String.join(", ", SourceTextValues.SYSCTLS.keySet()) + "]}}\n";
        assertThatThrownBy(() -> RenderedChart.withValues(everything)).hasMessageContaining("nothing to verify");
    }

    /** The verifier's arguments of a pod: scope option (--node, --pod, --pod-unsafe) to sysctl name to value. */
    static Map<String, Map<String, String>> verifierExpectations(Deployment deployment) {
        Container verifier = RenderedChart.initContainers(deployment).get(VERIFIER);
        assertThat(verifier).as("verify-node-tuning in " + deployment.getMetadata().getName()).isNotNull();
        Map<String, Map<String, String>> expectations = new TreeMap<>();
        for (String option : List.of("--node", "--pod", "--pod-unsafe")) {
            expectations.put(option, new TreeMap<>());
        }
        for (String arg : verifier.getArgs()) {
            if (arg.startsWith("--termination-log=")) {
                continue;
            }
            int eq = arg.indexOf('=');
            String nameAndValue = arg.substring(eq + 1);
            int valueAt = nameAndValue.indexOf('=');
            assertThat(expectations).as(arg).containsKey(arg.substring(0, eq));
            String previous = expectations.get(arg.substring(0, eq))
                    .put(nameAndValue.substring(0, valueAt), nameAndValue.substring(valueAt + 1));
            assertThat(previous).as("given twice: " + arg).isNull();
        }
        return expectations;
    }

    @ParameterizedTest
    @MethodSource("bothValueSets")
    void everyContainerIsGuaranteedQosWithWholeCpusForTheStaticCpuManager(RenderedChart chart) {
        for (Deployment deployment : deployments(chart)) {
            ResourceRequirements resources = RenderedChart.container(deployment).getResources();
            assertThat(resources.getRequests()).as(deployment.getMetadata().getName())
                    .isEqualTo(resources.getLimits()).containsKeys("cpu", "memory");
            Quantity cpu = resources.getLimits().get("cpu");
            assertThat(cpu.getNumericalAmount().stripTrailingZeros().scale()).isLessThanOrEqualTo(0);
            assertThat(cpu.getNumericalAmount().intValueExact()).isPositive();
            // The init containers keep the pod Guaranteed: requests == limits for each of them too.
            for (Container init : RenderedChart.pod(deployment).getInitContainers()) {
                assertThat(init.getResources().getRequests()).as(init.getName()).isEqualTo(init.getResources().getLimits())
                        .containsKeys("cpu", "memory");
            }
        }
    }

    @Test
    void fractionalCpuOrUnequalMemoryIsRefusedBecauseThePodWouldLoseItsExclusiveCores() {
        assertThatThrownBy(() -> RenderedChart.render(c -> c.set("signal.resources.cpu", "500m")))
                .hasMessageContaining("cpu");
        assertThatThrownBy(() -> RenderedChart.render(c -> c.set("execution.resources.memory", "2G")))
                .hasMessageContaining("memory");
    }

    @ParameterizedTest
    @MethodSource("bothValueSets")
    void everyContainerIsSupervisedByStartupLivenessAndReadinessProbesAndStopsGracefully(RenderedChart chart) {
        for (Deployment deployment : deployments(chart)) {
            PodSpec pod = RenderedChart.pod(deployment);
            Container container = RenderedChart.container(deployment);
            assertThat(pod.getRestartPolicy()).isEqualTo("Always");
            // The liveness and readiness groups on the API port (actuator itself is on the management port).
            assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/livez");
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/livez");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
            assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
            assertThat(container.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
            assertThat(RenderedChart.env(container)).containsEntry("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ADD_ADDITIONAL_PATHS", "true");
            int preStop = container.getLifecycle().getPreStop().getSleep().getSeconds().intValue();
            assertThat(preStop).isPositive();
            assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThan(preStop + 20L);
            Map<String, String> env = RenderedChart.env(container);
            assertThat(env.get("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE")).isEqualTo("40s");
            assertThat(env.get("MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDE")).startsWith("readinessState");
        }
        Map<String, String> ingestionEnv = RenderedChart.env(RenderedChart.container(chart.deployment("ingestion")));
        assertThat(ingestionEnv.get("MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDE")).contains("kafka", "feeds");
        Map<String, String> executionEnv = RenderedChart.env(RenderedChart.container(chart.deployment("execution")));
        assertThat(executionEnv.get("MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDE")).contains("kafka", "db");
    }

    @ParameterizedTest
    @MethodSource("bothValueSets")
    void everyPodRunsNonRootOnAReadOnlyRootWithoutCapabilitiesUnderRuntimeDefaultSeccomp(RenderedChart chart) {
        for (Deployment deployment : deployments(chart)) {
            PodSpec pod = RenderedChart.pod(deployment);
            Container container = RenderedChart.container(deployment);
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(container.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
            assertThat(container.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
            assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals("tmp"))
                    .singleElement().satisfies(v -> assertThat(v.getEmptyDir()).isNotNull());
        }
        Container alert = RenderedChart.container(chart.deployment("alert"));
        assertThat(alert.getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getName()).isEqualTo("outbox");
            assertThat(m.getMountPath()).isEqualTo("/var/lib/nova-alert");
        });
        assertThat(RenderedChart.env(alert)).containsEntry("NOVA_ALERT_OUTBOX_PATH", "/var/lib/nova-alert/alert-outbox.jsonl");
    }

    @ParameterizedTest
    @MethodSource("bothValueSets")
    void credentialsReachContainersOnlyAsSecretReferences(RenderedChart chart) {
        assertThat(chart.all(Secret.class)).as("the chart never carries secret values").isEmpty();
        for (Deployment deployment : deployments(chart)) {
            for (EnvVar env : RenderedChart.container(deployment).getEnv()) {
                if (SECRET_ENV.contains(env.getName())) {
                    assertThat(env.getValue()).as(env.getName()).isNull();
                    assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("nova-quant-credentials");
                }
            }
        }
        Map<String, EnvVar> execution = RenderedChart.container(chart.deployment("execution")).getEnv().stream()
                .collect(Collectors.toMap(EnvVar::getName, e -> e));
        assertThat(execution).containsKeys("BINANCE_API_KEY", "BINANCE_SECRET", "SPRING_DATASOURCE_PASSWORD",
                "NOVA_ADMIN_ACCOUNTS");
        Map<String, EnvVar> signal = RenderedChart.container(chart.deployment("signal")).getEnv().stream()
                .collect(Collectors.toMap(EnvVar::getName, e -> e));
        assertThat(signal).containsKey("NOVA_ADMIN_ACCOUNTS").doesNotContainKeys("NOVA_ALERT_EXECUTION_PASSWORD");
        Map<String, EnvVar> alert = RenderedChart.container(chart.deployment("alert")).getEnv().stream()
                .collect(Collectors.toMap(EnvVar::getName, e -> e));
        assertThat(alert).containsKeys("TELEGRAM_BOT_TOKEN", "NOVA_ALERT_EXECUTION_PASSWORD")
                .doesNotContainKeys("BINANCE_API_KEY", "BINANCE_SECRET", "NOVA_ADMIN_ACCOUNTS");
        Map<String, EnvVar> ingestion = RenderedChart.container(chart.deployment("ingestion")).getEnv().stream()
                .collect(Collectors.toMap(EnvVar::getName, e -> e));
        assertThat(ingestion).doesNotContainKeys("BINANCE_API_KEY", "BINANCE_SECRET", "TELEGRAM_BOT_TOKEN",
                "NOVA_ADMIN_PASSWORD", "NOVA_ADMIN_ACCOUNTS", "NOVA_ALERT_EXECUTION_PASSWORD");
        // The paper desk keeps the shared operator account (optional); the live desk has named accounts only.
        if (chart == defaults) {
            assertThat(execution.get("NOVA_ADMIN_PASSWORD").getValueFrom().getSecretKeyRef().getOptional()).isTrue();
        } else {
            assertThat(execution).doesNotContainKey("NOVA_ADMIN_PASSWORD");
            assertThat(signal).doesNotContainKey("NOVA_ADMIN_PASSWORD");
        }
    }

    @Test
    void theUniverseIsOffByDefaultAndWhenOnReachesEveryServiceWithSignalsChoiceAndIngestionsScan() {
        for (String component : List.of("ingestion", "signal", "execution", "alert")) {
            assertThat(RenderedChart.env(RenderedChart.container(defaults.deployment(component))))
                    .as(component).doesNotContainKey("NOVA_UNIVERSE_ENABLED");
        }
        RenderedChart universe = RenderedChart.withValues("""
                signal:
                  replicas: 1
                universe:
                  enabled: true
                  size: 8
                  capital: 40000
                  perPairCap: 2500
                  totalCap: 20000
                  scanInterval: 30s
                """);
        for (String component : List.of("ingestion", "signal", "execution", "alert")) {
            assertThat(RenderedChart.env(RenderedChart.container(universe.deployment(component))))
                    .as(component).containsEntry("NOVA_UNIVERSE_ENABLED", "true");
        }
        assertThat(RenderedChart.env(RenderedChart.container(universe.deployment("signal"))))
                .containsEntry("NOVA_UNIVERSE_SIZE", "8").containsEntry("NOVA_UNIVERSE_CAPITAL", "40000")
                .containsEntry("NOVA_UNIVERSE_PERPAIRCAP", "2500").containsEntry("NOVA_UNIVERSE_TOTALCAP", "20000");
        assertThat(RenderedChart.env(RenderedChart.container(universe.deployment("ingestion"))))
                .containsEntry("NOVA_UNIVERSE_SCANINTERVAL", "30s");
        assertThat(RenderedChart.env(RenderedChart.container(universe.deployment("alert"))))
                .containsEntry("NOVA_ALERT_UNIVERSESIZE", "8");
    }

    @Test
    void theUniverseWithMoreThanOneSignalReplicaIsRefused() {
        assertThatThrownBy(() -> RenderedChart.withValues("""
                universe:
                  enabled: true
                """)).hasMessageContaining("universe.enabled needs signal.replicas=1");
    }

    @Test
    void theSigningKeysReachSignalAndExecutionOnlyAndAreMandatoryLive() {
        for (String component : LIVE_COMPONENTS) {
            boolean holds = RenderedChart.container(production.deployment(component)).getEnv().stream()
                    .anyMatch(e -> e.getName().equals("NOVA_SIGNING_KEYS"));
            assertThat(holds).as(component).isEqualTo(component.equals("signal") || component.equals("execution"));
        }
        for (String component : List.of("signal", "execution")) {
            EnvVar live = RenderedChart.container(production.deployment(component)).getEnv().stream()
                    .filter(e -> e.getName().equals("NOVA_SIGNING_KEYS")).findFirst().orElseThrow();
            EnvVar paper = RenderedChart.container(defaults.deployment(component)).getEnv().stream()
                    .filter(e -> e.getName().equals("NOVA_SIGNING_KEYS")).findFirst().orElseThrow();
            assertThat(live.getValueFrom().getSecretKeyRef().getOptional()).as(component).isFalse();
            assertThat(paper.getValueFrom().getSecretKeyRef().getOptional()).as(component).isTrue();
        }
    }

    @Test
    void liveKeysAreMandatoryWhilePaperModeStartsWithoutThem() {
        EnvVar paperKey = RenderedChart.container(defaults.deployment("execution")).getEnv().stream()
                .filter(e -> e.getName().equals("BINANCE_API_KEY")).findFirst().orElseThrow();
        EnvVar liveKey = RenderedChart.container(production.deployment("execution")).getEnv().stream()
                .filter(e -> e.getName().equals("BINANCE_API_KEY")).findFirst().orElseThrow();

        assertThat(paperKey.getValueFrom().getSecretKeyRef().getOptional()).isTrue();
        assertThat(liveKey.getValueFrom().getSecretKeyRef().getOptional()).isFalse();
        // The same for the named admin accounts and the alert service's own account on execution.
        for (String[] ref : List.of(new String[]{"execution", "NOVA_ADMIN_ACCOUNTS"}, new String[]{"signal", "NOVA_ADMIN_ACCOUNTS"},
                new String[]{"alert", "NOVA_ALERT_EXECUTION_PASSWORD"})) {
            assertThat(secretRef(defaults, ref[0], ref[1]).getOptional()).as(ref[0] + " " + ref[1] + " (paper)").isTrue();
            assertThat(secretRef(production, ref[0], ref[1]).getOptional()).as(ref[0] + " " + ref[1] + " (live)").isFalse();
        }
    }

    private static io.fabric8.kubernetes.api.model.SecretKeySelector secretRef(RenderedChart chart, String component,
                                                                              String env) {
        return RenderedChart.container(chart.deployment(component)).getEnv().stream()
                .filter(e -> e.getName().equals(env)).findFirst().orElseThrow().getValueFrom().getSecretKeyRef();
    }

    @Test
    void eachServiceLogsInToKafkaAsItselfOnly() {
        for (String component : LIVE_COMPONENTS) {
            Container container = RenderedChart.container(production.deployment(component));
            assertThat(RenderedChart.env(container)).as(component)
                    .containsEntry("NOVA_KAFKA_USERNAME", component)
                    .containsEntry("NOVA_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .doesNotContainKeys("NOVA_KAFKA_ADMIN_USERNAME", "NOVA_KAFKA_ADMIN_PASSWORD");
            io.fabric8.kubernetes.api.model.SecretKeySelector password =
                    secretRef(production, component, "NOVA_KAFKA_PASSWORD");
            assertThat(password.getName()).isEqualTo("nova-quant-credentials");
            // Its own password and no other service's: every Kafka key it reads is its own one.
            assertThat(container.getEnv()).as(component)
                    .filteredOn(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                    .extracting(e -> e.getValueFrom().getSecretKeyRef().getKey())
                    .filteredOn(key -> key.contains("KAFKA"))
                    .containsExactly(KAFKA_PASSWORD_KEYS.get(component));
        }
        // Without Kafka auth (the dev cluster): no login, and the services create the topics themselves.
        for (String component : LIVE_COMPONENTS) {
            assertThat(RenderedChart.env(RenderedChart.container(defaults.deployment(component)))).as(component)
                    .doesNotContainKeys("NOVA_KAFKA_USERNAME", "NOVA_KAFKA_PASSWORD", "NOVA_KAFKA_SECURITY_PROTOCOL")
                    .containsEntry("NOVA_KAFKA_REPLICAS", "1");
        }
    }

    @Test
    void kafkaPasswordsAreOptionalInPaperModeAndMandatoryLive() {
        RenderedChart paper = RenderedChart.render(c -> c.set("kafka.auth.enabled", true));
        for (String component : LIVE_COMPONENTS) {
            assertThat(secretRef(paper, component, "NOVA_KAFKA_PASSWORD").getOptional()).as(component).isTrue();
            assertThat(secretRef(production, component, "NOVA_KAFKA_PASSWORD").getOptional()).as(component).isFalse();
        }
        assertThat(RenderedChart.env(RenderedChart.container(paper.deployment("simulator"))))
                .doesNotContainKeys("NOVA_KAFKA_USERNAME", "NOVA_KAFKA_PASSWORD", "NOVA_KAFKA_SECURITY_PROTOCOL");
    }

    @Test
    void theTopicSettingsInTheValuesAreTheDesksOwnAndReachTheProvisioningJob(@TempDir Path workDir) throws IOException {
        RenderedChart live = RenderedChart.withHooks(workDir, RenderedChart::productionValues);
        Container job = live.named(Job.class, KAFKA_SETUP).getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, Map<String, String>> stated =
                TopicConfigOverrides.parse(RenderedChart.env(job).get("NOVA_KAFKA_TOPIC_CONFIGS"));

        // Every setting the desk defines is stated, and nothing else: min.insync.replicas follows kafka.replicas.
        for (NewTopic topic : TopicDefinitions.all(3, (short) 3)) {
            Map<String, String> own = new java.util.HashMap<>(topic.configs());
            own.remove(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
            assertThat(stated.getOrDefault(topic.name(), Map.of())).as(topic.name()).isEqualTo(own);
        }
        // A deployment's own setting is carried to the Job beside them.
        RenderedChart longer = RenderedChart.withHooks(workDir, c -> {
            RenderedChart.productionValues(c);
            c.set("kafka.topicConfigs.nova\\.exec\\.events.retention\\.ms", "2592000000");
        });
        Container longerJob = longer.named(Job.class, KAFKA_SETUP).getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(TopicConfigOverrides.parse(RenderedChart.env(longerJob).get("NOVA_KAFKA_TOPIC_CONFIGS")))
                .containsEntry(Topics.EXEC_EVENTS, Map.of(TopicConfig.RETENTION_MS_CONFIG, "2592000000"))
                .containsEntry(Topics.QUOTES, stated.get(Topics.QUOTES));
    }

    @Test
    void theKafkaProvisioningJobRunsBeforeInstallAndUpgradeOnlyWithKafkaAuth(@TempDir Path workDir) throws IOException {
        RenderedChart off = RenderedChart.withHooks(workDir, c -> { });
        assertThat(off.all(Job.class)).isEmpty();
        assertThat(off.find(NetworkPolicy.class, KAFKA_SETUP)).isEmpty();
        assertThat(off.generic("ExternalSecret")).isEmpty();

        RenderedChart live = RenderedChart.withHooks(workDir, RenderedChart::productionValues);
        assertThat(live.unknownFields()).isEmpty();
        assertThat(Repo.read("deploy/helm/nova-quant/templates/kafka-setup.yaml"))
                .contains("helm.sh/hook: pre-install,pre-upgrade");
        Job job = live.named(Job.class, KAFKA_SETUP);
        assertThat(job.getMetadata().getAnnotations()).containsEntry("nova-quant.io/hook", "pre-install,pre-upgrade");
        assertThat(job.getSpec().getBackoffLimit()).isPositive();
        // Helm waits for a hook Job within its --timeout (5 minutes unless set).
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isPositive().isLessThan(300L);

        PodSpec pod = job.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);
        assertThat(container.getImage())
                .isEqualTo(RenderedChart.container(production.deployment("execution")).getImage());
        assertThat(container.getCommand())
                .containsExactly("java", "-cp", "/app/BOOT-INF/lib/*", "com.novaquant.events.ProvisionKafka");
        String bootstrap = RenderedChart.env(RenderedChart.container(production.deployment("signal")))
                .get("SPRING_KAFKA_BOOTSTRAP_SERVERS");
        assertThat(RenderedChart.env(container)).containsEntry("NOVA_KAFKA_BOOTSTRAP_SERVERS", bootstrap)
                .containsEntry("NOVA_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("NOVA_KAFKA_REPLICAS", "3")
                .doesNotContainKeys("NOVA_KAFKA_USERNAME", "NOVA_KAFKA_PASSWORD");
        // The administrator comes from a Secret of its own: the credentials Secret may not exist yet at hook time.
        for (String env : List.of("NOVA_KAFKA_ADMIN_USERNAME", "NOVA_KAFKA_ADMIN_PASSWORD")) {
            assertThat(container.getEnv()).filteredOn(e -> e.getName().equals(env)).singleElement()
                    .satisfies(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName())
                            .isEqualTo("nova-quant-kafka-admin"));
        }
        // Nothing else the release creates either: no service account of the chart, no ConfigMap.
        assertThat(pod.getServiceAccountName()).isNull();
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getVolumes()).allSatisfy(v -> assertThat(v.getConfigMap()).isNull());
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        // Non-root, read-only, no capabilities, like every pod of the chart; bounded resources.
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory")
                .isEqualTo(container.getResources().getRequests());

        // Hook order: the administrator's Secret from the store, then the Job's egress, then the Job.
        GenericKubernetesResource admin = live.generic("ExternalSecret").stream()
                .filter(r -> r.getMetadata().getName().equals("nova-quant-kafka-admin")).findFirst().orElseThrow();
        assertThat(admin.get("spec").toString()).contains("AmazonMSK_nova-admin", "creationPolicy=Orphan");
        NetworkPolicy egress = live.named(NetworkPolicy.class, KAFKA_SETUP);
        for (HasMetadata hook : List.of(admin, egress, job)) {
            assertThat(hook.getMetadata().getAnnotations()).as(hook.getKind())
                    .containsEntry("nova-quant.io/hook", "pre-install,pre-upgrade");
        }
        assertThat(List.of(admin, egress, job)).extracting(HelmChartTest::hookWeight).isSorted()
                .doesNotHaveDuplicates();
    }

    private static int hookWeight(HasMetadata hook) {
        return Integer.parseInt(hook.getMetadata().getAnnotations().get("helm.sh/hook-weight"));
    }

    @Test
    void productionLogsInOnMsksScramPortWithThreeReplicas() {
        Map<String, Object> values = new Yaml().load(Repo.read("deploy/helm/nova-quant/values-production.yaml"));
        Map<String, Object> kafka = yamlMap(values.get("kafka"));
        assertThat(kafka).containsEntry("port", 9096).containsEntry("replicas", 3);
        assertThat(yamlMap(kafka.get("auth"))).containsEntry("enabled", true)
                .containsEntry("securityProtocol", "SASL_SSL");
        Map<String, Object> defaultValues = new Yaml().load(Repo.read("deploy/helm/nova-quant/values.yaml"));
        assertThat(yamlMap(yamlMap(defaultValues.get("kafka")).get("auth"))).containsEntry("enabled", false);

        for (String component : LIVE_COMPONENTS) {
            String bootstrap = RenderedChart.env(RenderedChart.container(production.deployment(component)))
                    .get("SPRING_KAFKA_BOOTSTRAP_SERVERS");
            assertThat(bootstrap.split(",")).as(component).isNotEmpty().allSatisfy(server -> assertThat(server)
                    .endsWith(":9096"));
            assertThat(egressPorts(policy(production, component))).as(component).contains("TCP/9096")
                    .doesNotContain("TCP/9092");
        }
    }

    @Test
    void theNetworkPoliciesOpenTheKafkaPortInUseAndABootstrapServerOnAnotherPortIsRefused(@TempDir Path workDir)
            throws IOException {
        RenderedChart moved = RenderedChart.withHooks(workDir, c -> c
                .set("kafka.bootstrapServers", "b-1.example:9096,b-2.example:9096")
                .set("kafka.port", 9096)
                .set("kafka.auth.enabled", true));
        for (String component : LIVE_COMPONENTS) {
            assertThat(egressPorts(policy(moved, component))).as(component).contains("TCP/9096")
                    .doesNotContain("TCP/9092");
        }
        // The provisioning Job's pod falls under the release's default deny, and its own policy opens the same port.
        Job job = moved.named(Job.class, KAFKA_SETUP);
        Map<String, String> podLabels = job.getSpec().getTemplate().getMetadata().getLabels();
        NetworkPolicy deny = moved.named(NetworkPolicy.class, "nova-nova-quant-default-deny");
        NetworkPolicy egress = moved.named(NetworkPolicy.class, KAFKA_SETUP);
        assertThat(podLabels).containsAllEntriesOf(deny.getSpec().getPodSelector().getMatchLabels())
                .containsAllEntriesOf(egress.getSpec().getPodSelector().getMatchLabels());
        assertThat(egressPorts(egress)).containsExactly("TCP/9096");
        assertThat(egress.getSpec().getEgress().get(0).getTo())
                .isEqualTo(policy(moved, "signal").getSpec().getEgress().get(0).getTo());

        assertThatThrownBy(() -> RenderedChart.render(c -> c.set("kafka.port", 9096)))
                .hasMessageContaining("kafka-bootstrap.kafka.svc:9092").hasMessageContaining("kafka.port");
        assertThatThrownBy(() -> RenderedChart.render(c -> c
                .set("kafka.bootstrapServers", "b-1.example:9096,b-2.example:9092").set("kafka.port", 9096)))
                .hasMessageContaining("b-2.example:9092");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yamlMap(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    void productionCredentialsAreMaterialisedByAnExternalSecretFromTheStore() {
        GenericKubernetesResource externalSecret = production.generic("ExternalSecret").get(0);
        Map<String, Object> spec = externalSecret.get("spec");
        assertThat(externalSecret.getMetadata().getName()).isEqualTo("nova-quant-credentials");
        assertThat(spec.toString()).contains("ClusterSecretStore", "nova-quant/live", "BINANCE_API_KEY",
                "TELEGRAM_BOT_TOKEN", "NOVA_ADMIN_ACCOUNTS", "NOVA_ALERT_EXECUTION_PASSWORD", "DATABASE_PASSWORD")
                .contains(KAFKA_PASSWORD_KEYS.values())
                // No shared admin password on the live desk: its key is switched off, so the store need not hold it.
                .doesNotContain("NOVA_ADMIN_PASSWORD");
        assertThat(defaults.generic("ExternalSecret")).isEmpty();
        // Without Kafka logins the store is not asked for Kafka passwords it need not hold.
        RenderedChart withoutKafkaAuth = RenderedChart.render(c -> c.set("secrets.externalSecret.enabled", true));
        assertThat(withoutKafkaAuth.generic("ExternalSecret").get(0).get("spec").toString())
                .contains("BINANCE_API_KEY").doesNotContain("NOVA_KAFKA_");
    }

    @Test
    void valuesFilesCarryNoCredentialValuesAndTheSchemaRejectsThemInExtraEnv() {
        for (String file : List.of("values.yaml", "values-production.yaml")) {
            String text = Repo.read("deploy/helm/nova-quant/" + file);
            assertThat(text).doesNotContainPattern("(?i)(api[_-]?key|secret|token|password)\\s*:\\s*['\"]?[A-Za-z0-9+/]{16,}");
        }
        assertThatThrownBy(() -> RenderedChart.render(c -> c.set("execution.env.BINANCE_SECRET", "abc")))
                .hasMessageContaining("BINANCE_SECRET");
        assertThatThrownBy(() -> RenderedChart.render(c -> c.set("signal.env.NOVA_ADMIN_ACCOUNTS", "alice:OPERATOR:x")))
                .hasMessageContaining("NOVA_ADMIN_ACCOUNTS");
        assertThatThrownBy(() -> RenderedChart.render(c -> c.set("alert.env.NOVA_KAFKA_PASSWORD", "abc")))
                .hasMessageContaining("NOVA_KAFKA_PASSWORD");
    }

    @ParameterizedTest
    @MethodSource("bothValueSets")
    void executionServiceIsOneRecreatedInstanceSoTwoTradersNeverOverlap(RenderedChart chart) {
        Deployment execution = chart.deployment("execution");

        assertThat(execution.getSpec().getReplicas()).isEqualTo(1);
        assertThat(execution.getSpec().getStrategy().getType()).isEqualTo("Recreate");
        assertThat(execution.getSpec().getStrategy().getRollingUpdate()).isNull();
        assertThatThrownBy(() -> RenderedChart.render(c -> c.set("execution.replicas", 2)))
                .hasMessageContaining("execution");
    }

    @ParameterizedTest
    @MethodSource("bothValueSets")
    void alertServiceIsOneRecreatedPodSoTwoPollersNeverShareABotOrAnOutbox(RenderedChart chart) {
        Deployment alert = chart.deployment("alert");

        assertThat(alert.getSpec().getReplicas()).isEqualTo(1);
        assertThat(alert.getSpec().getStrategy().getType()).isEqualTo("Recreate");
        assertThat(alert.getSpec().getStrategy().getRollingUpdate()).isNull();
        assertThatThrownBy(() -> RenderedChart.render(c -> c.set("alert.replicas", 2))).hasMessageContaining("alert");
    }

    @Test
    void productionKeepsTheAlertOutboxAcrossRolloutsOnAVolumeOfItsOwn() {
        PersistentVolumeClaim outbox = production.named(PersistentVolumeClaim.class, "nova-nova-quant-alert-outbox");
        assertThat(outbox.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
        assertThat(RenderedChart.pod(production.deployment("alert")).getVolumes())
                .filteredOn(v -> v.getName().equals("outbox")).singleElement()
                .satisfies(v -> {
                    assertThat(v.getEmptyDir()).isNull();
                    assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo(outbox.getMetadata().getName());
                });
    }

    @ParameterizedTest
    @MethodSource("bothValueSets")
    void signalAndIngestionUpgradeWithoutDowntime(RenderedChart chart) {
        for (String component : List.of("signal", "ingestion")) {
            Deployment deployment = chart.deployment(component);
            assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
            assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal())
                    .isZero();
            assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal()).isOne();
            assertThat(deployment.getSpec().getMinReadySeconds()).isPositive();
        }
        assertThat(chart.deployment("signal").getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("bothValueSets")
    void everyComponentHasADisruptionBudgetAndNoneBlocksANodeDrainForGood(RenderedChart chart) {
        for (Deployment deployment : deployments(chart)) {
            PodDisruptionBudget pdb = chart.named(PodDisruptionBudget.class, deployment.getMetadata().getName());
            assertThat(pdb.getSpec().getSelector().getMatchLabels())
                    .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        }
        // A node-group upgrade drains every node: no budget of the desk may block it for good.
        assertThat(chart.named(PodDisruptionBudget.class, RenderedChart.componentName("execution")).getSpec()
                .getMaxUnavailable().getIntVal()).isOne();
        assertThat(chart.named(PodDisruptionBudget.class, RenderedChart.componentName("signal")).getSpec()
                .getMinAvailable().getIntVal()).isOne();
    }

    @Test
    void theLiveSpotStreamsPortIsOpenWhereverItsUrlPointsAndOnlyThere() {
        RenderedChart chart = RenderedChart.render(c -> c.set("binance.venue", "custom")
                .set("binance.spot.wsUrl", "wss://stream.binance.com:9443")
                .set("binance.futures.wsUrl", "wss://fstream.binance.com:8443")
                .set("telegram.baseUrl", "https://api.telegram.org"));
        for (String component : List.of("ingestion", "execution")) {
            assertThat(egressPorts(policy(chart, component))).as(component).contains("TCP/443", "TCP/9443", "TCP/8443");
        }
        assertThat(egressPorts(policy(chart, "alert"))).doesNotContain("TCP/9443", "TCP/8443").contains("TCP/443");
    }

    @ParameterizedTest
    @MethodSource("bothValueSets")
    void networkPoliciesDenyByDefaultAndAllowOnlyTheDesignedFlows(RenderedChart chart) {
        NetworkPolicy deny = chart.named(NetworkPolicy.class, "nova-nova-quant-default-deny");
        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        assertThat(deny.getSpec().getEgress()).isNullOrEmpty();

        NetworkPolicy dns = chart.named(NetworkPolicy.class, "nova-nova-quant-allow-dns");
        assertThat(egressPorts(dns)).containsExactlyInAnyOrder("UDP/53", "TCP/53");

        boolean simulator = chart == defaults;
        // Kafka: plaintext 9092 on the dev cluster, MSK's SASL/SCRAM port 9096 on the live desk.
        String kafka = simulator ? "TCP/9092" : "TCP/9096";
        // Binance: REST and the futures streams on 443, the spot streams on 9443 (wss://stream.binance.com:9443).
        assertThat(egressPorts(policy(chart, "ingestion")))
                .containsExactlyInAnyOrderElementsOf(simulator ? List.of(kafka, "TCP/443", "TCP/9443", "TCP/8090")
                        : List.of(kafka, "TCP/443", "TCP/9443"));
        assertThat(egressPorts(policy(chart, "signal"))).containsExactly(kafka);
        assertThat(egressPorts(policy(chart, "execution")))
                .containsExactlyInAnyOrderElementsOf(simulator ? List.of(kafka, "TCP/5432", "TCP/443", "TCP/9443", "TCP/8090")
                        : List.of(kafka, "TCP/5432", "TCP/443", "TCP/9443"));
        assertThat(egressPorts(policy(chart, "alert"))).containsExactlyInAnyOrder(kafka, "TCP/443", "TCP/8083");

        NetworkPolicyEgressRule internet = policy(chart, "alert").getSpec().getEgress().stream()
                .filter(rule -> ports(rule.getPorts()).contains("TCP/443")).findFirst().orElseThrow();
        assertThat(internet.getTo().get(0).getIpBlock().getExcept()).contains("10.0.0.0/8", "169.254.0.0/16");

        NetworkPolicyEgressRule toExecution = policy(chart, "alert").getSpec().getEgress().stream()
                .filter(rule -> ports(rule.getPorts()).contains("TCP/8083")).findFirst().orElseThrow();
        assertThat(toExecution.getTo().get(0).getPodSelector().getMatchLabels())
                .containsEntry("app.kubernetes.io/component", "execution");

        List<NetworkPolicyIngressRule> executionIngress = policy(chart, "execution").getSpec().getIngress();
        assertThat(executionIngress).anySatisfy(rule -> assertThat(rule.getFrom())
                .extracting(NetworkPolicyPeer::getPodSelector).filteredOn(Objects::nonNull)
                .anySatisfy(s -> assertThat(s.getMatchLabels()).containsEntry("app.kubernetes.io/component", "alert")));
        for (Deployment deployment : deployments(chart)) {
            String component = deployment.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/component");
            List<NetworkPolicyIngressRule> ingress = policy(chart, component).getSpec().getIngress();
            // Prometheus reaches the management port and nothing else; the helm test pod the API port (/readyz).
            assertThat(ingress.get(0).getFrom()).allSatisfy(peer -> assertThat(peer.getNamespaceSelector()
                    .getMatchLabels()).containsEntry("kubernetes.io/metadata.name", "monitoring"));
            assertThat(ports(ingress.get(0).getPorts())).containsExactly("TCP/" + MANAGEMENT_PORTS.get(component));
            assertThat(ingress.get(1).getFrom()).singleElement().satisfies(peer -> assertThat(peer.getPodSelector()
                    .getMatchLabels()).containsEntry("app.kubernetes.io/component", "helm-test"));
            assertThat(ports(ingress.get(1).getPorts())).containsExactly("TCP/" + PORTS.get(component));
        }
        assertThat(policy(chart, "signal").getSpec().getIngress()).hasSize(2);
    }

    private static NetworkPolicy policy(RenderedChart chart, String component) {
        return chart.named(NetworkPolicy.class, RenderedChart.componentName(component));
    }

    private static Set<String> egressPorts(NetworkPolicy policy) {
        return policy.getSpec().getEgress().stream().flatMap(rule -> ports(rule.getPorts()).stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> ports(List<NetworkPolicyPort> ports) {
        return ports.stream().map(p -> p.getProtocol() + "/" + p.getPort().getIntVal()).toList();
    }

    @Test
    void theJvmFlagsInTheChartAreTheOneFileFromDeployAndReachEveryContainer() {
        String deployOptions = Repo.read("deploy/jvm.options");
        assertThat(Repo.read("deploy/helm/nova-quant/files/jvm.options")).isEqualTo(deployOptions);

        ConfigMap options = defaults.named(ConfigMap.class, "nova-nova-quant-jvm-options");
        assertThat(options.getData().get("jvm.options").strip()).isEqualTo(deployOptions.strip());
        for (Deployment deployment : deployments(defaults)) {
            Container container = RenderedChart.container(deployment);
            assertThat(RenderedChart.env(container).get("JDK_JAVA_OPTIONS")).startsWith("@/etc/nova/jvm.options ");
            assertThat(container.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/etc/nova"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void monitoringComesFromTheChartsOneSourceFilesWithConfigurableSelectorLabels() {
        GenericKubernetesResource monitor = defaults.generic("ServiceMonitor").get(0);
        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
        assertThat(monitor.get("spec").toString()).contains("/actuator/prometheus");
        // job="nova-quant" on every target, as in docker-compose's Prometheus: the alert rules select on it.
        assertThat(((Map<String, Object>) monitor.get("spec")).get("jobLabel")).isEqualTo("app.kubernetes.io/part-of");
        assertThat(defaults.all(Service.class)).allSatisfy(service -> assertThat(service.getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/part-of", "nova-quant"));
        assertThat(Repo.read("deploy/compose/prometheus/prometheus.yml")).contains("job_name: nova-quant");
        RenderedChart relabelled = RenderedChart.render(c -> c.set("metrics.serviceMonitor.labels.team", "desk"));
        assertThat(relabelled.generic("ServiceMonitor").get(0).getMetadata().getLabels()).containsEntry("team", "desk");

        GenericKubernetesResource rule = defaults.generic("PrometheusRule").get(0);
        Map<String, Object> rulesFile = new Yaml().load(Repo.read("deploy/helm/nova-quant/files/prometheus/rules.yml"));
        assertThat((Object) rule.get("spec")).isEqualTo(rulesFile);

        List<ConfigMap> dashboards = defaults.all(ConfigMap.class).stream()
                .filter(cm -> "1".equals(cm.getMetadata().getLabels().get("grafana_dashboard"))).toList();
        assertThat(dashboards).isNotEmpty();
        for (ConfigMap dashboard : dashboards) {
            Map.Entry<String, String> file = dashboard.getData().entrySet().iterator().next();
            assertThat(file.getValue().strip())
                    .isEqualTo(Repo.read("deploy/helm/nova-quant/files/dashboards/" + file.getKey()).strip());
        }
    }

    @Test
    void helmTestPodChecksEveryComponentsReadiness(@TempDir Path workDir) throws IOException {
        RenderedChart withTests = RenderedChart.withTestHooks(workDir);
        assertThat(withTests.unknownFields()).isEmpty();
        Pod test = withTests.all(Pod.class).get(0);
        assertThat(test.getMetadata().getAnnotations()).containsEntry("nova-quant.io/hook", "test");
        assertThat(Repo.read("deploy/helm/nova-quant/templates/tests/test-readiness.yaml")).contains("helm.sh/hook: test");
        assertThat(test.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        String script = String.join("\n", test.getSpec().getContainers().get(0).getCommand());
        for (String component : COMPONENTS) {
            assertThat(script).contains(RenderedChart.componentName(component) + ":" + PORTS.get(component)
                    + "/readyz");
        }
    }

    @Test
    void everyOptionalPartCanBeSwitchedOffAndThePersistentOutboxSwitchedOn() {
        RenderedChart minimal = RenderedChart.render(c -> c
                .set("networkPolicy.enabled", false)
                .set("metrics.serviceMonitor.enabled", false)
                .set("metrics.prometheusRule.enabled", false)
                .set("metrics.dashboards.enabled", false)
                .set("serviceAccount.create", false)
                .set("placement.antiAffinity", "required")
                .set("alert.outbox.type", "pvc")
                .set("alert.outbox.storageClassName", "efs-sc"));

        assertThat(minimal.unknownFields()).isEmpty();
        assertThat(minimal.all(NetworkPolicy.class)).isEmpty();
        assertThat(minimal.all(GenericKubernetesResource.class)).isEmpty();
        assertThat(minimal.all(ConfigMap.class)).extracting(cm -> cm.getMetadata().getName())
                .containsExactly("nova-nova-quant-jvm-options");
        assertThat(RenderedChart.pod(minimal.deployment("signal")).getServiceAccountName()).isEqualTo("default");
        assertThat(RenderedChart.pod(minimal.deployment("signal")).getAffinity().getPodAntiAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution()).hasSize(1);
        PersistentVolumeClaim outbox = minimal.named(PersistentVolumeClaim.class, "nova-nova-quant-alert-outbox");
        assertThat(outbox.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
        assertThat(outbox.getSpec().getStorageClassName()).isEqualTo("efs-sc");
        assertThat(RenderedChart.pod(minimal.deployment("alert")).getVolumes())
                .filteredOn(v -> v.getName().equals("outbox")).singleElement()
                .satisfies(v -> assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo(outbox.getMetadata().getName()));
        assertThat(RenderedChart.pod(defaults.deployment("signal")).getServiceAccountName()).isEqualTo("nova-nova-quant");
    }

    @Test
    void liveTradingAgainstTheSimulatorIsRefused() {
        assertThatThrownBy(() -> RenderedChart.render(c -> c.set("tradingMode", "live")))
                .hasMessageContaining("binance.venue=custom");
    }

    @Test
    void paperTradingPointsBothBinanceClientsAtTheInClusterSimulator() {
        for (String component : List.of("ingestion", "execution")) {
            Map<String, String> env = RenderedChart.env(RenderedChart.container(defaults.deployment(component)));
            assertThat(env).containsEntry("NOVA_BINANCE_SPOT_REST_URL", "http://nova-nova-quant-simulator:8090/spot")
                    .containsEntry("NOVA_BINANCE_FUTURES_WS_URL", "ws://nova-nova-quant-simulator:8090/futures")
                    .containsEntry("NOVA_TRADING_MODE", "paper");
            Map<String, String> live = RenderedChart.env(RenderedChart.container(production.deployment(component)));
            assertThat(live).containsEntry("NOVA_BINANCE_FUTURES_REST_URL", "https://fapi.binance.com")
                    .containsEntry("NOVA_TRADING_MODE", "live");
        }
    }

    private static Set<String> union(Collection<String> a, Collection<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
