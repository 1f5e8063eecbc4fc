package com.novaquant.observability;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The two calls of Prometheus's HTTP API the checks need: an instant query and the rule list. */
public final class PrometheusApi {

    /** The answer to an instant query: an error text, or the number of series (a scalar counts as one). */
    public record Answer(String error, int series) {
        public boolean valid() {
            return error == null;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final HttpClient http;

    public PrometheusApi(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public URI base() {
        return base;
    }

    /** {@code GET /api/v1/query?query=...} at the server's current time. */
    public Answer query(String expr) throws IOException {
        JsonNode body = get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
        if (!"success".equals(body.path("status").asString(""))) {
            return new Answer(body.path("errorType").asString("error") + ": " + body.path("error").asString("(no message)"), 0);
        }
        JsonNode data = body.path("data");
        String type = data.path("resultType").asString("");
        int series = switch (type) {
            case "vector", "matrix" -> data.path("result").size();
            case "scalar", "string" -> 1;
            default -> 0;
        };
        return new Answer(null, series);
    }

    /** {@code GET /api/v1/rules}: the loaded rule groups with each rule's health and last error. */
    public JsonNode rules() throws IOException {
        return get("/api/v1/rules");
    }

    private JsonNode get(String pathAndQuery) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(15)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking " + base, e);
        } catch (RuntimeException e) {
            throw new IOException("unreadable answer from " + base + pathAndQuery, e);
        }
    }
}
