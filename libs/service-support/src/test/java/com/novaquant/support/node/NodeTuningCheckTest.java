package com.novaquant.support.node;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The verifier against a directory laid out like /proc/sys, written the way the kernel writes its values. */
class NodeTuningCheckTest {

    /** The desk's tuning (deploy/sysctl/99-nova-quant.conf), with the scope the chart gives each. */
    static final Map<String, String> NODE = Map.of("fs.file-max", "1000000", "net.core.rmem_max", "16777216",
            "net.core.wmem_max", "16777216");
    static final Map<String, String> POD = Map.of("net.ipv4.ip_local_port_range", "1024 65535",
            "net.ipv4.tcp_rmem", "4096 87380 16777216", "net.ipv4.tcp_wmem", "4096 65536 16777216",
            "net.ipv4.tcp_keepalive_time", "300", "net.ipv4.tcp_keepalive_probes", "5",
            "net.ipv4.tcp_keepalive_intvl", "15");
    static final Map<String, String> POD_UNSAFE = Map.of("net.ipv4.tcp_fastopen", "3");

    @TempDir
    Path root;
    @TempDir
    Path work;
    Path terminationLog;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void aWellTunedNode() throws IOException {
        terminationLog = Files.createFile(work.resolve("termination-log"));
        Map<String, String> all = new LinkedHashMap<>(NODE);
        all.putAll(POD);
        all.putAll(POD_UNSAFE);
        // The kernel separates the fields of a multi-value setting with tabs and ends the line with a newline.
        all.forEach((name, value) -> kernel(name, value.replace(' ', '\t') + "\n"));
    }

    @Test
    void aWellTunedNodePassesWithExitZeroAndSaysWhatItRead() {
        int exit = run(args());

        assertThat(exit).as(err()).isZero();
        assertThat(err()).isEmpty();
        assertThat(out()).contains("Node tuning holds: 10 kernel settings")
                .contains("net.ipv4.tcp_rmem = 4096 87380 16777216 (expected at least 4096 87380 16777216 (each field))")
                .contains("fs.file-max = 1000000 (expected at least 1000000)")
                .contains("net.ipv4.tcp_keepalive_time = 300 (expected 300)");
        assertThat(terminationLog).isEmptyFile();
    }

    @Test
    void aWrongNodeLevelValueFailsNamingTheSettingBothValuesAndTheNodeFix() throws IOException {
        kernel("net.core.rmem_max", "212992\n");

        int exit = run(args());

        assertThat(exit).isEqualTo(1);
        assertThat(out()).isEmpty();
        assertThat(err()).contains("Node tuning check failed: 1 of 10 kernel settings")
                .contains("net.core.rmem_max: expected at least 16777216, actual 212992 [node-level]")
                .contains("How to fix:")
                .contains("[node-level] net.core.rmem_max: not namespaced")
                .contains("deploy/eks/cluster.yaml", "nodeTuning.enabled=true")
                .doesNotContain("net.core.wmem_max:", "sysctls.unsafeEnabled");
        // The same report is the container's termination message (kubectl describe pod shows it).
        assertThat(Files.readString(terminationLog)).isEqualTo(err());
    }

    @Test
    void aWrongNamespacedValueNamesThePodRoutes() {
        kernel("net.ipv4.tcp_fastopen", "1\n");
        kernel("net.ipv4.tcp_keepalive_time", "7200\n");

        assertThat(run(args())).isEqualTo(1);

        assertThat(err()).contains("2 of 10")
                .contains("net.ipv4.tcp_fastopen: expected 3 (every bit of 0x3 set), actual 1 [namespaced, unsafe]")
                .contains("net.ipv4.tcp_keepalive_time: expected 300, actual 7200 [namespaced]")
                .contains("[namespaced, unsafe] net.ipv4.tcp_fastopen: ", "sysctls.unsafeEnabled=true",
                        "allowedUnsafeSysctls", "sysctls.apply.enabled=true")
                .contains("[namespaced] net.ipv4.tcp_keepalive_time: ", "securityContext.sysctls");
    }

