package com.novaquant.deployment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service images the {@code images} profile (Jib) builds carry what the chart and the Dockerfile rely on: the JVM
 * flags through {@code JDK_JAVA_OPTIONS} reading {@code @/etc/nova/jvm.options}, the non-root user 10001:10001, the
 * JarLauncher entrypoint in /app, the exec jar's Spring Boot layers under /app in their order, the service's port and
 * the release labels.
 * <p>
 * In the normal build it builds signal-service's image with the profile's own executions (its jvm.options copy and
 * its Jib image in a Maven of its own, its layer extraction with the profile's arguments), offline, on a base image
 * tarball it writes itself ({@code -Dnova.image.base=tar://...}), and checks the tarball Jib writes. The release's
 * five real images get the same checks from {@link ReleasedImagesCheck}, before anything is pushed.
 */
class ReleaseImageIT {

    static final Map<String, Integer> PORTS = new LinkedHashMap<>();

    static {
        PORTS.put("ingestion-service", 8081);
        PORTS.put("signal-service", 8082);
        PORTS.put("execution-service", 8083);
        PORTS.put("alert-service", 8084);
        PORTS.put("exchange-simulator", 8090);
    }

    static final String ENTRYPOINT_CLASS = "org.springframework.boot.loader.launch.JarLauncher";

    @Test
    void theImagesProfileBuildsAServiceImageOfflineFromALocalBaseImageTarball(@TempDir Path work) throws Exception {
        Path jar = Path.of(System.getProperty("nova.signal.exec.jar", "signal-service-exec.jar"));
        assertThat(jar).as("signal-service exec jar (build signal-service first)").isRegularFile();

        // A base image like eclipse-temurin's in what matters here: java on the PATH, JAVA_HOME, one layer.
        Path base = work.resolve("base.tar");
        ImageTarball.writeBase(base, List.of(
                        new Tar.Member("opt/java/openjdk/bin/java", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8), 0755),
                        new Tar.Member("etc/nova-test-base", "base image of ReleaseImageIT\n")),
                List.of("PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                        "JAVA_HOME=/opt/java/openjdk"));
        Path images = Files.createDirectories(work.resolve("images"));
        Files.copy(jar, images.resolve("signal-service.jar"));

        // The profile's extraction of the exec jar into its Spring Boot layers, with the arguments the profile gives
        // (here rather than through exec:exec, which would resolve the module's test dependencies from the local
        // repository: a build that did not install them has none).
        long started = System.nanoTime();
        List<String> extract = new ArrayList<>(List.of(java()));
        for (String argument : profileExecArguments("extract-signal-service")) {
            extract.add(argument.replace("${nova.images.dir}", images.toString()));
        }
        Process extraction = new ProcessBuilder(extract).redirectErrorStream(true)
                .redirectOutput(work.resolve("extract.log").toFile()).start();
        assertThat(extraction.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(extraction.exitValue()).as(Files.readString(work.resolve("extract.log"))).isZero();

        List<String> command = new ArrayList<>(List.of(Repo.path("mvnw").toString(), "-B", "-ntp", "-e",
                "-f", Repo.path("verification/deployment/pom.xml").toString(), "-Pimages",
                "-Dnova.images.dir=" + images,
                "-Dnova.image.base=tar://" + base.toAbsolutePath(),
                "-Dnova.image.tag=9.8.7",
                "-Dnova.image.revision=0123456789abcdef",
                "-Djib.baseImageCache=" + work.resolve("jib-cache/base"),
                "-Djib.applicationCache=" + work.resolve("jib-cache/application"),
                "-Djib.disableUpdateChecks=true"));
        String repository = System.getProperty("nova.maven.repo.local", "");
        if (!repository.isBlank() && !repository.startsWith("${")) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        if (System.getProperty("nova.maven.offline", "").equals("offline=true")) {
            command.add("-o");
        }
        // Exactly the profile's executions for one service: the jvm.options copy and its Jib image.
        command.addAll(List.of("resources:copy-resources@copy-jvm-options",
                "resources:copy-resources@create-output-directory",
                "jib:buildTar@image-signal-service"));
        Path log = work.resolve("maven.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(Repo.root().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process maven = builder.start();
        boolean finished = maven.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            maven.destroyForcibly();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("ReleaseImageIT: the images profile built signal-service's image (layers and Jib) in %.1f s%n",
                took.toMillis() / 1000.0);
        assertThat(finished).as("Maven finished within 5 minutes").isTrue();
        assertThat(maven.exitValue()).as(tail(log)).isZero();

        Path tar = images.resolve("signal-service.tar");
        ImageTarball image = ImageTarball.read(tar);
        assertThat(image.repoTags()).containsExactly("nova-quant/signal-service:9.8.7");
        assertThat(image.runtime().get("Labels")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("org.opencontainers.image.version", "9.8.7")
                .containsEntry("org.opencontainers.image.revision", "0123456789abcdef");
        List<ImageTarball.Layer> layers = checkServiceImage(image, "signal-service", jar);
        // On top of the base: its layer first, its environment kept (java resolves through its PATH).
        assertThat(layers.get(0).contains("etc/nova-test-base")).isTrue();
        assertThat(image.env()).containsEntry("JAVA_HOME", "/opt/java/openjdk");
    }

    /**
     * What every service image must be: returns its layers. The exec jar is the one the image was made of: /app holds
     * exactly its files, split into the Spring Boot layers.
     */
    static List<ImageTarball.Layer> checkServiceImage(ImageTarball image, String module, Path execJar)
            throws IOException {
        Map<String, Object> runtime = image.runtime();
        assertThat(image.config()).as(module).containsEntry("os", "linux").containsEntry("architecture", "amd64");
        assertThat(runtime.get("User")).as(module + " user").isEqualTo("10001:10001");
        assertThat(runtime.get("Entrypoint")).as(module + " entrypoint").isEqualTo(List.of("java", ENTRYPOINT_CLASS));
        assertThat(runtime.get("Cmd")).as(module + " cmd").isNull();
        assertThat(runtime.get("WorkingDir")).as(module + " working directory").isEqualTo("/app");
        assertThat(runtime.get("ExposedPorts")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .as(module + " ports").containsOnlyKeys(PORTS.get(module) + "/tcp");
        // The same JVM flags as the Dockerfile: the one flag file, then the container's heap share.
        String options = image.env().get("JDK_JAVA_OPTIONS");
        assertThat(options).as(module + " JDK_JAVA_OPTIONS").isEqualTo(LayeredImageIT.imageJdkJavaOptions())
                .startsWith("@/etc/nova/jvm.options ");
        assertThat(image.diffIds()).as(module + " diff_ids").hasSameSizeAs(image.layers());

        List<ImageTarball.Layer> layers = image.readLayers(name -> name.equals("etc/nova/jvm.options"));
        // java (the entrypoint) resolves through the image's PATH to an executable of some layer.
        List<String> path = List.of(image.env().getOrDefault("PATH", "").split(":"));
        assertThat(layers.stream().flatMap(l -> l.entries().stream())
                .filter(e -> (e.mode() & 0111) != 0 && !e.isDirectory())
                .map(e -> "/" + e.name())
                .anyMatch(name -> path.stream().anyMatch(dir -> name.equals(dir + "/java"))))
                .as(module + ": java on the PATH " + path).isTrue();

        // /etc/nova/jvm.options is deploy/jvm.options.
        List<ImageTarball.Layer> withOptions = layers.stream()
                .filter(l -> l.contents().containsKey("etc/nova/jvm.options")).toList();
        assertThat(withOptions).as(module + " jvm.options").hasSize(1);
        assertThat(new String(withOptions.get(0).contents().get("etc/nova/jvm.options"), StandardCharsets.UTF_8))
                .isEqualTo(Repo.read("deploy/jvm.options"));

        // The Spring Boot layers, least to most often changed, each a layer of its own under /app.
        // (the desk's own modules are SNAPSHOTs and go with the application, Spring Boot's default).
        int dependencies = layerWith(layers, "released dependencies", module,
                e -> e.isFile() && e.name().startsWith("app/BOOT-INF/lib/") && !e.name().contains("SNAPSHOT"));
        int loader = layerWith(layers, "the launcher", module,
                e -> e.name().equals("app/" + ENTRYPOINT_CLASS.replace('.', '/') + ".class"));
        int application = layerWith(layers, "the classes", module,
                e -> e.isFile() && e.name().startsWith("app/BOOT-INF/classes/"));
        assertThat(List.of(dependencies, loader, application)).as(module + " layer order").isSorted()
                .doesNotHaveDuplicates();
        assertThat(layers.get(dependencies).entries()).as(module + " dependencies layer")
                .filteredOn(e -> e.isFile())
                .allSatisfy(e -> assertThat(e.name()).startsWith("app/BOOT-INF/lib/").doesNotContain("SNAPSHOT"));

        // /app is exactly the exec jar, read-only for the service's user.
        Set<String> appFiles = new TreeSet<>();
        for (ImageTarball.Layer layer : layers) {
            for (Tar.Entry entry : layer.entries()) {
                if (entry.name().startsWith("app/")) {
                    assertThat(entry.uid()).as(entry.name() + " owner").isZero();
                    assertThat(entry.mode() & 0022).as(entry.name() + " writable by others").isZero();
                    if (entry.isFile()) {
                        appFiles.add(entry.name().substring("app/".length()));
                    }
                }
            }
        }
        Set<String> jarFiles;
        try (JarFile jarFile = new JarFile(execJar.toFile())) {
            jarFiles = jarFile.stream().filter(e -> !e.isDirectory()).map(e -> e.getName())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(appFiles).as(module + ": /app holds the exec jar's files").isEqualTo(jarFiles);
        return layers;
    }

    private static int layerWith(List<ImageTarball.Layer> layers, String what, String module,
            java.util.function.Predicate<Tar.Entry> member) {
        List<Integer> found = layers.stream().filter(l -> l.entries().stream().anyMatch(member))
                .map(ImageTarball.Layer::index).toList();
        assertThat(found).as(module + ": layers with " + what).hasSize(1);
        return found.get(0);
    }

    /** The arguments of an exec-maven-plugin execution of the images profile, as verification/deployment/pom.xml writes them. */
    static List<String> profileExecArguments(String executionId) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document pom = factory.newDocumentBuilder().parse(Repo.path("verification/deployment/pom.xml").toFile());
        NodeList ids = pom.getElementsByTagName("id");
        for (int i = 0; i < ids.getLength(); i++) {
            if (ids.item(i).getTextContent().strip().equals(executionId)) {
                Element execution = (Element) ids.item(i).getParentNode();
                assertThat(((Element) execution.getElementsByTagName("executable").item(0)).getTextContent().strip())
                        .isEqualTo("${java.home}/bin/java");
                NodeList arguments = execution.getElementsByTagName("argument");
                List<String> result = new ArrayList<>();
                for (int a = 0; a < arguments.getLength(); a++) {
                    result.add(arguments.item(a).getTextContent().strip());
                }
                return result;
            }
        }
        throw new AssertionError("no execution " + executionId + " in verification/deployment/pom.xml");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
