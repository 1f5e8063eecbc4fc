package com.novaquant.support.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks that the kernel settings the desk is tuned for hold where it runs, before a service starts: the Helm chart's
 * {@code verify-node-tuning} init container runs it in the service's own image,
 * <pre>
 *   java -cp "/app/BOOT-INF/lib/*" com.novaquant.support.node.NodeTuningCheck \
 *     --node=fs.file-max=1000000 --pod=net.ipv4.tcp_rmem="4096 87380 16777216" --pod-unsafe=net.ipv4.tcp_fastopen=3 ...
 * </pre>
 * Each expectation names where the value is set, which is what an operator needs to fix it: {@code --node} (not
 * namespaced: the node bootstrap or the node-tuning DaemonSet), {@code --pod} (namespaced and safe: the pod's
 * securityContext.sysctls) and {@code --pod-unsafe} (namespaced, not on the kubelet's safe list). Values are read from
 * {@code --root} (default {@code /proc/sys}; a sysctl {@code a.b.c} is the file {@code a/b/c}) and compared by
 * {@link SysctlRule}. Exit 0 when every one holds; 1 with a report on standard error (and in
 * {@code --termination-log}, the container's termination message) naming each setting, its expected and actual value
 * and how to fix it; 2 for a wrong invocation. Plain Java, no Spring: it starts in well under a second. It prints
 * sysctl names and values only, never the environment.
 * <p>
 * {@code net.core.rmem_max} and {@code net.core.wmem_max} are global, and Linux before 6.10 does not show them in a
 * network namespace other than the host's: where their file is absent under the real {@code /proc/sys}, the check
 * reads the limit the kernel applies to a socket's buffer instead ({@link SocketBufferLimits}).
 */
public final class NodeTuningCheck {

    public static final Path PROC_SYS = Path.of("/proc/sys");
    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    /** The kubelet keeps at most 4096 bytes of a container's termination message. */
    static final int TERMINATION_MESSAGE_LIMIT = 4096;

    /** Larger than any sysctl's text (the longest are a few hundred bytes). */
    static final int READ_BUFFER = 64 * 1024;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-/]*");

    /** Where a setting is applied, and so how a wrong value is put right. */
    public enum Scope {
        NODE("--node", "node-level",
                "not namespaced, so no pod can set them: tune the node. The eksctl bootstrap writes them "
                        + "(preBootstrapCommands of the trading node group in deploy/eks/cluster.yaml; replace nodes made "
                        + "before it changed), or the chart's node-tuning DaemonSet does (helm upgrade ... --set "
                        + "nodeTuning.enabled=true); on a single host, install deploy/sysctl/99-nova-quant.conf."),
        POD("--pod", "namespaced",
                "set per pod by its securityContext.sysctls (chart values sysctls.safe; tcp_rmem and tcp_wmem are "
                        + "safe from Kubernetes 1.32): check the kubelet's version and the values, or let the privileged "
                        + "apply-sysctls init container write them (sysctls.apply.enabled=true)."),
        POD_UNSAFE("--pod-unsafe", "namespaced, unsafe",
                "namespaced but not on the kubelet's safe list: set sysctls.unsafeEnabled=true on nodes whose kubelet "
                        + "allows them (allowedUnsafeSysctls of the trading node group in deploy/eks/cluster.yaml), or "
                        + "let the privileged apply-sysctls init container write them (sysctls.apply.enabled=true, in a "
                        + "namespace that admits privileged pods).");

        private final String option;
        private final String label;
        private final String fix;

        Scope(String option, String label, String fix) {
            this.option = option;
            this.label = label;
            this.fix = fix;
        }

        public String option() {
            return option;
        }

        public String label() {
            return label;
        }

        public String fix() {
            return fix;
        }
    }

    /** One setting the desk is tuned for. */
    public record Expectation(String name, String value, Scope scope) {
        public SysctlRule rule() {
            return SysctlRule.of(name);
        }
    }

    /**
     * What the kernel shows for a setting: its value and where it was read, or why it could not be read (value null).
     */
    public record Reading(String value, String source, String problem) {
        static Reading of(String value, String source) {
            return new Reading(value, source, null);
        }

        static Reading unreadable(String problem) {
            return new Reading(null, null, problem);
        }
    }

    public record Finding(Expectation expectation, Reading reading) {
        public boolean holds() {
            return reading.value() != null && expectation.rule().holds(expectation.value(), reading.value());
        }
    }

    private final Path root;
    private final Function<String, OptionalLong> fallback;

    /**
     * @param root     the directory laid out like {@code /proc/sys}
     * @param fallback the value of a setting whose file is absent, where another way to read it exists
     */
    public NodeTuningCheck(Path root, Function<String, OptionalLong> fallback) {
        this.root = root;
        this.fallback = fallback;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Invocation invocation;
        try {
            invocation = Invocation.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("NodeTuningCheck: " + e.getMessage());
            err.println("usage: NodeTuningCheck [--root=DIR] [--termination-log=FILE] "
                    + "(--node|--pod|--pod-unsafe)=NAME=VALUE ...");
            return USAGE;
        }
        // Outside the real /proc/sys (a test's directory) nothing but the given tree is read.
        Function<String, OptionalLong> fallback = invocation.root().equals(PROC_SYS)
                ? SocketBufferLimits::limit : name -> OptionalLong.empty();
        List<Finding> findings = new NodeTuningCheck(invocation.root(), fallback).check(invocation.expectations());
        if (findings.stream().allMatch(Finding::holds)) {
            out.print(passed(findings, invocation.root()));
            out.flush();
            return PASSED;
        }
        String report = failed(findings, invocation.root());
        err.print(report);
        err.flush();
        if (invocation.terminationLog() != null) {
            try {
                Files.writeString(invocation.terminationLog(), terminationMessage(report), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("(could not write the termination message to " + invocation.terminationLog() + ": "
                        + e.getClass().getSimpleName() + ")");
            }
        }
        return FAILED;
    }

    public List<Finding> check(List<Expectation> expectations) {
        return expectations.stream().map(e -> new Finding(e, read(e.name()))).toList();
    }

    /** The kernel's value of a sysctl, whitespace as the kernel writes it. */
    public Reading read(String name) {
        Path file = file(name);
        try {
            return Reading.of(readWhole(file).strip(), file.toString());
        } catch (NoSuchFileException absent) {
            OptionalLong limit = fallback.apply(name);
            if (limit.isPresent()) {
                return Reading.of(Long.toString(limit.getAsLong()), SocketBufferLimits.source(name));
            }
            return Reading.unreadable(file + " does not exist (a setting this kernel does not have, or does not show "
                    + "in this network namespace)");
        } catch (AccessDeniedException denied) {
            return Reading.unreadable(file + " is not readable by this user");
        } catch (IOException e) {
            return Reading.unreadable(file + " could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The file's text, read with one large buffer: the kernel answers a numeric sysctl only to a read at offset 0 and
     * reports its files as empty, so a reader that sizes its first read by the file size (Files.readAllBytes: one byte,
     * then end of file at offset 1) would see "4" of "4194304".
     */
    static String readWhole(Path file) throws IOException {
        byte[] buffer = new byte[READ_BUFFER];
        int length = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while (length < buffer.length && (n = in.read(buffer, length, buffer.length - length)) > 0) {
                length += n;
            }
        }
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }

    /** sysctl(8)'s mapping: dots separate directories, a slash in a name stands for a dot in the file name. */
    Path file(String name) {
        StringBuilder relative = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            relative.append(c == '.' ? '/' : c == '/' ? '.' : c);
        }
        return root.resolve(relative.toString());
    }

    static String passed(List<Finding> findings, Path root) {
        StringBuilder text = new StringBuilder("Node tuning holds: ").append(findings.size())
                .append(" kernel settings as the desk is tuned (read from ").append(root).append(")\n");
        for (Finding finding : findings) {
            Expectation e = finding.expectation();
            text.append("  ").append(e.name()).append(" = ").append(SysctlRule.normalise(finding.reading().value()))
                    .append(" (expected ").append(e.rule().describe(e.value())).append(')');
            if (!finding.reading().source().startsWith(root.toString())) {
                text.append(", read from ").append(finding.reading().source());
            }
            text.append('\n');
        }
        return text.toString();
    }

    static String failed(List<Finding> findings, Path root) {
        List<Finding> wrong = findings.stream().filter(f -> !f.holds()).toList();
        StringBuilder text = new StringBuilder("Node tuning check failed: ").append(wrong.size()).append(" of ")
                .append(findings.size()).append(" kernel settings are not as the desk is tuned (read from ")
                .append(root).append("); this pod does not start until they are.\n");
        Map<Scope, Set<String>> byScope = new EnumMap<>(Scope.class);
        for (Finding finding : wrong) {
            Expectation e = finding.expectation();
            Reading reading = finding.reading();
            text.append("  ").append(e.name()).append(": expected ").append(e.rule().describe(e.value()))
                    .append(", actual ");
            if (reading.value() == null) {
                text.append("unreadable: ").append(reading.problem());
            } else {
                text.append(reading.value().isBlank() ? "(empty)" : SysctlRule.normalise(reading.value()));
                if (!reading.source().startsWith(root.toString())) {
                    text.append(" (read from ").append(reading.source()).append(')');
                }
            }
            text.append(" [").append(e.scope().label()).append("]\n");
            byScope.computeIfAbsent(e.scope(), s -> new LinkedHashSet<>()).add(e.name());
        }
        text.append("How to fix:\n");
        byScope.forEach((scope, names) -> text.append("  [").append(scope.label()).append("] ")
                .append(String.join(", ", names)).append(": ").append(scope.fix()).append('\n'));
        return text.toString();
    }

    static String terminationMessage(String report) {
        byte[] bytes = report.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= TERMINATION_MESSAGE_LIMIT) {
            return report;
        }
        String tail = "\n... (the whole report is in the container's log)\n";
        int keep = TERMINATION_MESSAGE_LIMIT - tail.length();
        return new String(bytes, 0, keep, StandardCharsets.UTF_8).replaceAll("\uFFFD$", "") + tail;
    }

    /** The command line: where to read, where to leave the termination message, and what to expect. */
    record Invocation(Path root, Path terminationLog, List<Expectation> expectations) {

        static Invocation parse(String[] args) {
            Path root = PROC_SYS;
            Path terminationLog = null;
            List<Expectation> expectations = new ArrayList<>();
            Set<String> names = new LinkedHashSet<>();
            for (String arg : args) {
                if (arg.startsWith("--root=")) {
                    root = Path.of(required(arg, "--root="));
                    continue;
                }
                if (arg.startsWith("--termination-log=")) {
                    terminationLog = Path.of(required(arg, "--termination-log="));
                    continue;
                }
                Expectation expectation = null;
                for (Scope scope : Scope.values()) {
                    if (arg.startsWith(scope.option() + "=")) {
                        expectation = expectation(required(arg, scope.option() + "="), scope);
                    }
                }
                if (expectation == null) {
                    throw new IllegalArgumentException("unknown argument " + arg);
                }
                if (!names.add(expectation.name())) {
                    throw new IllegalArgumentException(expectation.name() + " is expected twice");
                }
                expectations.add(expectation);
            }
            if (expectations.isEmpty()) {
                throw new IllegalArgumentException("no setting to check");
            }
            return new Invocation(root, terminationLog, List.copyOf(expectations));
        }

        private static Expectation expectation(String nameAndValue, Scope scope) {
            int eq = nameAndValue.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(scope.option() + " needs NAME=VALUE, got " + nameAndValue);
            }
            String name = nameAndValue.substring(0, eq).strip();
            String value = nameAndValue.substring(eq + 1).strip();
            // No empty segment: nothing resolves outside the root (a "." or ".." file name needs one).
            if (!NAME.matcher(name).matches() || List.of(name.split("[./]", -1)).contains("")) {
                throw new IllegalArgumentException("not a sysctl name: " + name);
            }
            if (value.isEmpty()) {
                throw new IllegalArgumentException(name + " has no expected value");
            }
            return new Expectation(name, value, scope);
        }

        private static String required(String arg, String prefix) {
            String value = arg.substring(prefix.length());
            if (value.isBlank()) {
                throw new IllegalArgumentException(prefix + " needs a value");
            }
            return value;
        }
    }
}
