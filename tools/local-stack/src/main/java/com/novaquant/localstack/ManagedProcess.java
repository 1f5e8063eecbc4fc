package com.novaquant.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A child JVM whose output is streamed with a prefix, and which is stopped gracefully (SIGTERM, then SIGKILL). */
final class ManagedProcess implements AutoCloseable {

    private static final String[] COLOURS = {"\u001b[36m", "\u001b[32m", "\u001b[33m", "\u001b[35m", "\u001b[34m", "\u001b[31m"};
    private static final String RESET = "\u001b[0m";
    private static int nextColour;

    private final ServiceSpec spec;
    private final Process process;

    private ManagedProcess(ServiceSpec spec, Process process) {
        this.spec = spec;
        this.process = process;
    }

    static ManagedProcess start(ServiceSpec spec, Path javaHome, List<String> jvmOptions, Path logDir, PrintStream console,
                                boolean colour) {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.addAll(jvmOptions);
        command.add("-Xms" + spec.heapMb() + "m");
        command.add("-Xmx" + spec.heapMb() + "m");
        command.add("-jar");
        command.add(spec.jar().toString());
        command.add("--server.port=" + spec.port());
        command.addAll(spec.args());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(spec.env());
        try {
            Process process = builder.start();
            String prefix = String.format("%-10s|", spec.name());
            String coloured = colour ? COLOURS[nextColour++ % COLOURS.length] + prefix + RESET + " " : prefix + " ";
            Path logFile = logDir.resolve(spec.name() + ".log");
            Thread.ofVirtual().name("log-" + spec.name()).start(() -> pump(process, coloured, logFile, console));
            return new ManagedProcess(spec, process);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + spec.name(), e);
        }
    }

    private static void pump(Process process, String prefix, Path logFile, PrintStream console) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintStream log = new PrintStream(java.nio.file.Files.newOutputStream(logFile), true, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                log.println(line);
                console.println(prefix + line);
            }
        } catch (IOException ignored) {
            // the process went away; its exit is reported by the desk
        }
    }

    ServiceSpec spec() {
        return spec;
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    int exitCode() {
        return process.exitValue();
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