    @Test
    void aMissingFileIsReportedAsUnreadableWithItsPath() throws IOException {
        Files.delete(root.resolve("fs/file-max"));

        assertThat(run(args())).isEqualTo(1);

        assertThat(err()).contains("fs.file-max: expected at least 1000000, actual unreadable: "
                + root.resolve("fs/file-max") + " does not exist").contains("[node-level] fs.file-max");
    }

    @Test
    void multiValueSettingsCompareFieldByFieldWhateverTheWhitespace() {
        kernel("net.ipv4.tcp_rmem", "4096 \t 87380\t\t16777216\n");
        kernel("net.ipv4.tcp_wmem", "4096\t65536\t33554432\n");
        kernel("net.ipv4.ip_local_port_range", "1024\t65535\n");
        assertThat(run(args())).as(err()).isZero();

        kernel("net.ipv4.tcp_wmem", "4096\t65536\n");
        kernel("net.ipv4.tcp_rmem", "4096\t87380\t6291456\n");
        assertThat(run(args())).isEqualTo(1);
        assertThat(err()).contains("net.ipv4.tcp_rmem: expected at least 4096 87380 16777216 (each field), "
                + "actual 4096 87380 6291456").contains("net.ipv4.tcp_wmem: expected at least 4096 65536 16777216 "
                + "(each field), actual 4096 65536 [namespaced]");
    }

    @Test
    void moreThanAskedIsFineWhereMoreIsNeverWorse() {
        kernel("fs.file-max", "9223372036854775807\n");
        kernel("net.core.wmem_max", "67108864\n");
        kernel("net.ipv4.ip_local_port_range", "1000\t65535\n");
        kernel("net.ipv4.tcp_fastopen", "1027\n");

        assertThat(run(args())).as(err()).isZero();
    }

    @Test
    void theFallbackReadsALimitWhoseFileAPodCannotSee() throws IOException {
        Files.delete(root.resolve("net/core/rmem_max"));
        Files.delete(root.resolve("net/core/wmem_max"));
        List<NodeTuningCheck.Expectation> expectations = expectations();

        NodeTuningCheck tuned = new NodeTuningCheck(root, name -> OptionalLong.of(16777216));
        assertThat(tuned.check(expectations)).allMatch(NodeTuningCheck.Finding::holds);
        assertThat(NodeTuningCheck.passed(tuned.check(expectations), root))
                .contains("net.core.rmem_max = 16777216 (expected at least 16777216), read from the kernel's cap on SO_RCVBUF");

        NodeTuningCheck untuned = new NodeTuningCheck(root, name -> OptionalLong.of(212992));
        String report = NodeTuningCheck.failed(untuned.check(expectations), root);
        assertThat(report).contains("net.core.wmem_max: expected at least 16777216, actual 212992 (read from the "
                + "kernel's cap on SO_SNDBUF");
    }

    @Test
    void theSocketBufferCapIsTheLimitTheProcFileShows() throws IOException {
        Path rmemMax = Path.of("/proc/sys/net/core/rmem_max");
        Path wmemMax = Path.of("/proc/sys/net/core/wmem_max");
        assumeTrue(Files.isReadable(rmemMax) && Files.isReadable(wmemMax), "a Linux host that shows net.core.*mem_max");

        assertThat(SocketBufferLimits.limit("net.core.rmem_max"))
                .hasValue(Long.parseLong(NodeTuningCheck.readWhole(rmemMax).strip()));
        assertThat(SocketBufferLimits.limit("net.core.wmem_max"))
                .hasValue(Long.parseLong(NodeTuningCheck.readWhole(wmemMax).strip()));
        assertThat(SocketBufferLimits.limit("fs.file-max")).isEmpty();
    }

    @Test
    void aWrongInvocationExitsTwoWithTheUsage() {
        assertThat(run(new String[0])).isEqualTo(2);
        assertThat(err()).contains("no setting to check", "usage:");
        assertThat(run(new String[] {"--node=fs.file-max"})).isEqualTo(2);
        assertThat(run(new String[] {"--nodes=fs.file-max=1"})).isEqualTo(2);
        assertThat(run(new String[] {"--node=fs.file-max=1", "--pod=fs.file-max=2"})).isEqualTo(2);
        assertThat(run(new String[] {"--node=fs.file-max="})).isEqualTo(2);
        // Nothing outside the root is ever read.
        assertThat(run(new String[] {"--root=" + root, "--node=fs..passwd=1"})).isEqualTo(2);
        assertThat(run(new String[] {"--root=" + root, "--node=fs.//=1"})).isEqualTo(2);
        assertThat(run(new String[] {"--root=" + root, "--node=/etc.passwd=1"})).isEqualTo(2);
        assertThat(err()).contains("not a sysctl name");
    }

