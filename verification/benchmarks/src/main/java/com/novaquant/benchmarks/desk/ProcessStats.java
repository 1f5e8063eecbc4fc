package com.novaquant.benchmarks.desk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** CPU time and resident memory of a Linux process, from /proc. */
record ProcessStats(long cpuTicks, long rssKb) {

    private static final double TICKS_PER_SECOND = 100.0;

    static ProcessStats of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            long rss = Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                    .findFirst().orElse(0);
            return new ProcessStats(ticks, rss);
        } catch (IOException | RuntimeException e) {
            return new ProcessStats(0, 0);
        }
    }

    /**
     * A process and its descendants (PostgreSQL: the postmaster and its backends), memory as proportional set size
     * so that the shared buffers every backend maps count once.
     */
    static ProcessStats ofTree(long pid) {
        if (pid < 0) {
            return new ProcessStats(0, 0);
        }
        List<Long> pids = new ArrayList<>(List.of(pid));
        ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
        long ticks = 0;
        long pss = 0;
        for (long p : pids) {
            ticks += of(p).cpuTicks();
            pss += pssKb(p);
        }
        return new ProcessStats(ticks, pss);
    }

    private static long pssKb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "smaps_rollup")).stream()
                    .filter(l -> l.startsWith("Pss:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                    .findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Share of one core used between two readings. */
    static double cpuPercent(ProcessStats before, ProcessStats after, double seconds) {
        return (after.cpuTicks - before.cpuTicks) / TICKS_PER_SECOND / seconds * 100.0;
    }
}
