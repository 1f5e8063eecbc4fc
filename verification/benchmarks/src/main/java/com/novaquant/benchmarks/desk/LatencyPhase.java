package com.novaquant.benchmarks.desk;

import com.novaquant.localstack.DeskConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One measured rate of the desk benchmark and its report: the chain's latencies as the topics show them, Kafka's own
 * floor beside them, the hedge's timing and execution's stages from its histograms, and what each process used.
 *
 * @param observed      what the auditor read from the topics in the window
 * @param signalsAlone  signal decided -> read by a consumer of the signals topic alone, with Kafka's default long poll
 * @param signalsQuiet  the same, by a consumer in a process of its own that does nothing else
 * @param floor         Kafka's own two hops at the same rate with the services' settings, measured after the window
 * @param scrapes       each process's counters and histograms over the window, by process name
 * @param gcPauses      each service's GC pauses in the window (microseconds), by process name
 * @param safepoints    each service's safepoint operations in the window (microseconds), by process name
 * @param processes     CPU (% of one core) and resident memory (MiB) over the window, by process name
 */
record LatencyPhase(Kind kind, int offeredRate, int symbols, double seconds, TopicObserver.Window observed,
                    Percentiles signalsAlone, Percentiles signalsQuiet, Percentiles floor, Map<String, Scrape> scrapes,
                    Map<String, Percentiles> gcPauses, Map<String, Percentiles> safepoints,
                    Map<String, double[]> processes) {

    /** The rates a trader quotes, each with its targets. */
    enum Kind {
        REALISTIC("Realistic"), BUSY("Busy");

        final String title;

        Kind(String title) {
            this.title = title;
        }
    }

    static final String HARNESS = "harness (not the desk)";
    private static final String STAGES = "nova_execution_signal_stage_seconds";
    private static final List<String> STAGE_ORDER = List.of("decode", "consumed", "delivery", "wait", "exposure",
            "decide", "write_ahead", "dispatch");

    /** The execution stages the scrape holds, in the order a signal passes them, then any others. */
    List<String> stages() {
        List<String> stages = new ArrayList<>(STAGE_ORDER);
        execution().samples().keySet().stream().filter(s -> Scrape.name(s).equals(STAGES + "_count"))
                .map(s -> Scrape.label(s, "stage")).filter(s -> !stages.contains(s)).forEach(stages::add);
        return stages;
    }

    Scrape execution() {
        return scrape(DeskConfig.EXECUTION);
    }

    private Scrape scrape(String process) {
        return scrapes.getOrDefault(process, new Scrape(Map.of()));
    }

    /** Records lost on the way in: the simulator's undelivered frames, ingestion's refused and unacknowledged sends. */
    double drops() {
        return PeakSearch.recordsLost(scrape(DeskConfig.SIMULATOR), scrape(DeskConfig.INGESTION));
    }

    /** A histogram's quantile over the window, in ms; -1 without observations. */
    double histogramMs(String metric, Predicate<String> labels, double q) {
        double seconds = execution().quantile(metric, labels, q);
        return seconds < 0 ? -1 : seconds * 1000;
    }

    double legsAnsweredMs(double q) {
        return histogramMs("nova_execution_legs_answered_seconds", s -> true, q);
    }

    double slowerLegMs(double q) {
        return histogramMs("nova_execution_legs_slower_round_trip_seconds", s -> true, q);
    }

    /** Target lines: what was aimed at, what was measured, met or by how much it was missed. */
    List<String> targets() {
        List<String> lines = new ArrayList<>();
        Percentiles order = observed.tickToOrder;
        if (kind == Kind.REALISTIC) {
            lines.add(target("tick -> order p50 <= floor p50 + 5 ms", order.quantile(0.5) / 1000.0,
                    floor.quantile(0.5) / 1000.0 + 5));
            lines.add(target("tick -> order p99 <= floor p99 + 10 ms", order.quantile(0.99) / 1000.0,
                    floor.quantile(0.99) / 1000.0 + 10));
        } else {
            lines.add(target("tick -> order p99 <= 1.5 x floor p99", order.quantile(0.99) / 1000.0,
                    floor.quantile(0.99) * 1.5 / 1000.0));
        }
        lines.add(target("both legs answered p99 <= 1.2 x slower leg p99", legsAnsweredMs(0.99), slowerLegMs(0.99) * 1.2));
        gcPauses.forEach((process, pauses) -> lines.add(target("GC pause p99.9 < 1 ms, " + process,
                pauses.quantile(0.999) / 1000.0, 1.0)));
        lines.add(target("the desk resident < 3 GiB", deskRssMiB(), 3072));
        return lines;
    }

    private static String target(String what, double measured, double limit) {
        if (measured < 0 || limit < 0) {
            return String.format("| %s | n/a | | not measured |", what);
        }
        return String.format("| %s | %.2f | %.2f | %s |", what, measured, limit,
                measured <= limit ? "met" : String.format("missed by %.2f", measured - limit));
    }

    double deskRssMiB() {
        return processes.entrySet().stream().filter(e -> !e.getKey().equals(HARNESS))
                .mapToDouble(e -> e.getValue()[1]).sum();
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format("### %s: %,d book-ticker updates/s over %d symbols x 2 venues, %.0f s%n%n", kind.title,
                offeredRate, symbols, seconds));
        md.append(String.format("Quotes through Kafka: %,.0f /s; records lost on the way in: %.0f; undecodable: %d.%n%n",
                observed.quotes / observed.seconds, drops(), observed.undecodable));
        md.append("| figure | p50 | p99 | p99.9 | n |\n|---|---|---|---|---|\n");
        row(md, "feed lag (exchange event -> frame received)", observed.feedLag);
        row(md, "tick -> quote read from Kafka (ingestion + one hop)", observed.quoteHop);
        row(md, "funding update -> read from Kafka", observed.fundingHop);
        row(md, "tick -> signal decided", observed.tickToSignal);
        row(md, "newest input (quote or funding) -> signal decided", observed.triggerToSignal);
        row(md, "signal decided -> read by a consumer of the signals topic alone (Kafka's default long poll)", signalsAlone);
        row(md, "signal decided -> read by the same consumer in a quiet process of its own", signalsQuiet);
        row(md, "signal decided -> order sent", observed.signalToOrder);
        row(md, "**tick -> order sent**", observed.tickToOrder);
        row(md, "**Kafka's own two hops, services' settings, same rate (the floor)**", floor);
        histogramRow(md, "both legs answered (first request -> second answer)", "nova_execution_legs_answered_seconds");
        histogramRow(md, "the slower leg's own round trip", "nova_execution_legs_slower_round_trip_seconds");
        md.append("\n| target | measured (ms or MiB) | limit | |\n|---|---|---|---|\n");
        targets().forEach(line -> md.append(line).append('\n'));
        md.append("\nExecution's stages (`nova_execution_signal_stage_seconds`, from its histogram: to the bucket's width):\n\n"
                + "| stage | signals | p50 | p99 | mean |\n|---|---|---|---|---|\n");
        for (String stage : stages()) {
            Predicate<String> ofStage = s -> Scrape.label(s, "stage").equals(stage);
            double count = execution().count(STAGES, ofStage);
            double sum = execution().sum(STAGES + "_sum", ofStage);
            md.append(String.format("| %s | %.0f | %s | %s | %s |%n", stage, count, ms(histogramMs(STAGES, ofStage, 0.5)),
                    ms(histogramMs(STAGES, ofStage, 0.99)), count == 0 ? "n/a" : ms(sum / count * 1000)));
        }
        md.append("\n| process | CPU (% of one core) | RSS | GC pauses p50 / p99 / p99.9 / max | safepoints p99.9 |\n"
                + "|---|---|---|---|---|\n");
        processes.forEach((name, stats) -> {
            Percentiles gc = gcPauses.get(name);
            Percentiles sp = safepoints.get(name);
            md.append(String.format("| %s | %.0f %% | %.0f MiB | %s | %s |%n", name, stats[0], stats[1],
                    gc == null ? "" : gc.count() == 0 ? "none" : String.format("%s / %s / %s / %s", Percentiles.ms(gc.quantile(0.5)),
                            Percentiles.ms(gc.quantile(0.99)), Percentiles.ms(gc.quantile(0.999)), Percentiles.ms(gc.quantile(1))),
                    sp == null ? "" : Percentiles.ms(sp.quantile(0.999))));
        });
        md.append(String.format("| **the desk (all but the harness)** | | **%.0f MiB** | | |%n", deskRssMiB()));
        return md.toString();
    }

    private static void row(StringBuilder md, String what, Percentiles p) {
        md.append(String.format("| %s | %s | %s | %s | %d |%n", what, Percentiles.ms(p.quantile(0.5)),
                Percentiles.ms(p.quantile(0.99)), Percentiles.ms(p.quantile(0.999)), p.count()));
    }

    private void histogramRow(StringBuilder md, String what, String metric) {
        md.append(String.format("| %s (histogram) | %s | %s | %s | %.0f |%n", what, ms(histogramMs(metric, s -> true, 0.5)),
                ms(histogramMs(metric, s -> true, 0.99)), ms(histogramMs(metric, s -> true, 0.999)),
                execution().count(metric, s -> true)));
    }

    private static String ms(double ms) {
        return ms < 0 ? "n/a" : String.format("%.2f ms", ms);
    }

    String json() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("offeredRate", String.valueOf(offeredRate));
        parts.put("symbols", String.valueOf(symbols));
        parts.put("quotesPerSecond", String.format("%.1f", observed.quotes / observed.seconds));
        parts.put("drops", String.format("%.0f", drops()));
        parts.put("feedLag", latency(observed.feedLag));
        parts.put("tickToSignal", latency(observed.tickToSignal));
        parts.put("triggerToSignal", latency(observed.triggerToSignal));
        parts.put("signalReadAlone", latency(signalsAlone));
        parts.put("signalReadQuietProcess", latency(signalsQuiet));
        parts.put("signalToOrder", latency(observed.signalToOrder));
        parts.put("tickToOrder", latency(observed.tickToOrder));
        parts.put("kafkaFloor", latency(floor));
        parts.put("legsAnsweredMs", String.format("{\"p50\":%.3f,\"p99\":%.3f}", legsAnsweredMs(0.5), legsAnsweredMs(0.99)));
        parts.put("slowerLegMs", String.format("{\"p50\":%.3f,\"p99\":%.3f}", slowerLegMs(0.5), slowerLegMs(0.99)));
        List<String> stageParts = new ArrayList<>();
        for (String stage : stages()) {
            Predicate<String> ofStage = s -> Scrape.label(s, "stage").equals(stage);
            stageParts.add(String.format("\"%s\":{\"count\":%.0f,\"p50Ms\":%.3f,\"p99Ms\":%.3f}", stage,
                    execution().count(STAGES, ofStage), histogramMs(STAGES, ofStage, 0.5), histogramMs(STAGES, ofStage, 0.99)));
        }
        parts.put("executionStages", "{" + String.join(",", stageParts) + "}");
        List<String> processParts = new ArrayList<>();
        processes.forEach((name, stats) -> {
            Percentiles gc = gcPauses.getOrDefault(name, new Percentiles());
            processParts.add(String.format("\"%s\":{\"cpuPercent\":%.1f,\"rssMiB\":%.0f,\"gcPauseP999Micros\":%d}", name,
                    stats[0], stats[1], gc.quantile(0.999)));
        });
        parts.put("processes", "{" + String.join(",", processParts) + "}");
        parts.put("deskRssMiB", String.format("%.0f", deskRssMiB()));
        List<String> all = new ArrayList<>();
        parts.forEach((k, v) -> all.add("\"" + k + "\":" + v));
        return "{" + String.join(",", all) + "}";
    }

    private static String latency(Percentiles p) {
        return String.format("{\"count\":%d,\"p50Micros\":%d,\"p99Micros\":%d,\"p999Micros\":%d}", p.count(),
                p.quantile(0.5), p.quantile(0.99), p.quantile(0.999));
    }
}
