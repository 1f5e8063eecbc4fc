package com.novaquant.benchmarks.desk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services' JVM logs of pauses ({@code gc-<pid>.log}: ZGC's stop-the-world phases; {@code safepoint-<pid>.log}:
 * every safepoint operation with the time to reach it), read for one window by marking where each file ended.
 */
final class JvmLogs {

    /** ZGC's stop-the-world phases, e.g. "GC(12) y: Pause Mark Start 0.011ms". */
    private static final Pattern GC_PAUSE = Pattern.compile("Pause [A-Za-z ]+ ([0-9.]+)ms");
    private static final Pattern SAFEPOINT_TOTAL = Pattern.compile("Total: (\\d+) ns");

    private final Path dir;

    JvmLogs(Path dir) {
        this.dir = dir;
    }

    /** JVM flags that make a service write the logs this class reads. */
    static List<String> flags(Path dir) {
        return List.of("-Xlog:safepoint:file=" + dir + "/safepoint-%p.log", "-Xlog:gc+phases=info:file=" + dir + "/gc-%p.log");
    }

    /** Where each log ends now: the start of a window. */
    Map<Path, Integer> mark() throws IOException {
        Map<Path, Integer> lines = new LinkedHashMap<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
                lines.put(file, Files.readAllLines(file).size());
            }
        }
        return lines;
    }

    /** One process's GC pauses since the mark, in microseconds. */
    Percentiles gcPauses(long pid, Map<Path, Integer> mark) throws IOException {
        return read(dir.resolve("gc-" + pid + ".log"), GC_PAUSE, mark, 0);
    }

    /** One process's safepoint operations since the mark (time to reach them included), in microseconds. */
    Percentiles safepoints(long pid, Map<Path, Integer> mark) throws IOException {
        return read(dir.resolve("safepoint-" + pid + ".log"), SAFEPOINT_TOTAL, mark, 1_000);
    }

    /** {@code nanosPerUnit} 1,000 reads nanoseconds, 0 reads milliseconds with a fraction. */
    private static Percentiles read(Path file, Pattern pattern, Map<Path, Integer> mark, long nanosPerUnit)
            throws IOException {
        Percentiles pauses = new Percentiles();
        if (!Files.exists(file)) {
            return pauses;
        }
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(Math.min(lines.size(), mark.getOrDefault(file, 0)), lines.size())) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                pauses.add(nanosPerUnit > 0 ? Long.parseLong(m.group(1)) / nanosPerUnit
                        : Math.round(Double.parseDouble(m.group(1)) * 1_000));
            }
        }
        return pauses;
    }
}
