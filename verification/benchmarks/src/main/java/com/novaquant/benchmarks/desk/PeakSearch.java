package com.novaquant.benchmarks.desk;

import com.novaquant.events.Topics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The highest feed rate the desk sustains: the simulator's rate is stepped up, each step held for a while, until a step
 * loses a record, lags the feed (p99 of ingestion's own lag histogram) past the warning threshold, or falls short of
 * its rate (the simulator or ingestion cannot keep up). The peak is the last step that passed, at its measured rate.
 */
final class PeakSearch {

    /** The lag warning threshold (ingestion's alert rule): a step lagging more at p99 does not count as sustained. */
    static final double LAG_LIMIT_MS = 200;
    /** Below this share of its offered rate a step is not sustained: the source or the desk fell behind. */
    static final double MIN_DELIVERED = 0.95;

    /** One step: offered and measured rates (updates/s), records lost, feed lag p99 (ms), and the verdict. */
    record Step(int offered, double received, double published, double drops, double lagP99Ms, String verdict) {

        boolean passed() {
            return verdict.equals("sustained");
        }
    }

    /** The window's readings of the simulator and ingestion. */
    record Reading(Scrape simulator, Scrape ingestion) {
    }

    private PeakSearch() {
    }

    /**
     * @param setRate   sets the offered total rate (updates/s)
     * @param read      reads the simulator and ingestion now
     * @param settleMs  how long each step runs before it is measured
     * @param windowMs  how long each step is measured
     */
    static List<Step> run(int from, int step, int to, IntConsumer setRate, Supplier<Reading> read, long settleMs,
                          long windowMs) throws InterruptedException {
        List<Step> steps = new ArrayList<>();
        for (int rate = from; rate <= to; rate += step) {
            setRate.accept(rate);
            Thread.sleep(settleMs);
            Reading before = read.get();
            long t0 = System.nanoTime();
            Thread.sleep(windowMs);
            Reading after = read.get();
            double seconds = (System.nanoTime() - t0) / 1e9;
            Step measured = measure(rate, after.simulator().minus(before.simulator()),
                    after.ingestion().minus(before.ingestion()), seconds);
            System.out.printf("[bench] peak step %,d/s: received %,.0f/s, published %,.0f/s, lost %.0f, lag p99 %.1f ms: %s%n",
                    rate, measured.received(), measured.published(), measured.drops(), measured.lagP99Ms(), measured.verdict());
            steps.add(measured);
            if (!measured.passed()) {
                break;
            }
        }
        return steps;
    }

    static Step measure(int offered, Scrape simulator, Scrape ingestion, double seconds) {
        double received = ingestion.sum("nova_ingestion_messages_total", s -> s.contains("bookTicker")) / seconds;
        double published = ingestion.count("nova_ingestion_publish_latency_seconds", s -> s.contains("\"" + Topics.QUOTES + "\"")) / seconds;
        double drops = recordsLost(simulator, ingestion);
        double lagSeconds = ingestion.quantile("nova_ingestion_lag_seconds", s -> s.contains("book_ticker"), 0.99);
        double lagMs = lagSeconds < 0 ? -1 : lagSeconds * 1000;
        String verdict;
        if (drops > 0) {
            verdict = String.format("not sustained: %.0f records lost", drops);
        } else if (lagMs < 0 || lagMs >= LAG_LIMIT_MS) {
            verdict = lagMs < 0 ? "not sustained: no lag measured" : String.format("not sustained: lag p99 %.0f ms", lagMs);
        } else if (published < offered * MIN_DELIVERED) {
            verdict = String.format("not sustained: %.0f%% of the offered rate published", published / offered * 100);
        } else {
            verdict = "sustained";
        }
        return new Step(offered, received, published, drops, lagMs, verdict);
    }

    /** Records lost on the way in: the simulator's undelivered frames, ingestion's refused and unacknowledged sends. */
    static double recordsLost(Scrape simulator, Scrape ingestion) {
        return simulator.sum("nova_simulator_frames_dropped_total") + ingestion.sum("nova_ingestion_kafka_dropped_total")
                + ingestion.sum("nova_ingestion_kafka_send_errors_total");
    }

    /** The last sustained step, or null when none was. */
    static Step peak(List<Step> steps) {
        Step peak = null;
        for (Step s : steps) {
            if (s.passed()) {
                peak = s;
            }
        }
        return peak;
    }

    static String markdown(List<Step> steps, int symbols, long windowMs) {
        StringBuilder md = new StringBuilder();
        Step peak = peak(steps);
        md.append(String.format("### Peak: stepping the feed up over %d symbols x 2 venues, %d s a step%n%n", symbols, windowMs / 1000));
        md.append(peak == null ? "No step was sustained.\n\n" : String.format(
                "**Peak sustained: %,.0f updates/s published into Kafka, 0 lost, feed lag p99 %.1f ms** (target: >= 50,000/s, p99 < 200 ms: %s).%n%n",
                peak.published(), peak.lagP99Ms(), peak.published() >= 50_000 ? "met"
                        : String.format("missed by %,.0f/s", 50_000 - peak.published())));
        // The search ends early only on a step that failed: a last step sustained is its ceiling, not the desk's limit.
        if (peak != null && peak == steps.getLast()) {
            md.append(String.format("The search stopped at its ceiling (%,d/s) with the step sustained: the desk's limit is"
                    + " higher (--peak-to).%n%n", peak.offered()));
        }
        md.append("| offered /s | received /s | published /s | lost | feed lag p99 (histogram) | verdict |\n|---|---|---|---|---|---|\n");
        for (Step s : steps) {
            md.append(String.format("| %,d | %,.0f | %,.0f | %.0f | %s | %s |%n", s.offered(), s.received(), s.published(),
                    s.drops(), s.lagP99Ms() < 0 ? "n/a" : String.format("%.1f ms", s.lagP99Ms()), s.verdict()));
        }
        return md.toString();
    }

    static String json(List<Step> steps) {
        List<String> parts = new ArrayList<>();
        for (Step s : steps) {
            parts.add(String.format("{\"offered\":%d,\"received\":%.1f,\"published\":%.1f,\"drops\":%.0f,\"lagP99Ms\":%.2f,\"sustained\":%s}",
                    s.offered(), s.received(), s.published(), s.drops(), s.lagP99Ms(), s.passed()));
        }
        Step peak = peak(steps);
        return String.format("{\"peakPublishedPerSecond\":%s,\"steps\":[%s]}", peak == null ? "null"
                : String.format("%.1f", peak.published()), String.join(",", parts));
    }
}