    /** The real /proc/sys: a numeric value is read whole (a read sized by the file's reported size gets one digit). */
    @Test
    void theRealProcSysIsReadWhole() throws IOException {
        Path fileMax = Path.of("/proc/sys/fs/file-max");
        assumeTrue(Files.isReadable(fileMax), "a Linux host");

        NodeTuningCheck.Reading reading = new NodeTuningCheck(NodeTuningCheck.PROC_SYS, name -> OptionalLong.empty())
                .read("fs.file-max");

        assertThat(reading.value()).isEqualTo(Files.readAllLines(fileMax).get(0).strip()).hasSizeGreaterThan(1);
        assertThat(reading.source()).isEqualTo("/proc/sys/fs/file-max");
    }

    @Test
    void aSlashInANameIsADotInTheFileNameAsInSysctl() {
        NodeTuningCheck check = new NodeTuningCheck(root, name -> OptionalLong.empty());

        assertThat(check.file("net.ipv4.conf.eth0/100.rp_filter"))
                .isEqualTo(root.resolve("net/ipv4/conf/eth0.100/rp_filter"));
    }

    @Test
    void theTerminationMessageStaysWithinWhatTheKubeletKeeps() {
        List<String> args = new ArrayList<>(List.of("--root=" + root, "--termination-log=" + terminationLog));
        for (int i = 0; i < 200; i++) {
            args.add("--node=kernel.absent_setting_" + i + "=1");
        }
        assertThat(run(args.toArray(String[]::new))).isEqualTo(1);

        assertThat(err().getBytes(StandardCharsets.UTF_8).length).isGreaterThan(NodeTuningCheck.TERMINATION_MESSAGE_LIMIT);
        String message = readString(terminationLog);
        assertThat(message.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(NodeTuningCheck.TERMINATION_MESSAGE_LIMIT);
        assertThat(message).startsWith("Node tuning check failed: 200 of 200").endsWith("container's log)\n");
    }

    /** It runs on its own classes and the JDK: no Spring, no other jar (the image's classpath holds them all). */
    @Test
    void itRunsWithNothingButItsOwnClassesOnTheClasspath() throws Exception {
        CodeSource classes = NodeTuningCheck.class.getProtectionDomain().getCodeSource();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:TieredStopAtLevel=1", "-cp",
                Path.of(classes.getLocation().toURI()).toString(), NodeTuningCheck.class.getName()));
        command.addAll(List.of(args()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).startsWith("Node tuning holds: 10 kernel settings");
    }

    private String[] args() {
        List<String> args = new ArrayList<>(List.of("--root=" + root, "--termination-log=" + terminationLog));
        expectations().forEach(e -> args.add(e.scope().option() + "=" + e.name() + "=" + e.value()));
        return args.toArray(String[]::new);
    }

    private static List<NodeTuningCheck.Expectation> expectations() {
        List<NodeTuningCheck.Expectation> expectations = new ArrayList<>();
        NODE.forEach((n, v) -> expectations.add(new NodeTuningCheck.Expectation(n, v, NodeTuningCheck.Scope.NODE)));
        POD.forEach((n, v) -> expectations.add(new NodeTuningCheck.Expectation(n, v, NodeTuningCheck.Scope.POD)));
        POD_UNSAFE.forEach((n, v) -> expectations.add(
                new NodeTuningCheck.Expectation(n, v, NodeTuningCheck.Scope.POD_UNSAFE)));
        return expectations;
    }

    private int run(String[] args) {
        out.reset();
        err.reset();
        return NodeTuningCheck.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private void kernel(String name, String content) {
        Path file = root.resolve(name.replace('.', '/'));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
