package com.novaquant.testsupport;

import com.novaquant.events.DeskPrincipal;
import com.novaquant.events.KafkaAccessProvisioner;
import com.novaquant.events.ScramClientProperties;
import com.novaquant.events.TopicDefinitions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real single-node KRaft broker in a child JVM (Kafka's own {@code kafka.Kafka} main class, from this JVM's
 * classpath), for tests that must stop, kill and restart the broker under running clients: the port and the log
 * directory survive a restart, as they do for a broker pod with a persistent volume.
 */
public final class KafkaProcess implements KafkaServer {

    private final Path dir;
    private final int port;
    private final List<String> command;
    /** SCRAM passwords by user name (the administrator and each desk service); empty for a plaintext broker. */
    private final Map<String, String> passwords;
    private Process process;

    private KafkaProcess(Path dir, int port, List<String> command, Map<String, String> passwords) {
        this.dir = dir;
        this.port = port;
        this.command = command;
        this.passwords = passwords;
    }

    /** Formats a fresh log directory under {@code dir} and starts the broker on a free port. */
    public static KafkaProcess start(Path dir, int partitions) {
        return start(dir, partitions, List.of("-Xms128m", "-Xmx384m", "-XX:+UseSerialGC"));
    }

    /** As {@link #start(Path, int)}, with the broker JVM's own flags (heap, collector). */
    public static KafkaProcess start(Path dir, int partitions, List<String> jvmFlags) {
        return start(dir, partitions, jvmFlags, Map.of());
    }

    /**
     * A broker that authenticates and authorises as a production one: clients log in with SASL/SCRAM-SHA-512, one
     * user per desk service ({@link DeskPrincipal}, random passwords), anything without an ACL is refused, and the
     * desk's topics and ACLs ({@link KafkaAccessProvisioner}) are laid down as its administrator before it is handed
     * over. Users, topics and ACLs live in its metadata log and survive a restart.
     */
    public static KafkaProcess startSecured(Path dir, int partitions) {
        return startSecured(dir, partitions, List.of("-Xms128m", "-Xmx384m", "-XX:+UseSerialGC"));
    }

    /** As {@link #startSecured(Path, int)}, the broker's JVM run with the given flags. */
    public static KafkaProcess startSecured(Path dir, int partitions, List<String> jvmFlags) {
        Map<String, String> passwords = SecuredInProcessKafka.newPasswords();
        KafkaProcess kafka = start(dir, partitions, jvmFlags, passwords);
        try (Admin admin = Admin.create(kafka.adminClientProperties())) {
            new KafkaAccessProvisioner(admin).provision(TopicDefinitions.all(partitions, (short) 1), Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        return kafka;
    }

    private static KafkaProcess start(Path dir, int partitions, List<String> jvmFlags, Map<String, String> passwords) {
        boolean secured = !passwords.isEmpty();
        try {
            Files.createDirectories(dir);
            deleteRecursively(dir.resolve("logs"));
            int port = freePort();
            int controllerPort = freePort();
            Path properties = dir.resolve("server.properties");
            Files.writeString(properties, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@localhost:" + controllerPort,
                    "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://localhost:" + port,
                    "controller.listener.names=CONTROLLER",
                    "listener.security.protocol.map=PLAINTEXT:" + (secured ? "SASL_PLAINTEXT" : "PLAINTEXT")
                            + ",CONTROLLER:PLAINTEXT",
                    "inter.broker.listener.name=PLAINTEXT",
                    secured ? securedConfig(passwords.get(SecuredInProcessKafka.ADMIN)) : "",
                    "log.dirs=" + dir.resolve("logs"),
                    "num.partitions=" + partitions,
                    // A secured broker's topics are the provisioner's, as in production.
                    "auto.create.topics.enable=" + !secured,
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=5",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "log.cleaner.enable=true",
                    // A killed broker re-registers once its old session has expired: keep that wait short.
                    "broker.heartbeat.interval.ms=500",
                    "broker.session.timeout.ms=2500",
                    ""));
            List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            java.addAll(jvmFlags);
            // Absolute entries: the broker runs in its own directory, where a relative class path finds nothing.
            String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .map(entry -> Path.of(entry).toAbsolutePath().toString())
                    .collect(Collectors.joining(File.pathSeparator));
            java.addAll(List.of("-cp", classPath));
            List<String> format = new ArrayList<>(java);
            format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                    "-c", properties.toString()));
            // The SCRAM users go into the metadata log as it is created: no client could add them before one can log in.
            passwords.forEach((user, password) -> format.addAll(List.of("--add-scram",
                    ScramClientProperties.MECHANISM + "=[name=" + user + ",password=" + password + "]")));
            run(format, dir.resolve("format.log"));
            List<String> broker = new ArrayList<>(java);
            broker.addAll(List.of("kafka.Kafka", properties.toString()));
            KafkaProcess kafka = new KafkaProcess(dir, port, List.copyOf(broker), Map.copyOf(passwords));
            kafka.launch();
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the broker again after {@link #stop()} or {@link #kill()}: same port, same logs. */
    public void launch() {
        try {
            process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker", e);
        }
        awaitReady(Duration.ofSeconds(90));
    }

    /** A clean shutdown (SIGTERM: the broker closes its logs and leaves). */
    public void stop() {
        process.destroy();
        awaitExit();
    }

    /** A crash (SIGKILL: nothing is flushed or closed by the broker). */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** The broker process's id, -1 while it is not running. */
    public long pid() {
        return running() ? process.pid() : -1;
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> client = new HashMap<>(adminClientProperties());
        client.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        client.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4_000);
        try (Admin admin = Admin.create(client)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka broker exited with " + process.exitValue() + ": see " + dir.resolve("broker.log"));
                }
                try {
                    admin.describeCluster().nodes().get(4, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka broker not ready within " + timeout + ": see " + dir.resolve("broker.log"));
                    }
                }
            }
        }
    }

    private static void run(List<String> command, Path log) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("formatting the Kafka log directory failed: see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A fresh start: logs left by an earlier broker in the same directory belong to another cluster id. */
    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static int freePort() throws IOException {
        return FreePorts.next();
    }

    @Override
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public String kind() {
        return "child-process";
    }

    @Override
    public Optional<String> password(DeskPrincipal principal) {
        return Optional.ofNullable(passwords.get(principal.username()));
    }

    @Override
    public Map<String, Object> adminClientProperties() {
        Map<String, Object> properties = new HashMap<>();
        if (!passwords.isEmpty()) {
            properties.putAll(ScramClientProperties.of(SecuredInProcessKafka.ADMIN, passwords.get(SecuredInProcessKafka.ADMIN)));
        }
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return properties;
    }

    /**
     * The client listener's SCRAM login and the authorizer: the administrator is the super user, and so is the
     * controller listener's anonymous principal (loopback only, never advertised to a client), which the broker's own
     * registration with its controller uses.
     */
    private static String securedConfig(String adminPassword) {
        return String.join("\n",
                "sasl.enabled.mechanisms=" + ScramClientProperties.MECHANISM,
                "sasl.mechanism.inter.broker.protocol=" + ScramClientProperties.MECHANISM,
                "listener.name.plaintext." + ScramClientProperties.MECHANISM.toLowerCase(java.util.Locale.ROOT)
                        + ".sasl.jaas.config=" + ScramClientProperties.jaasConfig(SecuredInProcessKafka.ADMIN, adminPassword),
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "allow.everyone.if.no.acl.found=false",
                "super.users=User:" + SecuredInProcessKafka.ADMIN + ";User:ANONYMOUS");
    }

    @Override
    public void close() {
        if (running()) {
            stop();
        }
    }
}
