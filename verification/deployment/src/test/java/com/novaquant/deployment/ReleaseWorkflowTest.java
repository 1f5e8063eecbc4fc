package com.novaquant.deployment;

import com.marcnuri.helm.Helm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release workflow (.github/workflows/release.yml) and the scripts it runs (deploy/release/). The workflow is
 * checked for what it may do (permissions), what it runs on (actions pinned by commit) and its order (tests and the
 * image check before any push, signatures by digest). The scripts run here end to end, a release rehearsed against
 * stand-ins for the registry tools (skopeo, syft, cosign, helm push, gh) that record what they were asked, with the
 * real chart packaging in between.
 */
class ReleaseWorkflowTest {

    static final Pattern PINNED = Pattern.compile("^[\\w.-]+/[\\w./-]+@[0-9a-f]{40}$");
    static final String VERSION = "1.4.2";
    static final String REGISTRY = "ghcr.io/acme";

    @SuppressWarnings("unchecked")
    static Map<String, Object> workflow(String file) {
        return new Yaml().load(Repo.read(".github/workflows/" + file));
    }

    /** YAML 1.1 reads the key "on" as true. */
    static Object on(Map<String, Object> workflow) {
        return workflow.containsKey("on") ? workflow.get("on") : workflow.get(Boolean.TRUE);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> steps(Map<String, Object> workflow, String job) {
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        return (List<Map<String, Object>>) ((Map<String, Object>) jobs.get(job)).get("steps");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReleaseRunsOnVersionTagsWithOnlyThePermissionsItNeeds() {
        Map<String, Object> release = workflow("release.yml");
        assertThat(on(release)).isEqualTo(Map.of("push", Map.of("tags", List.of("v*"))));
        assertThat(release.get("permissions")).isEqualTo(Map.of());
        Map<String, Object> job = (Map<String, Object>) ((Map<String, Object>) release.get("jobs")).get("release");
        assertThat(job.get("permissions")).isEqualTo(Map.of("contents", "write", "packages", "write",
                "id-token", "write"));

        Map<String, Object> ci = workflow("ci.yml");
        assertThat((Map<String, Object>) on(ci)).containsKeys("push", "pull_request");
        assertThat(ci.get("permissions")).isEqualTo(Map.of("contents", "read"));
        assertThat(steps(ci, "test")).extracting(s -> s.get("run")).contains(".ci/run");
    }

    @Test
    void everyActionIsPinnedByCommitWithItsVersionAlongside() throws IOException {
        try (Stream<Path> files = Files.list(Repo.path(".github/workflows"))) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    Matcher uses = Pattern.compile("^\\s*(?:- )?uses:\\s*(\\S+)(.*)$").matcher(line);
                    if (uses.matches()) {
                        assertThat(uses.group(1)).as(file.getFileName() + ": " + line).matches(PINNED);
                        assertThat(uses.group(2)).as(file.getFileName() + ": " + line).matches("\\s+# v\\d+(\\.\\d+)*");
                    }
                }
            }
        }
        List<String> uses = steps(workflow("release.yml"), "release").stream().map(s -> (String) s.get("uses"))
                .filter(u -> u != null).map(u -> u.substring(0, u.indexOf('@'))).toList();
        assertThat(uses).contains("actions/checkout", "actions/setup-java", "sigstore/cosign-installer",
                "anchore/sbom-action/download-syft", "azure/setup-helm");
        assertThat(steps(workflow("release.yml"), "release")).filteredOn(s -> "actions/setup-java".equals(
                String.valueOf(s.get("uses")).replaceAll("@.*", ""))).singleElement()
                .satisfies(s -> assertThat(s.get("with")).isEqualTo(Map.of("distribution", "temurin",
                        "java-version", "21", "cache", "maven")));
    }

    @Test
    void theReleaseTestsAndChecksBeforeItPushesAndSignsByDigest() throws IOException {
        List<String> runs = steps(workflow("release.yml"), "release").stream()
                .map(s -> (String) s.get("run")).filter(r -> r != null).toList();
        List<String> order = List.of(".ci/run", "build-images.sh", "registry-login.sh", "push-images.sh",
                "sign-images.sh", "pin-third-party.sh", "package-chart.sh", "publish-chart.sh", "github-release.sh");
        List<Integer> positions = new ArrayList<>();
        for (String step : order) {
            positions.add(indexOf(runs, step));
        }
        assertThat(positions).as("steps in the order " + order).doesNotContain(-1).isSorted();
        // The workflow only orders scripts: every script it names exists and is executable.
        for (String run : runs) {
            Matcher script = Pattern.compile("(deploy/release/[\\w.-]+\\.sh|\\.ci/run)").matcher(run);
            assertThat(script.find()).as(run).isTrue();
            assertThat(Files.isExecutable(Repo.path(script.group(1)))).as(script.group(1)).isTrue();
        }
    }

    private static int indexOf(List<String> runs, String step) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).contains(step)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void theScriptsParse() throws Exception {
        try (Stream<Path> files = Files.list(Repo.path("deploy/release"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sh")).toList()) {
                String first = Files.readAllLines(file).get(0);
                String shell = first.contains("bash") || file.getFileName().toString().equals("lib.sh") ? "bash" : "sh";
                Process check = new ProcessBuilder(shell, "-n", file.toString()).redirectErrorStream(true).start();
                String output = new String(check.getInputStream().readAllBytes());
                assertThat(check.waitFor()).as(file + ": " + output).isZero();
            }
        }
        // ShellCheck where it is installed (GitHub's runners have it): deploy/release/.shellcheckrc follows lib.sh.
        Path shellcheck = Stream.of(System.getenv("PATH").split(":")).map(dir -> Path.of(dir, "shellcheck"))
                .filter(Files::isExecutable).findFirst().orElse(null);
        if (shellcheck != null) {
            List<String> command = new ArrayList<>(List.of(shellcheck.toString(), "-x"));
            try (Stream<Path> files = Files.list(Repo.path("deploy/release"))) {
                files.filter(f -> f.toString().endsWith(".sh")).sorted().forEach(f -> command.add(f.toString()));
            }
            command.add(Repo.path(".ci/run").toString());
            Process check = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(check.getInputStream().readAllBytes());
            assertThat(check.waitFor()).as(output).isZero();
        }
    }

    /**
     * A release rehearsed end to end against stand-ins for the registry tools: the digests the "registry" reports
     * become the chart's, every signature and attestation names an image by digest, the GitHub release gets the
     * chart, the SBOMs and the digests.
     */
    @Test
    void aReleaseRehearsedWithStandInsForTheRegistryPinsSignsAndPublishesByDigest(@TempDir Path work) throws Exception {
        Path bin = standIns(work);
        Path log = work.resolve("tools.log");
        Path images = Files.createDirectories(work.resolve("images"));
        for (String component : PinnedImages.COMPONENTS) {
            Files.writeString(images.resolve(PinnedImages.module(component) + ".tar"), "image tarball");
        }
        Path releaseDir = work.resolve("release");
        Files.createDirectories(releaseDir);
        Files.writeString(releaseDir.resolve("base-image.txt"), "eclipse-temurin:25-jre@sha256:" + "b".repeat(64));
        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("TOOLS_LOG", log.toString());
        env.put("RELEASE_DIR", releaseDir.toString());
        env.put("IMAGES_DIR", images.toString());
        env.put("GITHUB_REPOSITORY_OWNER", "Acme");
        env.put("GITHUB_REPOSITORY", "Acme/nova-quant");
        env.put("GITHUB_SERVER_URL", "https://github.com");
        env.put("GITHUB_WORKFLOW_REF", "Acme/nova-quant/.github/workflows/release.yml@refs/tags/v" + VERSION);
        env.put("REGISTRY_USER", "acme-bot");
        env.put("REGISTRY_PASSWORD", "token-from-the-workflow");
        env.put("GITHUB_STEP_SUMMARY", work.resolve("summary.md").toString());

        ReleaseScripts.Result settings = ReleaseScripts.run("bash", "release-env.sh", env, "v" + VERSION);
        assertThat(settings.exitCode()).as(settings.output()).isZero();
        assertThat(settings.output().lines()).containsExactly("VERSION=" + VERSION, "IMAGE_REGISTRY=" + REGISTRY);
        env.put("IMAGE_REGISTRY", REGISTRY);

        succeeds("registry-login.sh", env);
        succeeds("push-images.sh", env, VERSION);
        succeeds("sign-images.sh", env);
        succeeds("pin-third-party.sh", env);
        succeeds("package-chart.sh", env, "--registry", REGISTRY, "--no-package", VERSION,
                releaseDir.resolve("digests.txt").toString(), releaseDir.resolve("chart").toString());
        new Helm(releaseDir.resolve("chart/nova-quant")).packageIt().withDestination(releaseDir.resolve("chart")).call();
        succeeds("publish-chart.sh", env, VERSION);
        succeeds("github-release.sh", env, "v" + VERSION);

        // What the registry reported is what the release recorded.
        Map<String, String> digests = new LinkedHashMap<>();
        List<String> imageLines = new ArrayList<>();
        for (String component : PinnedImages.COMPONENTS) {
            String repository = REGISTRY + "/" + PinnedImages.module(component);
            String digest = PinnedImages.fakeDigest(repository + ":" + VERSION);
            digests.put(component, digest);
            imageLines.add(PinnedImages.module(component) + " " + repository + "@" + digest);
        }
        assertThat(Files.readAllLines(releaseDir.resolve("images.txt"))).isEqualTo(imageLines);
        Map<String, String> thirdParty = new LinkedHashMap<>();
        for (String path : PinnedImages.thirdPartyPaths()) {
            thirdParty.put(path, PinnedImages.fakeDigest("manifest of " + PinnedImages.sourceValue(path)));
        }
        List<String> digestLines = new ArrayList<>();
        digests.forEach((component, digest) -> digestLines.add(component + "=" + digest));
        thirdParty.forEach((path, digest) -> digestLines.add(path + "=" + digest));
        assertThat(Files.readAllLines(releaseDir.resolve("digests.txt"))).isEqualTo(digestLines);

        // The released chart runs exactly those digests.
        Path tgz = releaseDir.resolve("chart/nova-quant-" + VERSION + ".tgz");
        PinnedImages.assertEveryImagePinned(RenderedChart.render(tgz, c -> c.set("nodeTuning.enabled", true)),
                REGISTRY, digests, thirdParty);

        List<String> calls = Files.readAllLines(log);
        String identity = "https://github.com/Acme/nova-quant/.github/workflows/release.yml@refs/tags/v" + VERSION;
        for (String line : imageLines) {
            String ref = line.substring(line.indexOf(' ') + 1);
            String module = line.substring(0, line.indexOf(' '));
            assertThat(calls).contains(
                    "syft scan registry:" + ref + " -o spdx-json=" + releaseDir.resolve("sbom/" + module + ".spdx.json") + " -q",
                    "cosign sign --yes " + ref,
                    "cosign attest --yes --type spdxjson --predicate " + releaseDir.resolve("sbom/" + module + ".spdx.json")
                            + " " + ref,
                    "cosign verify " + ref + " --certificate-identity " + identity
                            + " --certificate-oidc-issuer https://token.actions.githubusercontent.com");
        }
        // Nothing is signed by tag.
        assertThat(calls).filteredOn(c -> c.startsWith("cosign ")).allSatisfy(c ->
                assertThat(c).containsPattern("@sha256:[0-9a-f]{64}"));
        String chartDigest = PinnedImages.fakeDigest(tgz.getFileName().toString());
        assertThat(calls).contains("helm push " + tgz + " oci://" + REGISTRY + "/charts",
                "cosign sign --yes " + REGISTRY + "/charts/nova-quant@" + chartDigest);
        assertThat(Files.readString(releaseDir.resolve("chart.txt")).strip())
                .isEqualTo("oci://" + REGISTRY + "/charts/nova-quant " + VERSION + " " + chartDigest);
        assertThat(calls).filteredOn(c -> c.startsWith("gh release create")).singleElement().satisfies(c -> {
            assertThat(c).startsWith("gh release create v" + VERSION + " --repo Acme/nova-quant --verify-tag")
                    .contains(tgz.toString(), releaseDir.resolve("images.txt").toString(),
                            releaseDir.resolve("digests.txt").toString())
                    .doesNotContain("--prerelease");
            for (String component : PinnedImages.COMPONENTS) {
                assertThat(c).contains(releaseDir.resolve("sbom/" + PinnedImages.module(component) + ".spdx.json")
                        .toString());
            }
        });
        String notes = Files.readString(releaseDir.resolve("notes.md"));
        assertThat(notes).contains("cosign verify", "--certificate-oidc-issuer https://token.actions.githubusercontent.com",
                "helm upgrade --install nova oci://" + REGISTRY + "/charts/nova-quant --version " + VERSION);
        imageLines.forEach(line -> assertThat(notes).contains(line.substring(line.indexOf(' ') + 1)));
        assertThat(calls).contains("docker login ghcr.io -u acme-bot --password-stdin",
                "skopeo login ghcr.io -u acme-bot --password-stdin",
                "helm registry login ghcr.io -u acme-bot --password-stdin");
        assertThat(String.join("\n", calls)).doesNotContain("token-from-the-workflow");
        assertThat(Files.readString(work.resolve("summary.md"))).contains(digests.get("signal"));
    }

    @Test
    void aReleaseNeverOverwritesATagOrPublishesASnapshot(@TempDir Path work) throws Exception {
        Path bin = standIns(work);
        Path images = Files.createDirectories(work.resolve("images"));
        for (String component : PinnedImages.COMPONENTS) {
            Files.writeString(images.resolve(PinnedImages.module(component) + ".tar"), "image tarball");
        }
        Map<String, String> env = new HashMap<>(Map.of("PATH", bin + ":" + System.getenv("PATH"),
                "TOOLS_LOG", work.resolve("tools.log").toString(), "RELEASE_DIR", work.resolve("release").toString(),
                "IMAGES_DIR", images.toString(), "IMAGE_REGISTRY", REGISTRY, "STAND_IN_EXISTING_TAG", "1"));
        ReleaseScripts.Result again = ReleaseScripts.run("bash", "push-images.sh", env, VERSION);
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.output()).contains("exists already", "immutable");
        assertThat(Files.readString(work.resolve("tools.log"))).doesNotContain("skopeo copy");

        for (String tag : List.of("v1.4.2-SNAPSHOT", "main", "1.4", "v1.4.2\nv9")) {
            ReleaseScripts.Result result = ReleaseScripts.run("bash", "release-env.sh", env, tag);
            assertThat(result.exitCode()).as(tag).isNotZero();
            assertThat(result.output()).contains("not a release version");
        }
    }

    private static void succeeds(String script, Map<String, String> env, String... args) throws Exception {
        ReleaseScripts.Result result = ReleaseScripts.run("bash", script, env, args);
        assertThat(result.exitCode()).as(script + ":\n" + result.output()).isZero();
    }

    /**
     * Stand-ins for the tools the release calls, each recording its arguments in $TOOLS_LOG. The "registry" answers
     * with deterministic digests: an image pushed as R gets sha256(R), a third-party tag's manifest is "manifest of
     * REF", a chart pushed from F gets sha256(basename F).
     */
    static Path standIns(Path work) throws IOException {
        Path bin = Files.createDirectories(work.resolve("bin"));
        String script = """
                #!/usr/bin/env bash
                set -eu
                tool=$(basename "$0")
                echo "$tool $*" >> "$TOOLS_LOG"
                sha() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }
                case "$tool $1" in
                  "skopeo inspect")
                    ref=${3#docker://}
                    case "$ref" in
                      ghcr.io/*) [ -n "${STAND_IN_EXISTING_TAG:-}" ] && { echo '{}'; exit 0; }; exit 1 ;;
                      *) printf 'manifest of %s' "$ref" ;;
                    esac ;;
                  "skopeo copy")
                    digestfile=$4 destination=${6#docker://}
                    echo "sha256:$(sha "$destination")" > "$digestfile" ;;
                  "syft scan")
                    out=${4#spdx-json=}
                    echo '{"spdxVersion": "SPDX-2.3", "name": "'"$3"'"}' > "$out" ;;
                  "helm show") exit 1 ;;
                  "helm push")
                    echo "Pushed: somewhere"
                    echo "Digest: sha256:$(sha "$(basename "$2")")" ;;
                  "docker login"|"skopeo login"|"helm registry") cat > /dev/null ;;
                  *) ;;
                esac
                """;
        for (String tool : List.of("skopeo", "syft", "cosign", "helm", "gh", "docker")) {
            Path file = bin.resolve(tool);
            Files.writeString(file, script);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return bin;
    }
}
