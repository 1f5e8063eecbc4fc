package com.novaquant.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real Prometheus server (Debian's {@code /usr/bin/prometheus}) on a free loopback port, scraping the given targets
 * as job {@code nova-quant} (the job the chart's ServiceMonitor and docker-compose use) and loading the rules file.
 */
final class PrometheusServer implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/prometheus");
    static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    private final Process process;
    private final URI uri;

    private PrometheusServer(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    /**
     * @param workDir        configuration, TSDB and log go here
     * @param targets        {@code host:port} of each /actuator/prometheus
     * @param rulesFile      the rules to load, or null
     * @param scrapeInterval scrape and rule evaluation interval
     */
    static PrometheusServer start(Path workDir, List<String> targets, Path rulesFile, Duration scrapeInterval) {
        return start(workDir, targets, rulesFile, scrapeInterval, null);
    }

    /** As above, sending the alerts to the Alertmanager at {@code alertmanager} ({@code host:port}) when not null. */
    static PrometheusServer start(Path workDir, List<String> targets, Path rulesFile, Duration scrapeInterval,
                                  String alertmanager) {
        requireInstalled(BINARY);
        try {
            int port = freePort();
            String interval = scrapeInterval.toMillis() + "ms";
            String config = "global:\n"
                    + "  scrape_interval: " + interval + "\n"
                    + "  scrape_timeout: " + interval + "\n"
                    + "  evaluation_interval: " + interval + "\n"
                    + (rulesFile == null ? "" : "rule_files:\n  - " + rulesFile.toAbsolutePath() + "\n")
                    + (alertmanager == null ? "" : "alerting:\n  alertmanagers:\n    - static_configs:\n"
                            + "        - targets: ['" + alertmanager + "']\n")
                    + "scrape_configs:\n"
                    + "  - job_name: nova-quant\n"
                    + "    metrics_path: /actuator/prometheus\n"
                    + "    static_configs:\n"
                    + "      - targets: [" + targets.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", ")) + "]\n";
            Files.createDirectories(workDir);
            Path configFile = Files.writeString(workDir.resolve("prometheus.yml"), config);
            Process process = new ProcessBuilder(BINARY.toString(),
                    "--config.file=" + configFile,
                    "--storage.tsdb.path=" + workDir.resolve("tsdb"),
                    "--web.listen-address=127.0.0.1:" + port,
                    "--log.level=warn",
                    // Alerts are re-sent at this pace while they fire; the first send can precede Alertmanager's
                    // discovery and be dropped, and the default (1m) would hold the page that long.
                    "--rules.alert.resend-delay=" + interval)
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("prometheus.log").toFile())
                    .start();
            PrometheusServer server = new PrometheusServer(process, URI.create("http://127.0.0.1:" + port));
            server.awaitReady(Duration.ofSeconds(30), workDir.resolve("prometheus.log"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Prometheus", e);
        }
    }

    static void requireInstalled(Path binary) {
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(binary + " is missing: apt-get install -y prometheus");
        }
    }

    URI uri() {
        return uri;
    }

    PrometheusApi api() {
        return new PrometheusApi(uri);
    }

    private void awaitReady(Duration timeout, Path log) throws IOException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prometheus exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri.resolve("/-/ready"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        close();
        throw new IllegalStateException("Prometheus not ready within " + timeout + ":\n" + Files.readString(log));
    }

    /** {@code promtool check rules}: its exit status and output. */
    static PromtoolResult checkRules(Path rulesFile) {
        return promtool("check", "rules", rulesFile.toString());
    }

    /** {@code promtool test rules}: rules evaluated over given series, alerts compared with the expected ones. */
    static PromtoolResult testRules(Path testFile) {
        return promtool("test", "rules", testFile.toString());
    }

    private static PromtoolResult promtool(String... arguments) {
        requireInstalled(PROMTOOL);
        List<String> command = new ArrayList<>(List.of(PROMTOOL.toString()));
        command.addAll(List.of(arguments));
        try {
            Process promtool = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(promtool.getInputStream().readAllBytes());
            return new PromtoolResult(promtool.waitFor(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record PromtoolResult(int exitCode, String output) {
    }

    static int freePort() {
        return com.novaquant.testsupport.FreePorts.next();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
