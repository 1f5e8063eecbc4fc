package com.novaquant.observability;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Command line: checks the dashboards and rules against a running desk.
 *
 * <pre>
 * java -cp observability.jar:... com.novaquant.observability.ObservabilityCheck \
 *     --dashboards deploy/helm/nova-quant/files/dashboards --rules deploy/helm/nova-quant/files/prometheus/rules.yml \
 *     --prometheus http://localhost:9090 \
 *     --exposition http://localhost:9081/actuator/prometheus --exposition http://localhost:9082/actuator/prometheus ...
 * </pre>
 * {@code --exposition} takes URLs or files. Exit status 0 when everything passes, 1 on problems, 2 on bad usage.
 */
public final class ObservabilityCheck {

    private ObservabilityCheck() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        Path dashboards = Path.of("deploy/helm/nova-quant/files/dashboards");
        Path rules = Path.of("deploy/helm/nova-quant/files/prometheus/rules.yml");
        URI prometheus = null;
        List<String> expositionSources = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--dashboards" -> dashboards = Path.of(require(value, args[i]));
                case "--rules" -> rules = Path.of(require(value, args[i]));
                case "--prometheus" -> prometheus = URI.create(require(value, args[i]));
                case "--exposition" -> expositionSources.add(require(value, args[i]));
                default -> {
                    out.println("unknown argument " + args[i]
                            + "; usage: [--dashboards DIR] [--rules FILE] [--prometheus URL] [--exposition URL|FILE]...");
                    return 2;
                }
            }
            i++;
        }
        Checker checker = Checker.of(dashboards, rules);
        boolean passed = true;
        if (!expositionSources.isEmpty()) {
            List<String> texts = new ArrayList<>();
            for (String source : expositionSources) {
                texts.add(load(source));
            }
            Checker.Report names = checker.checkMetricNames(texts);
            out.print("metric names: " + names.render());
            passed = names.passed();
        }
        if (prometheus != null) {
            Checker.Report queries = checker.checkQueries(new PrometheusApi(prometheus));
            out.print("queries on " + prometheus + ": " + queries.render());
            passed &= queries.passed();
        }
        return passed ? 0 : 1;
    }

    private static String require(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    /** Reads an exposition from an http(s) URL or a file. */
    public static String load(String source) {
        try {
            if (source.startsWith("http://") || source.startsWith("https://")) {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(source))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(source + " answered HTTP " + response.statusCode());
                }
                return response.body();
            }
            return Files.readString(Path.of(source));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read exposition " + source + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading " + source, e);
        }
    }
}
