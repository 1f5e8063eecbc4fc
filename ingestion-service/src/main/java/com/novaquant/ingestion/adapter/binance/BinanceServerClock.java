package com.novaquant.ingestion.adapter.binance;

import com.novaquant.events.Venue;
import com.novaquant.ingestion.application.ServerClock;
import com.novaquant.ingestion.domain.ClockOffset;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Binance server time: {@code GET <spot rest-url>/api/v3/time} and {@code GET <futures rest-url>/fapi/v1/time}, both
 * answering {@code {"serverTime":<epoch ms>}} (weight 1). Non-blocking.
 * <p>
 * The round trip is stamped as tightly as the client allows: when the request is about to be written and when the
 * response's head arrives. Stamped around the whole call instead, a cold client (connection set-up, class loading,
 * the body's parsing) put most of a 2-second "round trip" before the request left, so the server read its clock
 * late in it and the offset came out about a second ahead: every USD-M frame then looked a second late.
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
        AtomicLong sentAt = new AtomicLong();
        AtomicLong receivedAt = new AtomicLong();
        return client
                .doOnRequest((request, connection) -> sentAt.set(System.currentTimeMillis()))
                .doOnResponse((response, connection) -> receivedAt.set(System.currentTimeMillis()))
                .get().uri(url)
                .responseSingle((response, body) -> {
                    if (response.status().code() != 200) {
                        return reactor.core.publisher.Mono.error(new IllegalStateException(url + " answered " + response.status()));
                    }
                    return body.asString();
                })
                .map(text -> {
                    JsonNode serverTime = JSON.readTree(text).get("serverTime");
                    if (serverTime == null || !serverTime.isIntegralNumber()) {
                        throw new IllegalStateException(url + " returned no serverTime");
                    }
                    return ClockOffset.measure(sentAt.get(), serverTime.asLong(), receivedAt.get());
                })
                .toFuture();
    }
}
