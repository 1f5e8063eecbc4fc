package com.novaquant.backtest;

import com.novaquant.backtest.sweep.SweepOutcome;
import com.novaquant.backtest.sweep.SweepReport;
import com.novaquant.backtest.sweep.SweepSlice;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * {@code sweep-report}: gathers the slice files into {@code sweep.md} and {@code sweep.json}, waiting up to
 * {@code --wait} for slices still running elsewhere.
 */
final class SweepReportCommand {

    static final Set<String> OPTIONS = Set.of("in", "slices", "out", "wait");
    private static final Duration POLL = Duration.ofSeconds(5);

    private SweepReportCommand() {
    }

    static int run(String[] args, PrintStream out) throws Exception {
        Options options = new Options("sweep-report", args, 1, OPTIONS);
        Path in = Path.of(options.required("in"));
        int slices = options.whole("slices", 1);
        if (slices < 1) {
            throw new Options.UsageException("sweep-report: --slices is at least 1");
        }
        Duration wait = duration(options.text("wait", "PT0S"));
        long deadline = System.nanoTime() + wait.toNanos();
        while (!allThere(in, slices) && System.nanoTime() < deadline) {
            Thread.sleep(Math.min(POLL.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        }
        List<SweepOutcome> outcomes = SweepReport.gather(in, slices);
        List<Path> files = SweepReport.write(Path.of(options.text("out", in.toString())), outcomes);
        SweepOutcome best = SweepReport.ranked(outcomes).getFirst();
        out.printf("Sweep of %d points gathered from %d slices; best APR %.2f %% at point %d (%s)%n  %s%n  %s%n",
                outcomes.size(), slices, best.totals().apr() * 100, best.point().index(), best.point(), files.get(0),
                files.get(1));
        return 0;
    }

    private static boolean allThere(Path in, int slices) {
        for (int slice = 0; slice < slices; slice++) {
            if (!Files.exists(in.resolve(SweepSlice.fileName(slice, slices)))) {
                return false;
            }
        }
        return true;
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new Options.UsageException("sweep-report: --wait is an ISO-8601 duration like PT2H, not '" + text + "'");
        }
    }
}
