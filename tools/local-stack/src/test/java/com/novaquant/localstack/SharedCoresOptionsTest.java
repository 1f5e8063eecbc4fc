package com.novaquant.localstack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SharedCoresOptionsTest {

    @Test
    void onlyRootGetsThePriorityPolicy() {
        assertThat(Desk.sharedCoresOptions(true)).containsExactly("-XX:ThreadPriorityPolicy=1");
        assertThat(Desk.sharedCoresOptions(false)).isEmpty();
        assertThat(Desk.runsAsRoot()).isEqualTo("root".equals(System.getProperty("user.name")));
    }

    /** A child JVM started with the desk's flags runs its pause and GC threads above its application threads. */
    @Test
    void theChildJvmRaisesItsOwnThreads() throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-XX:+UseZGC"));
        command.addAll(Desk.sharedCoresOptions(Desk.runsAsRoot()));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Sleeper.class.getName()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            Map<String, Integer> nice = awaitThreads(child.pid(), "VM Thread", "ZDriverMinor", "java");
            int expectedRaise = Desk.runsAsRoot() ? -4 : 0;
            assertThat(nice.get("VM Thread")).isEqualTo(expectedRaise);
            assertThat(nice.get("ZDriverMinor")).isEqualTo(expectedRaise);
            // The launcher thread running main(): an application thread, left at the default.
            assertThat(nice.get("java")).isZero();
        } finally {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Thread name -> nice value, from /proc, once every wanted thread exists. */
    private static Map<String, Integer> awaitThreads(long pid, String... wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            Map<String, Integer> nice = new HashMap<>();
            try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        // Fields after the name: state is the 3rd of stat(5), nice the 19th.
                        String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        nice.put(name, Integer.parseInt(rest[16]));
                    } catch (IOException e) {
                        // a thread that ended meanwhile
                    }
                }
            }
            if (nice.keySet().containsAll(List.of(wanted))) {
                return nice;
            }
            assertThat(System.nanoTime()).as("threads %s in %s", List.of(wanted), nice.keySet()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The child: its threads are looked at, then it is killed. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(60_000);
        }
    }
}
