package com.novaquant.deployment;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The parameter sweep (values {@code sweep}, README "Parameter sweeps"): off by default; on, an Indexed Job of one
 * pod per slice of the grid, a report Job that merges the slices, an optional fetch Job the slices wait for, all on
 * one ReadWriteMany volume, with the chart's pod security, never on the trading node group.
 */
class ParameterSweepChartTest {

    static final String SLICES_JOB = "nova-nova-quant-sweep-june";
    static final String REPORT_JOB = "nova-nova-quant-sweep-report-june";
    static final String FETCH_JOB = "nova-nova-quant-sweep-fetch-june";
    static final String GRID_CONFIG_MAP = "nova-nova-quant-sweep-grid-june";
    static final String CLAIM = "nova-nova-quant-sweep-data";
    static final String MOUNT = "/var/lib/nova-sweep";
    static final String DATA_DIR = MOUNT + "/history";
    static final String RESULTS_DIR = MOUNT + "/sweeps/june";
    static final String FETCHED_MARKER = DATA_DIR + "/.fetched-june";

    static final String SWEEP = """
            sweep:
              enabled: true
              run: june
              slices: 12
              parallelism: 3
              threads: 2
              grid:
                entryThresholdApr: [0.08, 0.12, 0.16]
                exitThresholdApr: [0.0, 0.02]
                holdingHours: [24, 72]
            """;
    static final String WITH_FETCH = SWEEP + """
              fetch:
                enabled: true
                from: "2024-01"
                to: "2024-06"
                resources:
                  cpu: 1
                  memory: 2Gi
                backoffLimit: 3
                activeDeadlineSeconds: 7200
            """;

    static RenderedChart sweep;
    static RenderedChart withFetch;

    @BeforeAll
    static void render() {
        sweep = RenderedChart.withValues(SWEEP);
        withFetch = RenderedChart.withValues(WITH_FETCH);
    }

    static List<Job> jobs(RenderedChart chart) {
        return chart.all(Job.class);
    }

    static PodSpec pod(Job job) {
        return job.getSpec().getTemplate().getSpec();
    }

    static Container container(Job job) {
        return pod(job).getContainers().get(0);
    }

    /** The container's command and arguments as the process sees them. */
    static List<String> commandLine(Container container) {
        List<String> line = new ArrayList<>(container.getCommand());
        line.addAll(container.getArgs());
        return line;
    }

