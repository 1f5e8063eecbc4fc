package com.novaquant.backtest;

import com.novaquant.backtest.report.BacktestReport;
import com.novaquant.backtest.report.JsonReport;
import com.novaquant.history.DemoCoin;
import com.novaquant.history.DemoData;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The tool as a user runs it: commands, options, exit codes and the files it leaves. */
class BacktestCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void theDemoWritesItsHistoryAndReportsInEveryFormatWithTotalsThatAddUp(@TempDir Path dir) throws Exception {
        assertThat(run("demo", "--dir", dir.toString())).isZero();

        assertThat(stdout()).contains("Demo history written").contains("net PnL").contains("demo.html");
        Path report = dir.resolve("report");
        BacktestReport read = JsonReport.read(Files.readString(report.resolve("demo.json")));
        assertThat(read.pairs()).isNotEmpty();
        BigDecimal sum = read.pairs().stream().map(BacktestReport.PairResult::netPnl)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(read.totals().netPnl()).isEqualByComparingTo(sum);
        assertThat(read.totals().endingEquity()).isEqualByComparingTo(read.totals().startingCapital().add(sum));
        assertThat(read.totals().fundingPnl().signum()).as("the demo's rich symbols pay funding").isPositive();
        assertThat(Files.readString(report.resolve("demo.html"))).contains("chart-equity", "chart-funding",
                "chart-positions");
        assertThat(Files.readString(report.resolve("demo.md"))).contains("## Pairs");
    }

    @Test
    void aSecondDemoReusesItsHistoryAndReportsTheSameFigures(@TempDir Path dir) throws Exception {
        run("demo", "--dir", dir.toString());
        String first = Files.readString(dir.resolve("report/demo.json"));
        out.reset();

        assertThat(run("demo", "--dir", dir.toString())).isZero();

        assertThat(stdout()).doesNotContain("Demo history written");
        assertThat(Files.readString(dir.resolve("report/demo.json"))).isEqualTo(first);
    }

    @Test
    void aMisspelledOptionIsAUsageErrorNamingIt(@TempDir Path dir) {
        assertThat(run("demo", "--dir", dir.toString(), "--entyr", "0.2")).isEqualTo(2);
        assertThat(stderr()).contains("--entyr").contains("known:");
        assertThat(run("run", "--data", dir.toString(), "--allocation", "RANDOM")).isEqualTo(2);
        assertThat(stderr()).contains("EQUAL or BY_CARRY");
        assertThat(run("explode")).isEqualTo(2);
        assertThat(stderr()).contains("unknown command 'explode'");
    }

    @Test
    void aRunOnAnEmptyMirrorSaysToFetchFirst(@TempDir Path dir) {
        assertThat(run("run", "--data", dir.toString())).isEqualTo(2);
        assertThat(stderr()).contains("fetch some first");
    }

    @Test
    void fetchMirrorsFromTheGivenSiteAndRunReadsWhatItFetched(@TempDir Path dir) throws Exception {
        Path site = dir.resolve("site");
        DemoData.write(site, smallSpec());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Path file = site.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            byte[] body = file.startsWith(site) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            Path mirror = dir.resolve("mirror");

            assertThat(run("fetch", "--data", mirror.toString(), "--symbols", "SOLUSDT,DOGEUSDT,NOPEUSDT",
                    "--from", "2024-03", "--base-url", base)).isZero();
            assertThat(stdout()).contains("Fetched 6 files").contains("3 not published");

            assertThat(run("run", "--data", mirror.toString(), "--out", dir.resolve("out").toString())).isZero();
            assertThat(stdout()).contains("2 symbols, 2024-03");
            assertThat(dir.resolve("out/backtest.json")).exists();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aSweepRunInTwoSlicesGathersIntoOneReportAndAMissingSliceIsNamed(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        DemoData.write(data, smallSpec());
        Path grid = Files.writeString(dir.resolve("grid.json"), "{\"entryThresholdApr\": [0.1, 0.3, 0.6]}");
        Path slices = dir.resolve("slices");

        assertThat(run("sweep", "--data", data.toString(), "--grid", grid.toString(), "--out", slices.toString(),
                "--slice", "0", "--slices", "2")).isZero();
        assertThat(run("sweep-report", "--in", slices.toString(), "--slices", "2")).isEqualTo(1);
        assertThat(stderr()).contains("slices missing").contains("[1]");

        assertThat(run("sweep", "--data", data.toString(), "--grid", grid.toString(), "--out", slices.toString(),
                "--slice", "1", "--slices", "2")).isZero();
        assertThat(run("sweep-report", "--in", slices.toString(), "--slices", "2", "--wait", "PT1S")).isZero();
        assertThat(stdout()).contains("Sweep of 3 points gathered from 2 slices");
        String md = Files.readString(slices.resolve("sweep.md"));
        assertThat(md.lines().filter(l -> l.matches("\\| [0-9]+ \\|.*"))).hasSize(3);
    }

    /** Two liquid demo coins, one day. */
    private static DemoData.Spec smallSpec() {
        List<DemoCoin> coins = DemoCoin.twelve().stream()
                .filter(c -> c.symbol().equals("SOLUSDT") || c.symbol().equals("DOGEUSDT")).toList();
        return new DemoData.Spec(coins, YearMonth.of(2024, 3), YearMonth.of(2024, 3), 1, 7L);
    }

    private int run(String... args) {
        return BacktestCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
