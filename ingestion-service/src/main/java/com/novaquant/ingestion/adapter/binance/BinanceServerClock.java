package com.novaquant.ingestion.adapter.binance;

import com.novaquant.events.Venue;
import com.novaquant.ingestion.application.ServerClock;
import com.novaquant.ingestion.domain.ClockOffset;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Binance server time: {@code GET <spot rest-url>/api/v3/time} and {@code GET <futures rest-url>/fapi/v1/time}, both
 * answering {@code {"serverTime":<epoch ms>}} (weight 1). Non-blocking.
 */
public final class BinanceServerClock implements ServerClock {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final String spotUrl;
    private final String futuresUrl;

    public BinanceServerClock(String spotRestUrl, String futuresRestUrl, Duration timeout) {
        this.client = HttpClient.create().responseTimeout(timeout);
        this.spotUrl = trim(spotRestUrl) + "/api/v3/time";
        this.futuresUrl = trim(futuresRestUrl) + "/fapi/v1/time";
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public CompletableFuture<ClockOffset> measure(Venue venue) {
        String url = venue == Venue.SPOT ? spotUrl : futuresUrl;
        long sentAt = System.currentTimeMillis();
        return client.get().uri(url)
                .responseSingle((response, body) -> {
                    if (response.status().code() != 200) {
                        return reactor.core.publisher.Mono.error(new IllegalStateException(url + " answered " + response.status()));
                    }
                    return body.asString();
                })
                .map(text -> {
                    long receivedAt = System.currentTimeMillis();
                    JsonNode serverTime = JSON.readTree(text).get("serverTime");
                    if (serverTime == null || !serverTime.isIntegralNumber()) {
                        throw new IllegalStateException(url + " returned no serverTime");
                    }
                    return ClockOffset.measure(sentAt, serverTime.asLong(), receivedAt);
                })
                .toFuture();
    }
}