    /** The value after an option of a command line. */
    static String option(List<String> commandLine, String name) {
        int at = commandLine.indexOf(name);
        assertThat(at).as(name + " in " + commandLine).isNotNegative();
        return commandLine.get(at + 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void sweepIsOffByDefaultAndNothingOfItRenders() {
        Map<String, Object> values = new Yaml().load(Repo.read("deploy/helm/nova-quant/values.yaml"));
        assertThat((Map<String, Object>) values.get("sweep")).containsEntry("enabled", false);
        for (RenderedChart chart : List.of(RenderedChart.withDefaults(), RenderedChart.withProductionValues())) {
            assertThat(jobs(chart)).isEmpty();
            assertThat(chart.resources()).extracting(r -> r.getMetadata().getName())
                    .noneMatch(name -> name.contains("sweep"));
            assertThat(chart.yaml()).doesNotContain("backtest", "JOB_COMPLETION_INDEX");
        }
        // Enabled, it renders the slices, the report, the grid and the volume; the fetch only when asked.
        assertThat(jobs(sweep)).extracting(j -> j.getMetadata().getName())
                .containsExactlyInAnyOrder(SLICES_JOB, REPORT_JOB);
        assertThat(jobs(withFetch)).extracting(j -> j.getMetadata().getName())
                .containsExactlyInAnyOrder(SLICES_JOB, REPORT_JOB, FETCH_JOB);
        assertThat(sweep.find(ConfigMap.class, GRID_CONFIG_MAP)).isPresent();
        assertThat(sweep.find(PersistentVolumeClaim.class, CLAIM)).isPresent();
    }

    @Test
    void everySweepResourceIsAKubernetesResourceWithNoFieldOutsideTheApiSchema() {
        for (RenderedChart chart : List.of(sweep, withFetch)) {
            assertThat(chart.unknownFields()).isEmpty();
            assertThat(chart.resources()).allSatisfy(r ->
                    assertThat(r.getMetadata().getName()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?").hasSizeLessThan(64));
        }
    }

    @Test
    void theSlicesAreAnIndexedJobWithOneCompletionPerSliceAndTheirOwnParallelism() {
        Job slices = sweep.named(Job.class, SLICES_JOB);
        assertThat(slices.getSpec().getCompletionMode()).isEqualTo("Indexed");
        assertThat(slices.getSpec().getCompletions()).isEqualTo(12);
        assertThat(slices.getSpec().getParallelism()).isEqualTo(3);
        // Each slice retried on its own: backoffLimitPerIndex, not the Job-wide backoffLimit.
        assertThat(slices.getSpec().getBackoffLimitPerIndex()).isEqualTo(2);
        assertThat(slices.getSpec().getBackoffLimit()).isNull();
        assertThat(pod(slices).getRestartPolicy()).isEqualTo("Never");
        assertThat(slices.getSpec().getActiveDeadlineSeconds()).isEqualTo(21600L);
        assertThat(slices.getSpec().getTtlSecondsAfterFinished()).isEqualTo(604800);
        // backoffLimitPerIndex: beta and on by default from Kubernetes 1.29, the chart needs 1.32 or newer.
        Map<String, Object> chart = new Yaml().load(Repo.read("deploy/helm/nova-quant/Chart.yaml"));
        Matcher minimum = Pattern.compile(">=\\s*1\\.(\\d+)\\.").matcher((String) chart.get("kubeVersion"));
        assertThat(minimum.find()).isTrue();
        assertThat(Integer.parseInt(minimum.group(1))).isGreaterThanOrEqualTo(29);

        // Completions follow the slices, parallelism its own value, even when it is the larger.
        Job wide = RenderedChart.withValues(SWEEP.replace("slices: 12", "slices: 5")
                .replace("parallelism: 3", "parallelism: 20")).named(Job.class, SLICES_JOB);
        assertThat(wide.getSpec().getCompletions()).isEqualTo(5);
        assertThat(wide.getSpec().getParallelism()).isEqualTo(20);
        assertThat(option(commandLine(container(wide)), "--slices")).isEqualTo("5");
    }

    @Test
    void eachSlicePodRunsTheSweepOnItsOwnIndexWithTheSliceCount() {
        Job slices = sweep.named(Job.class, SLICES_JOB);
        List<String> line = commandLine(container(slices));
        assertThat(line.subList(0, 4)).containsExactly("java", "-jar", "/app/backtest.jar", "sweep");
        assertThat(option(line, "--data")).isEqualTo(DATA_DIR);
        assertThat(option(line, "--out")).isEqualTo(RESULTS_DIR);
        assertThat(option(line, "--slices")).isEqualTo("12");
        // Kubernetes expands the index the Job controller sets into the argument.
        assertThat(option(line, "--slice")).isEqualTo("$(JOB_COMPLETION_INDEX)");
        assertThat(option(line, "--threads")).isEqualTo("2");
        // The controller's variable is left alone, in every container of every sweep pod.
        for (RenderedChart chart : List.of(sweep, withFetch)) {
            for (Job job : jobs(chart)) {
                List<Container> containers = new ArrayList<>(pod(job).getContainers());
                containers.addAll(pod(job).getInitContainers());
                assertThat(containers).allSatisfy(c -> assertThat(c.getEnv())
                        .noneMatch(e -> e.getName().equals("JOB_COMPLETION_INDEX")));
            }
        }
        // threads: 0 leaves the thread count to the tool.
        Job defaultThreads = RenderedChart.withValues(SWEEP.replace("threads: 2", "threads: 0"))
                .named(Job.class, SLICES_JOB);
        assertThat(commandLine(container(defaultThreads))).doesNotContain("--threads");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGridReachesEverySliceThroughTheRunsImmutableConfigMap() {
        ConfigMap grid = sweep.named(ConfigMap.class, GRID_CONFIG_MAP);
        assertThat(grid.getImmutable()).isTrue();
        Map<String, Object> values = (Map<String, Object>) ((Map<String, Object>) new Yaml().load(SWEEP)).get("sweep");
        // JSON is YAML: the rendered document read back equals the values' grid (numbers as numbers: 0.0 may be 0).
        Object rendered = new Yaml().load(grid.getData().get("grid.json"));
        assertThat(grid.getData().get("grid.json").strip()).startsWith("{");
        assertThat(numbersAsDoubles(rendered)).isEqualTo(numbersAsDoubles(values.get("grid")));

        Job slices = sweep.named(Job.class, SLICES_JOB);
        String gridFile = option(commandLine(container(slices)), "--grid");
        Volume volume = pod(slices).getVolumes().stream().filter(v -> v.getConfigMap() != null).findFirst().orElseThrow();
        assertThat(volume.getConfigMap().getName()).isEqualTo(GRID_CONFIG_MAP);
        VolumeMount mount = container(slices).getVolumeMounts().stream()
                .filter(m -> m.getName().equals(volume.getName())).findFirst().orElseThrow();
        assertThat(mount.getReadOnly()).isTrue();
        assertThat(gridFile).isEqualTo(mount.getMountPath() + "/grid.json");

        // A JSON document given as a string (--set-file sweep.grid=grid.json) is written as it is.
        String document = "{\"entryThresholdApr\": [0.1, 0.2], \"holdingHours\": [48]}";
        ConfigMap fromFile = RenderedChart.render(c -> c.set("sweep.enabled", true).set("sweep.run", "june")
                .setFile("sweep.grid", writeTemp(document))).named(ConfigMap.class, GRID_CONFIG_MAP);
        assertThat(fromFile.getData().get("grid.json").strip()).isEqualTo(document);
    }

    private static Object numbersAsDoubles(Object node) {
        if (node instanceof Number number) {
            return number.doubleValue();
        }
        if (node instanceof List<?> list) {
            return list.stream().map(ParameterSweepChartTest::numbersAsDoubles).toList();
        }
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(key, numbersAsDoubles(value)));
            return copy;
        }
        return node;
    }

    @Test
    void aSweepWithoutAGridIsRefused() {
        assertThatThrownBy(() -> RenderedChart.render(c -> c.set("sweep.enabled", true)))
                .hasMessageContaining("sweep.grid is empty");
    }

    @Test
    void allThreeJobsShareOneReadWriteManyVolume() {
        PersistentVolumeClaim claim = withFetch.named(PersistentVolumeClaim.class, CLAIM);
        assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteMany");
        assertThat(claim.getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("100Gi");
        // The fetched history and the reports outlive the run.
        assertThat(claim.getMetadata().getAnnotations()).containsEntry("helm.sh/resource-policy", "keep");
        assertThat(jobs(withFetch)).hasSize(3).allSatisfy(job -> assertMountsClaim(job, CLAIM));

        RenderedChart existing = RenderedChart.withValues(WITH_FETCH + """
                  volume:
                    existingClaim: sweep-efs
                    mountPath: /var/lib/nova-sweep
                """);
        assertThat(existing.all(PersistentVolumeClaim.class)).extracting(c -> c.getMetadata().getName())
                .doesNotContain(CLAIM);
        assertThat(jobs(existing)).hasSize(3).allSatisfy(job -> assertMountsClaim(job, "sweep-efs"));

        RenderedChart efs = RenderedChart.withValues(SWEEP + """
                  volume:
                    storageClassName: efs-sc
                    size: 500Gi
                    mountPath: /var/lib/nova-sweep
                """);
        PersistentVolumeClaim sized = efs.named(PersistentVolumeClaim.class, CLAIM);
        assertThat(sized.getSpec().getStorageClassName()).isEqualTo("efs-sc");
        assertThat(sized.getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("500Gi");
    }

    private static void assertMountsClaim(Job job, String claim) {
        String where = job.getMetadata().getName();
        Volume data = pod(job).getVolumes().stream().filter(v -> v.getPersistentVolumeClaim() != null)
                .findFirst().orElseThrow(() -> new AssertionError(where + " has no claim"));
        assertThat(data.getPersistentVolumeClaim().getClaimName()).as(where).isEqualTo(claim);
        assertThat(container(job).getVolumeMounts()).as(where).anySatisfy(m -> {
            assertThat(m.getName()).isEqualTo(data.getName());
            assertThat(m.getMountPath()).isEqualTo(MOUNT);
            assertThat(m.getReadOnly()).isNotEqualTo(Boolean.TRUE);
        });
    }

    @Test
    void sweepPodsNeverLandOnTheTradingNodeGroup() {
        for (Job job : jobs(withFetch)) {
            String where = job.getMetadata().getName();
            PodSpec pod = pod(job);
            List<NodeSelectorRequirement> required = pod.getAffinity().getNodeAffinity()
                    .getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms().get(0)
                    .getMatchExpressions();
            assertThat(required).as(where).anySatisfy(r -> {
                assertThat(r.getKey()).isEqualTo("eks.amazonaws.com/nodegroup");
                assertThat(r.getOperator()).isEqualTo("NotIn");
                assertThat(r.getValues()).containsExactly("nova-trading");
            });
            assertThat(pod.getTolerations()).as(where).isNullOrEmpty();
            // No trading-pod network tuning: the unsafe sysctl would keep the pod off every other node.
            assertThat(pod.getSecurityContext().getSysctls()).as(where).isNullOrEmpty();
        }

        // A node group of the sweep's own, tainted like the trading group with another value: selected and
        // tolerated, the trading group still excluded.
        RenderedChart ownGroup = RenderedChart.withValues(SWEEP + """
                  nodeSelector:
                    nova-quant.io/role: sweep
                  tolerations:
                    - key: nova-quant.io/dedicated
                      operator: Equal
                      value: sweep
                      effect: NoSchedule
                """);
        for (Job job : jobs(ownGroup)) {
            PodSpec pod = pod(job);
            assertThat(pod.getNodeSelector()).containsExactly(Map.entry("nova-quant.io/role", "sweep"));
            assertThat(pod.getTolerations()).extracting(t -> t.getKey() + "=" + t.getValue())
                    .containsExactly("nova-quant.io/dedicated=sweep");
            assertThat(pod.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
                    .getNodeSelectorTerms().get(0).getMatchExpressions())
                    .anySatisfy(r -> assertThat(r.getOperator()).isEqualTo("NotIn"));
        }

        assertThatThrownBy(() -> RenderedChart.withValues(SWEEP + """
                  tolerations:
                    - key: nova-quant.io/dedicated
                      operator: Exists
                """)).hasMessageContaining("tolerates the trading node group's taint");
        assertThatThrownBy(() -> RenderedChart.withValues(SWEEP + """
                  tolerations:
                    - key: nova-quant.io/dedicated
                      operator: Equal
                      value: trading
                """)).hasMessageContaining("tolerates the trading node group's taint");
        assertThatThrownBy(() -> RenderedChart.withValues(SWEEP + """
                  tolerations:
                    - operator: Exists
                """)).hasMessageContaining("tolerates the trading node group's taint");
        assertThatThrownBy(() -> RenderedChart.withValues(SWEEP + """
                  nodeSelector:
                    eks.amazonaws.com/nodegroup: nova-trading
                """)).hasMessageContaining("selects the trading node group");
    }

    @Test
    void sweepPodsRunWithTheSecuritySettingsOfTheDesksPods() {
        RenderedChart desk = RenderedChart.withDefaults();
        PodSpec deskPod = RenderedChart.pod(desk.deployment("signal"));
        PodSecurityContext deskPodSecurity = new PodSecurityContextBuilder(
                deskPod.getSecurityContext()).withSysctls(List.of()).build();
        Container deskContainer = RenderedChart.container(desk.deployment("signal"));

        for (Job job : jobs(withFetch)) {
            String where = job.getMetadata().getName();
            PodSpec pod = pod(job);
            PodSecurityContext security = new PodSecurityContextBuilder(
                    pod.getSecurityContext()).withSysctls(List.of()).build();
            assertThat(security).as(where).isEqualTo(deskPodSecurity);
            assertThat(security.getRunAsNonRoot()).isTrue();
            assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).as(where).isFalse();
            List<Container> containers = new ArrayList<>(pod.getInitContainers());
            containers.addAll(pod.getContainers());
            assertThat(containers).as(where).allSatisfy(c -> {
                assertThat(c.getSecurityContext()).as(c.getName()).isEqualTo(deskContainer.getSecurityContext());
                assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
                assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
                assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
                assertThat(c.getResources().getRequests()).as(c.getName()).isEqualTo(c.getResources().getLimits())
                        .containsKeys("cpu", "memory");
            });
            // The JVM's scratch files (and the read-only root) need a writable /tmp.
            assertThat(container(job).getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
            assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals("tmp")).singleElement()
                    .satisfies(v -> assertThat(v.getEmptyDir()).isNotNull());
        }
    }

    @Test
    void theReportMergesEverySliceOfTheRunOnceAllAreThereOrTheSweepsDeadlineHasPassed() {
        Job slices = sweep.named(Job.class, SLICES_JOB);
        Job report = sweep.named(Job.class, REPORT_JOB);
        List<String> line = commandLine(container(report));
        assertThat(line.subList(0, 4)).containsExactly("java", "-jar", "/app/backtest.jar", "sweep-report");
        // It reads the slices where they write them, and writes the report beside them.
        assertThat(option(line, "--in")).isEqualTo(option(commandLine(container(slices)), "--out"));
        assertThat(option(line, "--out")).isEqualTo(RESULTS_DIR);
        assertThat(option(line, "--slices")).isEqualTo("12");
        // It waits as long as slices may still appear, and its own Job outlives the wait.
        long sweepDeadline = slices.getSpec().getActiveDeadlineSeconds();
        assertThat(option(line, "--wait")).isEqualTo("PT" + sweepDeadline + "S");
        assertThat(report.getSpec().getActiveDeadlineSeconds()).isGreaterThan(sweepDeadline);
        assertThat(report.getSpec().getCompletionMode()).isNotEqualTo("Indexed");
        assertThat(report.getSpec().getTtlSecondsAfterFinished()).isPositive();
    }

    @Test
    void theFetchRunsFirstAndEverySliceWaitsForItsMarker() {
        Job fetch = withFetch.named(Job.class, FETCH_JOB);
        Job slices = withFetch.named(Job.class, SLICES_JOB);
        Container fetcher = container(fetch);
        List<String> line = commandLine(fetcher);
        // sh hands the arguments to the jar: java -jar /app/backtest.jar fetch --data ...
        assertThat(fetcher.getCommand().get(2)).contains("java -jar /app/backtest.jar \"$@\"");
        assertThat(fetcher.getArgs().get(0)).isEqualTo("fetch");
        assertThat(option(line, "--data")).isEqualTo(option(commandLine(container(slices)), "--data"));
        // The desk's symbols unless the sweep names its own.
        assertThat(option(line, "--symbols")).isEqualTo("BTCUSDT,ETHUSDT");
        assertThat(option(line, "--from")).isEqualTo("2024-01");
        assertThat(option(line, "--to")).isEqualTo("2024-06");
        // The marker only after the fetch succeeded: sh -e, the jar before the touch.
        String script = fetcher.getCommand().get(2);
        assertThat(fetcher.getCommand().subList(0, 2)).containsExactly("sh", "-ec");
        assertThat(script.indexOf("java -jar")).isNotNegative().isLessThan(script.indexOf("touch \"$FETCHED_MARKER\""));
        assertThat(RenderedChart.env(fetcher)).containsEntry("FETCHED_MARKER", FETCHED_MARKER);

        Container wait = pod(slices).getInitContainers().stream().filter(c -> c.getName().equals("wait-for-fetch"))
                .findFirst().orElseThrow();
        assertThat(wait.getImage()).isEqualTo(container(slices).getImage());
        assertThat(RenderedChart.env(wait)).containsEntry("FETCHED_MARKER", FETCHED_MARKER)
                .containsEntry("FETCH_JOB", FETCH_JOB)
                .containsEntry("FETCH_DEADLINE_SECONDS", String.valueOf(fetch.getSpec().getActiveDeadlineSeconds()));
        assertThat(wait.getCommand().get(2)).contains("until [ -f \"$FETCHED_MARKER\" ]", "exit 1");
        assertThat(wait.getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getMountPath()).isEqualTo(MOUNT);
            assertThat(m.getReadOnly()).isTrue();
        });
        // The slices' wait fits in the run's deadline; a fetch that may outlast it is refused.
        assertThat(fetch.getSpec().getActiveDeadlineSeconds()).isLessThan(slices.getSpec().getActiveDeadlineSeconds());
        assertThatThrownBy(() -> RenderedChart.withValues(WITH_FETCH.replace("activeDeadlineSeconds: 7200",
                "activeDeadlineSeconds: 21600"))).hasMessageContaining("sweep.fetch.activeDeadlineSeconds");

        // Without the fetch, the slices start at once on the history already there.
        assertThat(pod(sweep.named(Job.class, SLICES_JOB)).getInitContainers()).isEmpty();
        assertThat(sweep.find(Job.class, FETCH_JOB)).isEmpty();
        // Symbols of the sweep's own.
        Job ownSymbols = RenderedChart.withValues(WITH_FETCH + "    symbols: SOLUSDT,BNBUSDT\n")
                .named(Job.class, FETCH_JOB);
        assertThat(option(commandLine(container(ownSymbols)), "--symbols")).isEqualTo("SOLUSDT,BNBUSDT");
    }

    @Test
    void onlyTheFetchReachesTheInternetAndOnlyOnTls() {
        NetworkPolicy fetch = withFetch.named(NetworkPolicy.class, FETCH_JOB);
        assertThat(fetch.getSpec().getPodSelector().getMatchLabels())
                .containsEntry("app.kubernetes.io/component", "sweep-fetch");
        assertThat(fetch.getSpec().getEgress()).singleElement().satisfies(rule -> {
            assertThat(rule.getPorts()).extracting(p -> p.getProtocol() + "/" + p.getPort().getIntVal())
                    .containsExactly("TCP/443");
            assertThat(rule.getTo().get(0).getIpBlock().getExcept()).contains("10.0.0.0/8", "169.254.0.0/16");
        });
        // The slices and the report: held by the release's default deny, DNS their only way out.
        for (String job : List.of(SLICES_JOB, REPORT_JOB)) {
            Map<String, String> labels = withFetch.named(Job.class, job).getSpec().getTemplate().getMetadata().getLabels();
            assertThat(withFetch.all(NetworkPolicy.class)).filteredOn(p -> selects(p.getSpec().getPodSelector(), labels))
                    .extracting(p -> p.getMetadata().getName())
                    .containsExactlyInAnyOrder("nova-nova-quant-default-deny", "nova-nova-quant-allow-dns");
        }
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        return selector.getMatchLabels().entrySet().stream()
                .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    @Test
    void theSchemaRefusesASweepWithoutSlicesOrParallelismAndOtherMalformedValues() {
        assertThatThrownBy(() -> RenderedChart.withValues(SWEEP.replace("slices: 12", "slices: 0")))
                .hasMessageContaining("slices");
        assertThatThrownBy(() -> RenderedChart.withValues(SWEEP.replace("parallelism: 3", "parallelism: 0")))
                .hasMessageContaining("parallelism");
        assertThatThrownBy(() -> RenderedChart.withValues(SWEEP + "  slice: 3\n")).hasMessageContaining("slice");
        assertThatThrownBy(() -> RenderedChart.withValues(WITH_FETCH.replace("\"2024-06\"", "\"2024-13\"")))
                .hasMessageContaining("to");
        assertThatThrownBy(() -> RenderedChart.withValues(SWEEP.replace("run: june", "run: June_1")))
                .hasMessageContaining("run");
        assertThatThrownBy(() -> RenderedChart.render(c -> c.set("sweep.resources.memory", "8G")))
                .hasMessageContaining("memory");
    }

    @Test
    void aNewRunNameMakesNewJobsAndANewResultsDirectory() {
        // --set turns "2" into a number; it names the run all the same.
        RenderedChart second = RenderedChart.render(c -> c.withValuesFile(valuesFile(SWEEP)).set("sweep.run", "2"));
        Job slices = second.named(Job.class, "nova-nova-quant-sweep-2");
        assertThat(option(commandLine(container(slices)), "--out")).isEqualTo(MOUNT + "/sweeps/2");
        assertThat(second.find(Job.class, "nova-nova-quant-sweep-report-2")).isPresent();
        assertThat(second.find(ConfigMap.class, "nova-nova-quant-sweep-grid-2")).isPresent();
        assertThat(second.find(Job.class, SLICES_JOB)).isEmpty();
        // A name that would not fit the Job's pod hostnames is refused, not cut.
        assertThatThrownBy(() -> RenderedChart.render(c -> c.withValuesFile(valuesFile(SWEEP))
                .set("fullnameOverride", "a-release-name-long-enough-to-crowd-the-run-name")))
                .hasMessageContaining("shorten sweep.run");
    }

    @Test
    void aDeskUpgradeLeavesThePodsOfARunWithAPinnedImageAsTheyWere() {
        // A Job's pod template cannot change while the Job exists: nothing a chart upgrade moves may be in it.
        for (Job job : jobs(withFetch)) {
            assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).as(job.getMetadata().getName())
                    .doesNotContainKeys("helm.sh/chart", "app.kubernetes.io/version")
                    .containsEntry("app.kubernetes.io/part-of", "nova-quant")
                    .containsEntry("app.kubernetes.io/instance", "nova");
        }
        String pinned = WITH_FETCH + "  image:\n    tag: 1.4.2\n";
        RenderedChart before = RenderedChart.withValues(pinned);
        RenderedChart after = RenderedChart.render(c -> c.withValuesFile(valuesFile(pinned)).set("image.tag", "1.5.0"));
        assertThat(RenderedChart.container(after.deployment("signal")).getImage()).endsWith(":1.5.0");
        for (Job job : jobs(before)) {
            Job upgraded = after.named(Job.class, job.getMetadata().getName());
            assertThat(upgraded.getSpec().getTemplate()).as(job.getMetadata().getName())
                    .isEqualTo(job.getSpec().getTemplate());
            assertThat(container(upgraded).getImage()).endsWith("/backtest:1.4.2");
        }
    }

    @Test
    void theLiveDeskRunsTheSweepOnlyFromAPinnedBacktestImage() throws Exception {
        assertThatThrownBy(() -> RenderedChart.render(c -> {
            RenderedChart.productionValues(c);
            c.withValuesFile(valuesFile(WITH_FETCH));
        })).hasMessageContaining("backtest would run").hasMessageContaining("image.digests.backtest");

        // Pinned as in a released chart (the third-party images too), plus the backtest image's digest.
        String digest = PinnedImages.fakeDigest("nova-quant/backtest");
        Map<String, String> thirdParty = ReleaseChartTest.thirdPartyDigests();
        RenderedChart live = RenderedChart.render(c -> {
            RenderedChart.productionValues(c);
            c.withValuesFile(valuesFile(WITH_FETCH)).set("image.digests.backtest", digest);
            thirdParty.forEach((path, pin) -> c.set(path, PinnedImages.sourceValue(path) + "@" + pin));
        });
        Map<String, String> digests = new LinkedHashMap<>(RenderedChart.RELEASE_DIGESTS);
        digests.put(PinnedImages.BACKTEST, digest);
        String registry = PinnedImages.sourceValue("image.registry");
        String productionRegistry = (String) ((Map<?, ?>) new Yaml().<Map<String, Object>>load(
                Repo.read("deploy/helm/nova-quant/values-production.yaml")).get("image")).get("registry");
        assertThat(productionRegistry).isNotEqualTo(registry);
        List<String> images = PinnedImages.assertEveryImagePinned(live, productionRegistry, digests, thirdParty);
        assertThat(images).contains(productionRegistry + "/backtest@" + digest);
        for (Job job : jobs(live)) {
            assertThat(container(job).getImage()).isEqualTo(productionRegistry + "/backtest@" + digest);
        }
    }

    @Test
    void theBacktestImageRecipeRunsTheJarTheChartStartsAsTheChartsUser() {
        String recipe = Repo.read("deploy/docker/Dockerfile.backtest");
        String services = Repo.read("deploy/docker/Dockerfile");
        // The services' JRE (shared layers on the nodes), the non-root user the pods run as.
        String jre = line(services, "ARG JRE_IMAGE=");
        assertThat(line(recipe, "ARG JRE_IMAGE=")).isEqualTo(jre).contains("eclipse-temurin");
        PodSecurityContext security = pod(sweep.named(Job.class, SLICES_JOB)).getSecurityContext();
        assertThat(line(recipe, "USER ")).isEqualTo("USER " + security.getRunAsUser() + ":" + security.getRunAsGroup());
        // The jar the backtest module builds, where the chart's command looks for it, and that command as entrypoint.
        assertThat(Repo.read("tools/backtest/pom.xml")).contains("<finalName>backtest</finalName>");
        assertThat(line(recipe, "COPY ")).isEqualTo("COPY tools/backtest/target/backtest.jar /app/backtest.jar");
        for (Job job : jobs(sweep)) {
            assertThat(container(job).getCommand()).containsExactly("java", "-jar", "/app/backtest.jar");
        }
        assertThat(line(recipe, "ENTRYPOINT ")).isEqualTo("ENTRYPOINT [\"java\", \"-jar\", \"/app/backtest.jar\"]");
        // The build context lets the jar in and nothing else.
        assertThat(Repo.read("deploy/docker/Dockerfile.backtest.dockerignore").lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList())
                .containsExactly("**", "!tools/backtest/target/backtest.jar");
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + prefix));
    }

    private static Path valuesFile(String yaml) {
        return writeTemp(yaml);
    }

    private static Path writeTemp(String text) {
        try {
            Path file = Files.createTempFile("nova-sweep", ".yaml");
            file.toFile().deleteOnExit();
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
