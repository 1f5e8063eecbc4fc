package com.novaquant.binance.rest;

import com.novaquant.binance.auth.Credentials;
import com.novaquant.binance.auth.HmacSigner;
import com.novaquant.binance.auth.ServerClock;
import com.novaquant.binance.limits.BanState;
import com.novaquant.binance.limits.RequestGate;
import com.novaquant.binance.outcome.BinanceError;
import com.novaquant.binance.outcome.BinanceErrorCodes;
import com.novaquant.binance.outcome.NotSent;
import com.novaquant.binance.outcome.NotSentReason;
import com.novaquant.binance.outcome.OrderOutcome;
import com.novaquant.binance.outcome.OutcomeClassifier;
import com.novaquant.binance.outcome.Rejected;
import com.novaquant.binance.terms.Venue;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;

/**
 * Sends one REST request to one venue: admission through the {@link RequestGate}, signing, the HTTP exchange,
 * rate-limit headers, and classification into a {@link Reply}. Never retries: retries are the caller's decision
 * (and never made for order placements). Never logs the signed query string or the signature.
 */
final class RestTransport {

    private static final Logger log = LoggerFactory.getLogger(RestTransport.class);
    private static final String API_KEY_HEADER = "X-MBX-APIKEY";
    private static final String ORDER_COUNT_PREFIX = "x-mbx-order-count-";
    private static final Duration DEFAULT_429_WAIT = Duration.ofSeconds(60);
    private static final Duration DEFAULT_BAN = Duration.ofMinutes(2);

    private final Venue venue;
    private final String baseUrl;
    private final HttpClient http;
    private final Credentials credentials;
    private final HmacSigner signer;
    private final ServerClock clock;
    private final RequestGate gate;
    private final BanState ban;
    private final BinanceMetrics metrics;
    private final Supplier<Instant> wallClock;
    private final long recvWindowMs;
    private final Duration responseTimeout;
    private final AtomicBoolean closed;
    private volatile Runnable invalidTimestampListener = () -> { };

    RestTransport(Venue venue, URI baseUrl, HttpClient http, Credentials credentials, ServerClock clock,
                  RequestGate gate, BanState ban, BinanceMetrics metrics, Supplier<Instant> wallClock,
                  Duration recvWindow, Duration responseTimeout, AtomicBoolean closed) {
        this.venue = venue;
        this.baseUrl = baseUrl.toString();
        this.http = http;
        this.credentials = credentials;
        this.signer = credentials.isComplete() ? new HmacSigner(credentials) : null;
        this.clock = clock;
        this.gate = gate;
        this.ban = ban;
        this.metrics = metrics;
        this.wallClock = wallClock;
        this.recvWindowMs = recvWindow.toMillis();
        this.responseTimeout = responseTimeout;
        this.closed = closed;
    }

    Venue venue() {
        return venue;
    }

    /** Who to tell when Binance answers -1021 (the venue client resynchronises server time). */
    void onInvalidTimestamp(Runnable listener) {
        this.invalidTimestampListener = listener;
    }

    ServerClock clock() {
        return clock;
    }

    /**
     * Sends the request. The future never completes exceptionally.
     *
     * @param params request parameters in the order they are sent (and signed)
     */
    CompletableFuture<Reply> call(Endpoint endpoint, Map<String, String> params) {
        return call(endpoint, params, null);
    }

    /** As {@link #call(Endpoint, Map)}, stamping when the request was written and the answer came back. */
    CompletableFuture<Reply> call(Endpoint endpoint, Map<String, String> params, RoundTrip stamps) {
        long start = System.nanoTime();
        if (closed.get()) {
            return CompletableFuture.completedFuture(refuse(endpoint, start,
                    NotSent.of(NotSentReason.CLOSED, "the Binance client is closed")));
        }
        if (endpoint.signed() && signer == null) {
            return CompletableFuture.completedFuture(refuse(endpoint, start, NotSent.of(
                    NotSentReason.INVALID_LOCALLY, "signed endpoint but no BINANCE_API_KEY/BINANCE_SECRET set")));
        }
        Optional<NotSent> refusal = gate.admit(endpoint.weight(), endpoint.isOrder());
        if (refusal.isPresent()) {
            return CompletableFuture.completedFuture(refuse(endpoint, start, refusal.get()));
        }
        String query = buildQuery(endpoint, params);
        String url = baseUrl + endpoint.path() + (query.isEmpty() ? "" : "?" + query);
        AtomicBoolean written = new AtomicBoolean();
        HttpClient client = http
                .doOnRequest((request, connection) -> {
                    written.set(true);
                    if (stamps != null) {
                        stamps.sent(clock.localNowMs());
                    }
                })
                .doOnResponse((response, connection) -> {
                    if (stamps != null) {
                        stamps.answered(clock.localNowMs());
                    }
                })
                .responseTimeout(responseTimeout)
                .headers(headers -> {
                    if (endpoint.signed() || !credentials.apiKey().isEmpty()) {
                        headers.set(API_KEY_HEADER, credentials.apiKey());
                    }
                });
        Mono<Reply> exchange = client
                .request(HttpMethod.valueOf(endpoint.method()))
                .uri(url)
                .responseSingle((response, body) -> body.asString(StandardCharsets.UTF_8)
                        .defaultIfEmpty("")
                        .map(text -> onResponse(endpoint, params, response.status().code(),
                                response.responseHeaders(), text, start)))
                .timeout(responseTimeout.plusSeconds(2))
                .onErrorResume(error -> Mono.just(onTransportFailure(endpoint, params, error, written.get(), start)));
        return exchange.toFuture();
    }

