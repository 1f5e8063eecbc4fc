package com.novaquant.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * What the suite proved, one row per scenario, printed at the end of the run and written to
 * {@code target/resilience-summary.md} and {@code .json}. A row is added when its scenario has finished, with PASS
 * only when every assertion of the scenario held; a failed scenario still gets its row (FAIL and the reason).
 */
final class SummaryTable {

    /**
     * @param scenario         what was done
     * @param fault            the fault injected
     * @param result           PASS, or FAIL with the broken assertion
     * @param ordersSent       orders the exchange received during the scenario (its own journal)
     * @param duplicates       client order ids placed on the exchange more than once (must be 0)
     * @param nakedMs          longest time one leg stood without its hedge, from the exchange's journal; -1 if the
     *                         scenario trades nothing
     * @param nakedDeadlineMs  the configured bound for it
     * @param alertsExpected   alerts the scenario must deliver to Telegram
     * @param alertsDelivered  of those, delivered (each exactly once)
     */
    record Row(String scenario, String fault, String result, int ordersSent, int duplicates, long nakedMs,
               long nakedDeadlineMs, int alertsExpected, int alertsDelivered) {
    }

    private final List<Row> rows = new CopyOnWriteArrayList<>();

    void add(Row row) {
        rows.add(row);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("| scenario | injected fault | result | orders sent | duplicates | naked-leg time (deadline) | alerts expected / delivered |\n");
        md.append("|---|---|---|---:|---:|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(r.scenario()).append(" | ").append(r.fault()).append(" | ").append(r.result())
                    .append(" | ").append(r.ordersSent()).append(" | ").append(r.duplicates()).append(" | ")
                    .append(r.nakedMs() < 0 ? "n/a" : r.nakedMs() + " ms (" + r.nakedDeadlineMs() + " ms)")
                    .append(" | ").append(r.alertsExpected()).append(" / ").append(r.alertsDelivered()).append(" |\n");
        }
        long passed = rows.stream().filter(r -> r.result().equals("PASS")).count();
        md.append(String.format(Locale.ROOT, "%n%d of %d scenarios passed; duplicates found: %d; longest naked leg: %d ms.%n",
                passed, rows.size(), rows.stream().mapToInt(Row::duplicates).sum(),
                rows.stream().mapToLong(Row::nakedMs).max().orElse(0)));
        return md.toString();
    }

    String json() {
        return rows.stream().map(r -> String.format(Locale.ROOT,
                "{\"scenario\":%s,\"fault\":%s,\"result\":%s,\"ordersSent\":%d,\"duplicates\":%d,\"nakedMs\":%d,"
                        + "\"nakedDeadlineMs\":%d,\"alertsExpected\":%d,\"alertsDelivered\":%d}",
                quote(r.scenario()), quote(r.fault()), quote(r.result()), r.ordersSent(), r.duplicates(), r.nakedMs(),
                r.nakedDeadlineMs(), r.alertsExpected(), r.alertsDelivered()))
                .collect(Collectors.joining(",\n  ", "[\n  ", "\n]\n"));
    }

    void write(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("resilience-summary.md"), markdown());
            Files.writeString(dir.resolve("resilience-summary.json"), json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
    }
}
