package com.novaquant.deployment;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart of a release (deploy/release/package-chart.sh): given the digests the registry reported, the packaged
 * chart carries the release version and runs every image by digest, its own services and the third-party images
 * alike, in every pod it renders, hooks and init containers included, with the default and the live values.
 */
class ReleaseChartTest {

    static final String VERSION = "1.4.2";
    static final String REGISTRY = "ghcr.io/acme";

    static Map<String, String> componentDigests() {
        Map<String, String> digests = new LinkedHashMap<>();
        for (String component : PinnedImages.COMPONENTS) {
            digests.put(component, PinnedImages.fakeDigest(REGISTRY + "/" + PinnedImages.module(component)));
        }
        return digests;
    }

    static Map<String, String> thirdPartyDigests() throws Exception {
        Map<String, String> digests = new LinkedHashMap<>();
        for (String path : PinnedImages.thirdPartyPaths()) {
            digests.put(path, PinnedImages.fakeDigest(PinnedImages.sourceValue(path)));
        }
        return digests;
    }

    @Test
    void theReleasedChartCarriesTheVersionAndRunsEveryImageByDigest(@TempDir Path work) throws Exception {
        Map<String, String> digests = componentDigests();
        Map<String, String> thirdParty = thirdPartyDigests();
        Map<String, String> file = new LinkedHashMap<>();
        // push-images.sh writes components; module names are accepted too.
        digests.forEach((component, digest) -> file.put(
                component.equals("signal") ? PinnedImages.module(component) : component, digest));
        file.putAll(thirdParty);
        Path digestsFile = PinnedImages.writeDigests(work.resolve("digests.txt"), file);

        ReleaseScripts.Result result = ReleaseScripts.run("sh", "package-chart.sh", Map.of(),
                "--registry", REGISTRY, "--no-package", "v" + VERSION, digestsFile.toString(),
                work.resolve("out").toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
        Path prepared = work.resolve("out/nova-quant");
        assertThat(result.output().strip()).isEqualTo(prepared.toString());

        // Helm packages it (what `helm package` does in the workflow), and lints it clean.
        LintResult lint = new Helm(prepared).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
        Path packages = Files.createDirectories(work.resolve("packages"));
        new Helm(prepared).packageIt().withDestination(packages).call();
        Path tgz = packages.resolve("nova-quant-" + VERSION + ".tgz");
        assertThat(tgz).isRegularFile();

        Path unpacked = work.resolve("unpacked");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz))) {
            Tar.extract(in, unpacked);
        }
        Path chart = unpacked.resolve("nova-quant");
        Map<String, Object> chartYaml = new Yaml().load(Files.readString(chart.resolve("Chart.yaml")));
        assertThat(chartYaml).containsEntry("version", VERSION).containsEntry("appVersion", VERSION);
        // Only the release's settings changed; the rest of the values file (its comments too) is the source's.
        String values = Files.readString(chart.resolve("values.yaml"));
        assertThat(values.lines().count()).isEqualTo(Repo.read("deploy/helm/nova-quant/values.yaml").lines().count()
                + PinnedImages.COMPONENTS.size());

        // The package itself renders, with the default (paper) and the live values, every service image pinned.
        Path production = chart.resolve("values-production.yaml");
        String liveRegistry = PinnedImages.sourceValue("image.registry");
        String productionRegistry = (String) ((Map<?, ?>) new Yaml().<Map<String, Object>>load(
                Files.readString(production)).get("image")).get("registry");
        assertThat(PinnedImages.assertEveryImagePinned(RenderedChart.render(tgz, c -> c.set("nodeTuning.enabled", true)),
                REGISTRY, digests, thirdParty)).hasSizeGreaterThanOrEqualTo(PinnedImages.COMPONENTS.size() + 2);
        PinnedImages.assertEveryImagePinned(RenderedChart.render(tgz, c -> c.withValuesFile(production)),
                productionRegistry, digests, thirdParty);
        assertThat(liveRegistry).isNotEqualTo(REGISTRY);

        // With the hooks: the helm test pod, the Kafka provisioning Job, the node-tuning DaemonSet's init container.
        RenderedChart paperHooks = RenderedChart.withHooks(chart, work,
                c -> c.set("nodeTuning.enabled", true).set("kafka.auth.enabled", true));
        RenderedChart liveHooks = RenderedChart.withHooks(chart, work, c -> c.withValuesFile(production));
        for (RenderedChart rendered : new RenderedChart[] {paperHooks, liveHooks}) {
            assertThat(rendered.all(Job.class)).isNotEmpty();
            assertThat(rendered.all(DaemonSet.class)).isNotEmpty();
            assertThat(rendered.all(io.fabric8.kubernetes.api.model.Pod.class)).isNotEmpty();
        }
        assertThat(PinnedImages.assertEveryImagePinned(paperHooks, REGISTRY, digests, thirdParty))
                .anyMatch(image -> image.contains("curl")).anyMatch(image -> image.contains("busybox"))
                .anyMatch(image -> image.contains("pause"));
        PinnedImages.assertEveryImagePinned(liveHooks, productionRegistry, digests, thirdParty);
    }

    @Test
    void packageChartRefusesAnIncompleteOrMalformedRelease(@TempDir Path work) throws Exception {
        Map<String, String> digests = componentDigests();
        String out = work.resolve("out").toString();

        Map<String, String> missing = new LinkedHashMap<>(digests);
        missing.remove("alert");
        assertRefused(work, "1.4.2", missing, out, "no digest for alert");

        Map<String, String> malformed = new LinkedHashMap<>(digests);
        malformed.put("signal", "sha256:1234");
        assertRefused(work, "1.4.2", malformed, out, "not a sha256 digest");

        Map<String, String> unknown = new LinkedHashMap<>(digests);
        unknown.put("risk", digests.get("signal"));
        assertRefused(work, "1.4.2", unknown, out, "unknown image risk");

        Map<String, String> duplicate = new LinkedHashMap<>(digests);
        duplicate.put("signal-service", digests.get("signal"));
        assertRefused(work, "1.4.2", duplicate, out, "signal appears twice");

        Map<String, String> absentPath = new LinkedHashMap<>(digests);
        absentPath.put("nodeTuning.sidecarImage", digests.get("signal"));
        assertRefused(work, "1.4.2", absentPath, out, "nodeTuning.sidecarImage");

        assertRefused(work, "1.4.2-SNAPSHOT", digests, out, "never a SNAPSHOT");
        assertRefused(work, "main", digests, out, "not a release version");
        assertThat(work.resolve("out/nova-quant/Chart.yaml")).doesNotExist();
    }

    private static void assertRefused(Path work, String version, Map<String, String> digests, String out,
            String message) throws Exception {
        Path file = PinnedImages.writeDigests(Files.createTempFile(work, "digests", ".txt"), digests);
        ReleaseScripts.Result result = ReleaseScripts.run("sh", "package-chart.sh", Map.of(), "--no-package", version,
                file.toString(), out);
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains(message);
    }

    @Test
    void chartValuesReadsAndRewritesOnlyTheSettingItIsGiven(@TempDir Path work) throws Exception {
        Path values = Files.copy(Repo.path("deploy/helm/nova-quant/values.yaml"), work.resolve("values.yaml"));
        ReleaseScripts.Result get = ReleaseScripts.run("sh", "chart-values.sh", Map.of(), "get", values.toString(),
                "kafka.auth.admin.externalSecret.remoteKey");
        assertThat(get.output().strip()).isEqualTo(PinnedImages.sourceValue("kafka.auth.admin.externalSecret.remoteKey"));

        assertThat(ReleaseScripts.run("sh", "chart-values.sh", Map.of(), "set-map", values.toString(), "kafka.auth",
                "enabled=true").exitCode()).isZero();
        Map<String, Object> rewritten = new Yaml().load(Files.readString(values));
        Map<String, Object> source = new Yaml().load(Repo.read("deploy/helm/nova-quant/values.yaml"));
        // The node and its children replaced; its siblings, and everything else, as they were.
        assertThat(((Map<?, ?>) rewritten.get("kafka")).get("auth")).isEqualTo(Map.of("enabled", "true"));
        ((Map<String, Object>) rewritten.get("kafka")).remove("auth");
        ((Map<String, Object>) source.get("kafka")).remove("auth");
        assertThat(rewritten).isEqualTo(source);

        ReleaseScripts.Result absent = ReleaseScripts.run("sh", "chart-values.sh", Map.of(), "set", values.toString(),
                "kafka.nothing", "x");
        assertThat(absent.exitCode()).isNotZero();
        assertThat(absent.output()).contains("no kafka.nothing");
        ReleaseScripts.Result injection = ReleaseScripts.run("sh", "chart-values.sh", Map.of(), "set",
                values.toString(), "image.tag", "1.0\nmalicious: true");
        assertThat(injection.exitCode()).isNotZero();
        assertThat(Files.readString(values)).doesNotContain("malicious");
    }
}
