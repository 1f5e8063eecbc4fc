package com.novaquant.backtest.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless: loads a page from a file, lets its scripts run and returns the DOM it ends with.
 * A missing Chromium fails the test instead of skipping it: CI installs the package ({@code .ci/run}).
 */
final class HeadlessChromium {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Each run's profile, page DOM and log live in a fresh temporary directory of this name, deleted after. */
    static final String WORK_DIR_PREFIX = "nq-report-chromium-";
    private static final Duration EXIT_WAIT = Duration.ofSeconds(10);
    private static final String MISSING = "Chromium is not installed: the HTML report's browser test needs Debian's "
            + "chromium package (apt-get install -y --no-install-recommends chromium); .ci/run installs it on CI";

    private HeadlessChromium() {
    }

    static Path executable() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of("/usr/bin"))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "chromium"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new AssertionError(MISSING));
    }

    /** The page's DOM once its scripts have run, as Chromium serializes it. */
    static String dumpDom(Path page) throws IOException, InterruptedException {
        return dumpDom(page, TIMEOUT);
    }

    /** As {@link #dumpDom(Path)}, giving up (and ending Chromium) after {@code timeout}. */
    static String dumpDom(Path page, Duration timeout) throws IOException, InterruptedException {
        Path chromium = executable();
        Path work = Files.createTempDirectory(WORK_DIR_PREFIX);
        try {
            Path profile = Files.createDirectory(work.resolve("profile"));
            Path dom = work.resolve("dom.html");
            Path log = work.resolve("chromium.log");
            List<String> command = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                    "--virtual-time-budget=5000", "--dump-dom", page.toUri().toString());
            // Both streams go to files: a pipe nobody reads would stall Chromium once a large DOM fills it.
            Process process = new ProcessBuilder(command).redirectOutput(dom.toFile()).redirectError(log.toFile())
                    .start();
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("Chromium did not finish within " + timeout.toSeconds()
                            + " s; the end of its log:\n" + tail(log));
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError("Chromium exited with " + process.exitValue()
                            + "; the end of its log:\n" + tail(log));
                }
                return Files.readString(dom, StandardCharsets.UTF_8);
            } finally {
                stop(process);
            }
        } finally {
            deleteTree(work);
        }
    }

    /**
     * Kills Chromium's own processes (renderer, GPU, zygote) and Chromium, children first while they are still its
     * descendants, then waits for each to be gone so the profile can be deleted.
     */
    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> family = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        family.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + EXIT_WAIT.toNanos();
        for (ProcessHandle member : family) {
            try {
                member.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // already sent SIGKILL; the profile's deletion below reports anything it could not remove
            }
        }
    }

    private static String tail(Path log) throws IOException {
        String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
