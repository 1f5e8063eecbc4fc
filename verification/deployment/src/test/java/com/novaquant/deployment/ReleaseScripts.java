package com.novaquant.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the release scripts of deploy/release/ as the workflow does, from the repository root. */
final class ReleaseScripts {

    record Result(int exitCode, String output) {
    }

    private ReleaseScripts() {
    }

    static Path script(String name) {
        return Repo.path("deploy/release/" + name);
    }

    /** Runs a script with an interpreter (sh for the POSIX ones, bash for the others) and extra environment. */
    static Result run(String interpreter, String name, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(interpreter, script(name).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(Repo.root().toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not finish: " + output);
        }
        return new Result(process.exitValue(), output);
    }
}
