package com.novaquant.deployment;

import com.novaquant.testsupport.Http;
import com.novaquant.testsupport.InProcessKafka;
import io.fabric8.kubernetes.api.model.Container;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the container image is built from works: signal-service's exec jar extracts into Spring Boot layers, the
 * layers stacked in the Dockerfile's order make an application directory, and that directory starts with the
 * image's JVM flags (JDK_JAVA_OPTIONS as in the Dockerfile, reading deploy/jvm.options) against a real Kafka broker,
 * reports UP, and stops gracefully on SIGTERM.
 */
class LayeredImageIT {

    static final List<String> LAYERS = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies",
            "application");

    static InProcessKafka kafka;

    @BeforeAll
    static void startKafka() {
        kafka = InProcessKafka.start(0, 3);
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    /** signal-service's exec jar extracted into its layers, stacked in the Dockerfile's order: the image's /app. */
    static Path extracted;
    static Path app;

    @BeforeAll
    static void extractTheImagesLayers(@TempDir Path work) throws Exception {
        Path jar = Path.of(System.getProperty("nova.signal.exec.jar", "signal-service-exec.jar"));
        assertThat(jar).as("signal-service exec jar (build signal-service first)").isRegularFile();
        extracted = work.resolve("extracted");
        Process extract = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--layers",
                "--launcher", "--destination", extracted.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("extract.log").toFile()).start();
        assertThat(extract.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(extract.exitValue()).as(Files.readString(work.resolve("extract.log"))).isZero();
        app = work.resolve("app");
        for (String layer : LAYERS) {
            copyTree(extracted.resolve(layer), app);
        }
    }

    @Test
    void signalServiceExtractsIntoLayersAndStartsHealthyWithTheImagesJvmFlags(@TempDir Path work) throws Exception {
        assertThat(extracted.resolve("dependencies/BOOT-INF/lib")).isDirectory();
        assertThat(extracted.resolve("spring-boot-loader/org/springframework/boot/loader/launch/JarLauncher.class"))
                .isRegularFile();
        assertThat(extracted.resolve("application/BOOT-INF/classes")).isDirectory();
        assertThat(extracted.resolve("snapshot-dependencies")).isDirectory();

        int port = freePort();
        int managementPort = freePort();
        String jdkJavaOptions = imageJdkJavaOptions()
                .replace("/etc/nova/jvm.options", Repo.path("deploy/jvm.options").toString())
                .replace("-XX:HeapDumpPath=/tmp", "-XX:HeapDumpPath=" + work);
        Path log = work.resolve("service.log");
        ProcessBuilder builder = new ProcessBuilder(java(), "org.springframework.boot.loader.launch.JarLauncher",
                "--server.port=" + port, "--management.server.port=" + managementPort,
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers())
                .directory(app.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JDK_JAVA_OPTIONS", jdkJavaOptions);
        Process service = builder.start();
        try {
            // Actuator on the management port; the API port answers the probes' /livez and /readyz only.
            String base = "http://127.0.0.1:" + managementPort;
            String api = "http://127.0.0.1:" + port;
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500))
                    .failFast("service exited: " + tail(log), () -> !service.isAlive())
                    .until(() -> healthUp(base + "/actuator/health"));

            assertThat(Http.get(base + "/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
            assertThat(Http.get(base + "/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
            assertThat(Http.get(api + "/readyz").body()).contains("\"status\":\"UP\"");
            assertThat(Http.get(api + "/livez").body()).contains("\"status\":\"UP\"");
            assertThat(Http.get(api + "/actuator/prometheus").status()).isEqualTo(404);
            String metrics = Http.get(base + "/actuator/prometheus").body();
            assertThat(metrics).as("ZGC from jvm.options is the collector").contains("id=\"ZGC");
            assertThat(Files.readString(log)).contains("Picked up JDK_JAVA_OPTIONS: @" + Repo.path("deploy/jvm.options"));
        } finally {
            service.destroy();
            boolean stopped = service.waitFor(60, TimeUnit.SECONDS);
            if (!stopped) {
                service.destroyForcibly();
            }
            assertThat(stopped).as("graceful stop on SIGTERM").isTrue();
        }
        assertThat(service.exitValue()).as(tail(log)).isIn(0, 143);
    }

    /**
     * The image can make an admin account entry (README, "Admin accounts"): the password on standard input, the
     * entry on standard output, through the image's own loader and classes.
     */
    @Test
    void theImageMakesAnAdminAccountEntryFromAPasswordOnStandardInput(@TempDir Path work) throws Exception {

        Process hash = new ProcessBuilder(java(), "-Dloader.main=com.novaquant.support.admin.HashPassword",
                "org.springframework.boot.loader.launch.PropertiesLauncher", "alice", "VIEWER")
                .directory(app.toFile()).redirectError(work.resolve("hash.err").toFile()).start();
        hash.getOutputStream().write("a-long-viewer-password\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        hash.getOutputStream().close();
        String entry = new String(hash.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertThat(hash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(hash.exitValue()).as(Files.readString(work.resolve("hash.err"))).isZero();
        assertThat(entry).matches("alice:VIEWER:\\{bcrypt}\\$2a\\$12\\$[./0-9A-Za-z]{53}")
                .doesNotContain("a-long-viewer-password");
    }

    /**
     * The chart's verify-node-tuning init container works in the image: its command, arguments and JDK_JAVA_OPTIONS as
     * rendered, run in the layers' /app against a directory laid out like /proc/sys. A tuned node passes; an untuned
     * one stops the pod with a termination message that names the setting, both values and the fix.
     */
    @Test
    void theImageRunsTheChartsNodeTuningVerifier(@TempDir Path work) throws Exception {
        try (Stream<Path> lib = Files.list(app.resolve("BOOT-INF/lib"))) {
            assertThat(lib.map(p -> p.getFileName().toString())).anyMatch(n -> n.matches("service-support-.*\\.jar"));
        }

        Container verifier = RenderedChart.initContainers(RenderedChart.withDefaults().deployment("execution"))
                .get("verify-node-tuning");
        Path procSys = work.resolve("proc-sys");
        Path terminationLog = work.resolve("termination-log");
        List<String> command = new ArrayList<>();
        for (String part : verifier.getCommand()) {
            command.add(part.equals("java") ? java() : part.replace("/app/", app + "/"));
        }
        for (String arg : verifier.getArgs()) {
            if (arg.equals("--termination-log=/dev/termination-log")) {
                command.add("--termination-log=" + terminationLog);
                continue;
            }
            command.add(arg);
            // The kernel's way of writing the value: fields separated by tabs, a newline at the end.
            String nameAndValue = arg.substring(arg.indexOf('=') + 1);
            int eq = nameAndValue.indexOf('=');
            Path file = procSys.resolve(nameAndValue.substring(0, eq).replace('.', '/'));
            Files.createDirectories(file.getParent());
            Files.writeString(file, nameAndValue.substring(eq + 1).replace(' ', '\t') + "\n");
        }
        command.add("--root=" + procSys);
        Map<String, String> env = RenderedChart.env(verifier);

        long started = System.nanoTime();
        Process tuned = verifier(command, env, work.resolve("tuned.log"));
        assertThat(tuned.exitValue()).as(Files.readString(work.resolve("tuned.log"))).isZero();
        assertThat(Files.readString(work.resolve("tuned.log")))
                .contains("Picked up JDK_JAVA_OPTIONS: " + env.get("JDK_JAVA_OPTIONS"))
                .contains("Node tuning holds: 10 kernel settings");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(millis).as("the verifier's run, in ms").isLessThan(30_000);

        Files.writeString(procSys.resolve("fs/file-max"), "65536\n");
        Files.writeString(procSys.resolve("net/ipv4/tcp_fastopen"), "1\n");
        Process untuned = verifier(command, env, work.resolve("untuned.log"));
        assertThat(untuned.exitValue()).isEqualTo(1);
        assertThat(Files.readString(terminationLog))
                .contains("fs.file-max: expected at least 1000000, actual 65536 [node-level]")
                .contains("net.ipv4.tcp_fastopen: expected 3 (every bit of 0x3 set), actual 1 [namespaced, unsafe]")
                .contains("deploy/eks/cluster.yaml", "nodeTuning.enabled=true", "sysctls.unsafeEnabled=true");
    }

    private static Process verifier(List<String> command, Map<String, String> env, Path log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
        return process;
    }

    /** The JDK_JAVA_OPTIONS value of the Dockerfile's ENV line. */
    static String imageJdkJavaOptions() {
        Matcher env = Pattern.compile("(?m)^ENV JDK_JAVA_OPTIONS=\"([^\"]+)\"").matcher(Repo.read("deploy/docker/Dockerfile"));
        assertThat(env.find()).as("Dockerfile sets JDK_JAVA_OPTIONS").isTrue();
        return env.group(1);
    }

    private static boolean healthUp(String url) {
        try {
            Http.Response response = Http.get(url);
            return response.status() == 200 && response.body().contains("\"status\":\"UP\"");
        } catch (RuntimeException notYetListening) {
            return false;
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(log));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