    private String buildQuery(Endpoint endpoint, Map<String, String> params) {
        StringBuilder query = new StringBuilder(128);
        params.forEach((key, value) -> {
            if (value != null) {
                append(query, key, value);
            }
        });
        if (endpoint.signed()) {
            append(query, "recvWindow", Long.toString(recvWindowMs));
            append(query, "timestamp", Long.toString(clock.serverNowMs()));
            String signature = signer.sign(query.toString(), "");
            append(query, "signature", signature);
        }
        return query.toString();
    }

    private static void append(StringBuilder query, String key, String value) {
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private Reply onResponse(Endpoint endpoint, Map<String, String> params, int status, HttpHeaders headers,
                             String body, long start) {
        observeLimits(headers);
        if (status == 429) {
            metrics.rateLimited(venue);
            gate.retryAfter(retryAfter(headers, DEFAULT_429_WAIT));
            log.warn("Binance {} rate limit hit (HTTP 429) on {} {}; refusing locally until Retry-After",
                    venue, endpoint.method(), endpoint.path());
        } else if (status == 418) {
            metrics.banned(venue);
            ban.banUntil(wallClock.get().plus(retryAfter(headers, DEFAULT_BAN)));
            log.error("Binance {} banned this IP (HTTP 418) on {} {}; all requests refused until {}",
                    venue, endpoint.method(), endpoint.path(), ban.activeUntil().orElse(null));
        }
        long elapsed = System.nanoTime() - start;
        if (status >= 500 || status == 408) {
            gate.recordTransportFailure(elapsed, new IllegalStateException("HTTP " + status));
        } else {
            gate.recordSuccess(elapsed);
        }
        if (status >= 200 && status < 300) {
            try {
                JsonNode node = Json.MAPPER.readTree(body);
                if (node == null || node.isMissingNode()) {
                    throw new IllegalArgumentException("empty body");
                }
                record(endpoint, "accepted", "none", start);
                return new Reply.Ok(node);
            } catch (RuntimeException e) {
                return fail(endpoint, params, start, OutcomeClassifier.classifyResponse(status, null));
            }
        }
        BinanceError error = parseError(body);
        OrderOutcome outcome = OutcomeClassifier.classifyResponse(status, error);
        if (outcome instanceof Rejected rejected && rejected.code() == BinanceErrorCodes.INVALID_TIMESTAMP) {
            invalidTimestampListener.run();
        }
        return fail(endpoint, params, start, outcome);
    }

    private Reply onTransportFailure(Endpoint endpoint, Map<String, String> params, Throwable error,
                                     boolean written, long start) {
        gate.recordTransportFailure(System.nanoTime() - start, error);
        OrderOutcome outcome = OutcomeClassifier.classifyTransport(error, written);
        return fail(endpoint, params, start, outcome);
    }

    private Reply refuse(Endpoint endpoint, long start, NotSent notSent) {
        record(endpoint, notSent.kind(), notSent.reason().name(), start);
        return new Reply.Failed(notSent);
    }

    private Reply fail(Endpoint endpoint, Map<String, String> params, long start, OrderOutcome outcome) {
        String code = switch (outcome) {
            case Rejected r -> Integer.toString(r.code());
            case com.novaquant.binance.outcome.Unknown u -> Integer.toString(u.code());
            case NotSent n -> n.reason().name();
            case com.novaquant.binance.outcome.Accepted a -> "none";
        };
        record(endpoint, outcome.kind(), code, start);
        if (!(outcome instanceof Rejected)) {
            // Symbol and client order id only: enough to find the order, nothing that is signed or secret.
            log.warn("Binance {} {} {} symbol={} clientOrderId={} -> {}", venue, endpoint.method(), endpoint.path(),
                    params.getOrDefault("symbol", "-"),
                    params.getOrDefault("newClientOrderId", params.getOrDefault("origClientOrderId", "-")), outcome);
        }
        return new Reply.Failed(outcome);
    }

    private void record(Endpoint endpoint, String outcomeClass, String code, long start) {
        metrics.request(venue, endpoint, outcomeClass, code, Duration.ofNanos(System.nanoTime() - start));
    }

    private void observeLimits(HttpHeaders headers) {
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            try {
                if (name.equals("x-mbx-used-weight-1m")) {
                    long used = Long.parseLong(header.getValue().trim());
                    metrics.usedWeight(venue, used);
                    gate.observeUsedWeight(used);
                } else if (name.startsWith(ORDER_COUNT_PREFIX)) {
                    metrics.orderCount(venue, name.substring(ORDER_COUNT_PREFIX.length()),
                            Long.parseLong(header.getValue().trim()));
                }
            } catch (NumberFormatException e) {
                log.debug("ignoring malformed rate-limit header {}", name);
            }
        }
    }

    private static Duration retryAfter(HttpHeaders headers, Duration fallback) {
        String value = headers.get("Retry-After");
        if (value == null) {
            return fallback;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds > 0 ? Duration.ofSeconds(seconds) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static BinanceError parseError(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            JsonNode code = node.path("code");
            if (!code.isNumber() && !(code.isString() && !code.asString("").isBlank())) {
                return null;
            }
            return new BinanceError((int) Json.number(node, "code"), Json.text(node, "msg"));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
