package com.novaquant.deployment;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The images of a released chart: every container of every pod the chart renders (Deployments, DaemonSets, hook Jobs,
 * the helm test pod; init containers included) names its image by digest, the service images the digest of their own
 * component, the third-party images their tag with the digest the release resolved.
 */
final class PinnedImages {

    static final List<String> COMPONENTS = List.of("ingestion", "signal", "execution", "alert", "simulator");
    /**
     * The backtest tool's image, which the parameter sweep's Jobs run: pinned by {@code image.digests.backtest} like a
     * component's, but not built by a release (deploy/docker/Dockerfile.backtest), so not among {@link #COMPONENTS}.
     */
    static final String BACKTEST = "backtest";
    private static final Pattern IMAGE_LINE = Pattern.compile("(?m)^\\s*(?:- )?image:\\s*\"?([^\"\\s]+)\"?\\s*$");

    private PinnedImages() {
    }

    static String module(String component) {
        return switch (component) {
            case "simulator" -> "exchange-simulator";
            case BACKTEST -> BACKTEST;
            default -> component + "-service";
        };
    }

    /** Fake digests, as a registry would report them, for tests: sha256 of the text. */
    static String fakeDigest(String text) {
        return "sha256:" + ImageTarball.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The values paths of the chart's third-party images (deploy/release/third-party-images). */
    static List<String> thirdPartyPaths() throws IOException {
        List<String> paths = new ArrayList<>();
        for (String line : Files.readAllLines(Repo.path("deploy/release/third-party-images"))) {
            String path = line.replaceAll("#.*", "").strip();
            if (!path.isEmpty()) {
                paths.add(path);
            }
        }
        return paths;
    }

    /** A value of the source chart's values.yaml by dotted path. */
    @SuppressWarnings("unchecked")
    static String sourceValue(String path) {
        Object node = new org.yaml.snakeyaml.Yaml().load(Repo.read("deploy/helm/nova-quant/values.yaml"));
        for (String key : path.split("\\.")) {
            node = ((Map<String, Object>) node).get(key);
        }
        return String.valueOf(node);
    }

    /** Every container of every pod the rendered chart defines, by "Kind/name container". */
    static Map<String, Container> containers(RenderedChart chart) {
        Map<String, Container> containers = new LinkedHashMap<>();
        for (HasMetadata resource : chart.resources()) {
            podSpec(resource).ifPresent(pod -> {
                String owner = resource.getKind() + "/" + resource.getMetadata().getName();
                pod.getInitContainers().forEach(c -> containers.put(owner + " init " + c.getName(), c));
                pod.getContainers().forEach(c -> containers.put(owner + " " + c.getName(), c));
            });
        }
        return containers;
    }

    static Optional<PodSpec> podSpec(HasMetadata resource) {
        PodTemplateSpec template = null;
        if (resource instanceof Deployment d) {
            template = d.getSpec().getTemplate();
        } else if (resource instanceof DaemonSet d) {
            template = d.getSpec().getTemplate();
        } else if (resource instanceof StatefulSet s) {
            template = s.getSpec().getTemplate();
        } else if (resource instanceof ReplicaSet r) {
            template = r.getSpec().getTemplate();
        } else if (resource instanceof Job j) {
            template = j.getSpec().getTemplate();
        } else if (resource instanceof CronJob c) {
            template = c.getSpec().getJobTemplate().getSpec().getTemplate();
        } else if (resource instanceof Pod p) {
            return Optional.of(p.getSpec());
        }
        return Optional.ofNullable(template).map(PodTemplateSpec::getSpec);
    }

    /**
     * Asserts that every image of the rendered chart is pinned: a service image is {@code <registry>/<module>@<digest
     * of its component>} (a component's own pods run its own image; the Kafka provisioning Job runs execution's; the
     * sweep's Jobs run {@code <registry>/backtest@<digest of backtest>}), a
     * third-party image is its source tag with the digest given for its values path. Returns the images seen.
     */
    static List<String> assertEveryImagePinned(RenderedChart chart, String registry, Map<String, String> digests,
            Map<String, String> thirdPartyDigests) throws IOException {
        Map<String, String> thirdParty = new LinkedHashMap<>();
        for (String path : thirdPartyPaths()) {
            String source = sourceValue(path);
            thirdParty.put(source.replaceAll("@.*", "") + "@" + thirdPartyDigests.get(path), path);
        }
        List<String> seen = new ArrayList<>();
        for (Map.Entry<String, Container> entry : containers(chart).entrySet()) {
            String where = entry.getKey();
            Container container = entry.getValue();
            String image = container.getImage();
            seen.add(image);
            assertThat(image).as(where).contains("@sha256:");
            if (image.startsWith(registry + "/")) {
                String module = image.substring(registry.length() + 1, image.indexOf('@'));
                String component = Stream.concat(COMPONENTS.stream(), Stream.of(BACKTEST))
                        .filter(c -> module(c).equals(module)).findFirst()
                        .orElseThrow(() -> new AssertionError(where + ": no service named " + module));
                assertThat(image).as(where).isEqualTo(registry + "/" + module + "@" + digests.get(component));
                assertThat(container.getImagePullPolicy()).as(where + " pull policy").isEqualTo("IfNotPresent");
                String owner = ownerComponent(chart, where);
                if (owner != null && !where.contains(" init ")) {
                    assertThat(component).as(where + ": the image of its own component").isEqualTo(owner);
                }
            } else {
                assertThat(thirdParty).as(where + ": " + image + " is neither a service image of " + registry
                        + " nor a pinned third-party image (deploy/release/third-party-images)").containsKey(image);
            }
        }
        // Nothing outside the pods the model knows: every image line of the manifests is pinned.
        Matcher lines = IMAGE_LINE.matcher(chart.yaml());
        int imageLines = 0;
        while (lines.find()) {
            imageLines++;
            assertThat(lines.group(1)).as("image line of the rendered manifests").contains("@sha256:");
            assertThat(seen).contains(lines.group(1));
        }
        assertThat(imageLines).as("image lines of the rendered manifests").isEqualTo(seen.size());
        return seen;
    }

    /** The component whose pods these are (its label): execution for the Kafka provisioning Job, backtest for the sweep's. */
    private static String ownerComponent(RenderedChart chart, String where) {
        String kindAndName = where.substring(0, where.indexOf(' '));
        for (HasMetadata resource : chart.resources()) {
            if ((resource.getKind() + "/" + resource.getMetadata().getName()).equals(kindAndName)) {
                Map<String, String> labels = resource.getMetadata().getLabels();
                String component = labels == null ? null : labels.get("app.kubernetes.io/component");
                if ("kafka-setup".equals(component)) {
                    return "execution";
                }
                if (labels != null && BACKTEST.equals(labels.get("app.kubernetes.io/name"))) {
                    return BACKTEST;
                }
                return COMPONENTS.contains(component) ? component : null;
            }
        }
        return null;
    }

    static Path writeDigests(Path file, Map<String, String> entries) throws IOException {
        StringBuilder text = new StringBuilder("# written by the release test\n");
        entries.forEach((key, digest) -> text.append(key).append('=').append(digest).append('\n'));
        return Files.writeString(file, text);
    }
}
