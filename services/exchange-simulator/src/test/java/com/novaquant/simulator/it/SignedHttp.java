package com.novaquant.simulator.it;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;

/** A plain JDK HTTP client that signs like a Binance client, for tests that speak raw HTTP. */
final class SignedHttp {

    static final String KEY = "nova-paper-key";
    static final String SECRET = "nova-paper-secret";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    SignedHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    Reply signed(String method, String path, String params) {
        return signed(method, path, params, System.currentTimeMillis(), SECRET, KEY);
    }

    Reply signed(String method, String path, String params, long timestamp, String secret, String key) {
        String query = (params.isEmpty() ? "" : params + "&") + "timestamp=" + timestamp;
        return send(method, path + "?" + query + "&signature=" + sign(secret, query), key, null);
    }

    /** A POST with everything in the form body, as many clients send orders. */
    Reply signedBody(String path, String params) {
        String body = params + "&timestamp=" + System.currentTimeMillis();
        return send("POST", path, KEY, body + "&signature=" + sign(SECRET, body));
    }

    Reply get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, null);
    }

    Reply admin(String method, String path, String json) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            return reply(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Reply send(String method, String pathAndQuery, String key, String formBody) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(10));
            if (key != null) {
                request.header("X-MBX-APIKEY", key);
            }
            if (formBody != null) {
                request.header("Content-Type", "application/x-www-form-urlencoded");
            }
            request.method(method, formBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(formBody));
            return reply(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Reply reply(HttpResponse<String> response) {
        JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
        return new Reply(response.statusCode(), body, response.headers());
    }

    static String sign(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Status, parsed JSON body and headers of a response. */
    record Reply(int status, JsonNode body, java.net.http.HttpHeaders headers) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        int code() {
            return body.get("code").asInt();
        }
    }
}
