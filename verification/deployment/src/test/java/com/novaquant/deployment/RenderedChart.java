package com.novaquant.deployment;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The chart rendered by real Helm (helm template through helm-java) and every document parsed into the fabric8
 * Kubernetes model. Fields the Kubernetes API does not define land in the model's additionalProperties; {@link
 * #unknownFields()} reports them, which makes the parse a schema check (a misspelt or misplaced field fails).
 */
final class RenderedChart {

    static final Path CHART = Repo.path("deploy/helm/nova-quant");
    static final String RELEASE = "nova";
    static final String NAMESPACE = "nova";
    /** Kinds that come from operators (Prometheus Operator, External Secrets): parsed as generic resources. */
    static final List<String> OPERATOR_KINDS = List.of("ServiceMonitor", "PrometheusRule", "ExternalSecret",
            "AlertmanagerConfig");

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final String yaml;
    private final List<HasMetadata> resources;

    private RenderedChart(String yaml, List<HasMetadata> resources) {
        this.yaml = yaml;
        this.resources = resources;
    }

    static RenderedChart withDefaults() {
        return render(command -> { });
    }

    static RenderedChart withProductionValues() {
        return render(RenderedChart::productionValues);
    }

    /**
     * Digests standing in for a release's images (component -> sha256:...): the live values refuse images that are
     * not pinned, so the production renders pin them like a released chart does (deploy/README.md, "Releases").
     */
    static final Map<String, String> RELEASE_DIGESTS = releaseDigests();

    /** values-production.yaml, with the images pinned by {@link #RELEASE_DIGESTS} as in a released chart. */
    static void productionValues(TemplateCommand command) {
        command.withValuesFile(CHART.resolve("values-production.yaml"));
        RELEASE_DIGESTS.forEach((component, digest) -> command.set("image.digests." + component, digest));
    }

    private static Map<String, String> releaseDigests() {
        Map<String, String> digests = new LinkedHashMap<>();
        for (String component : List.of("ingestion", "signal", "execution", "alert", "simulator")) {
            digests.put(component, "sha256:" + ImageTarball.sha256(("nova-quant/" + component).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)));
        }
        return Map.copyOf(digests);
    }

    /** Renders with a values file holding the given YAML (for what --set cannot spell: lists, numeric strings). */
    static RenderedChart withValues(String yaml) {
        try {
            Path values = Files.createTempFile("nova-values", ".yaml");
            try {
                Files.writeString(values, yaml);
                return render(command -> command.withValuesFile(values));
            } finally {
                Files.deleteIfExists(values);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static RenderedChart render(Consumer<TemplateCommand> options) {
        return render(CHART, options);
    }

    /** Renders a chart directory or package (.tgz). */
    static RenderedChart render(Path chart, Consumer<TemplateCommand> options) {
        TemplateCommand command = new Helm(chart).template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion("1.33.0");
        options.accept(command);
        String yaml = command.call();
        return new RenderedChart(yaml, parse(yaml));
    }

    /** Renders the chart's helm test hooks too (see {@link #withHooks}). */
    static RenderedChart withTestHooks(Path workDir) throws IOException {
        return withHooks(workDir, command -> { });
    }

    /**
     * Renders the chart's hooks too (helm test, the Kafka provisioning Job and what it needs). helm template through
     * the library leaves hooks out, so the chart is copied with the hook annotation renamed to
     * {@code nova-quant.io/hook}, which turns the hooks into plain manifests.
     */
    static RenderedChart withHooks(Path workDir, Consumer<TemplateCommand> options) throws IOException {
        return withHooks(CHART, workDir, options);
    }

    /** {@link #withHooks(Path, Consumer)} of another chart directory (a released chart, unpacked). */
    static RenderedChart withHooks(Path chart, Path workDir, Consumer<TemplateCommand> options) throws IOException {
        Path copy = Files.createTempDirectory(workDir, "chart").resolve("nova-quant");
        try (Stream<Path> files = Files.walk(chart)) {
            for (Path source : files.toList()) {
                Path target = copy.resolve(chart.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.writeString(target, Files.readString(source).replace("helm.sh/hook:", "nova-quant.io/hook:"));
                }
            }
        }
        TemplateCommand command = new Helm(copy).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion("1.33.0");
        options.accept(command);
        String yaml = command.call();
        return new RenderedChart(yaml, parse(yaml));
    }

    private static List<HasMetadata> parse(String yaml) {
        List<HasMetadata> parsed = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.lines().allMatch(line -> line.isBlank() || line.stripLeading().startsWith("#"))) {
                continue;
            }
            parsed.add(SERIALIZATION.unmarshal(document, HasMetadata.class));
        }
        return parsed;
    }

    String yaml() {
        return yaml;
    }

    List<HasMetadata> resources() {
        return resources;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<GenericKubernetesResource> generic(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(r -> r.getKind().equals(kind)).toList();
    }

    <T extends HasMetadata> T named(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst();
    }

    /** The Deployment of a component by its values key (ingestion, signal, execution, alert, simulator). */
    Deployment deployment(String component) {
        return named(Deployment.class, componentName(component));
    }

    static String componentName(String component) {
        return RELEASE + "-nova-quant-" + component;
    }

    static PodSpec pod(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec();
    }

    static Container container(Deployment deployment) {
        return pod(deployment).getContainers().get(0);
    }

    /** The pod's init containers by name, in the order they run. */
    static Map<String, Container> initContainers(Deployment deployment) {
        Map<String, Container> init = new LinkedHashMap<>();
        pod(deployment).getInitContainers().forEach(c -> init.put(c.getName(), c));
        return init;
    }

    static Map<String, String> env(Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        container.getEnv().forEach(e -> env.put(e.getName(), e.getValue()));
        return env;
    }

    /** Paths of fields that the Kubernetes model does not know, over every typed resource. */
    List<String> unknownFields() {
        List<String> unknown = new ArrayList<>();
        for (HasMetadata resource : resources) {
            if (resource instanceof GenericKubernetesResource) {
                continue;
            }
            walk(resource, resource.getKind() + "/" + resource.getMetadata().getName(), unknown);
        }
        return unknown;
    }

    private static void walk(Object node, String path, List<String> unknown) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> walk(value, path + "." + key, unknown));
            return;
        }
        if (!(node instanceof KubernetesResource) || !node.getClass().getPackageName().startsWith("io.fabric8")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value = invoke(getter, node);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + " " + extra.keySet());
                }
                continue;
            }
            walk(value, path + "." + uncapitalise(getter.getName().substring(3)), unknown);
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + getter + " of " + Arrays.toString(new Object[] {target}), e);
        }
    }

    private static String uncapitalise(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
