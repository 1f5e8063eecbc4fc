package com.novaquant.ingestion;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Points the service at one {@link FakeBinance} shared by every integration test class of this module, with short
 * watchdog windows so lag and silence are detected within a second or two. All classes extending this share one
 * Spring context (identical configuration).
 */
abstract class FeedTestSupport {

    static final FakeBinance BINANCE = new FakeBinance(Duration.ofMillis(50));
    static final Path RECORDING;

    static {
        try {
            RECORDING = Files.createTempDirectory("ingestion-it").resolve("frames.jsonl");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void feedProperties(DynamicPropertyRegistry registry) {
        registry.add("nova.symbols", () -> "BTCUSDT,ETHUSDT");
        fastFeeds(registry, BINANCE);
        registry.add("nova.ingestion.alert-dedup-window", () -> "500ms");
        registry.add("nova.ingestion.clock-sync.interval", () -> "1s");
        registry.add("nova.ingestion.recording.enabled", () -> "true");
        registry.add("nova.ingestion.recording.path", RECORDING::toString);
    }

    /** Points the service at {@code binance} with the short lag, staleness, back-off and healing times the ITs use. */
    static void fastFeeds(DynamicPropertyRegistry registry, FakeBinance binance) {
        registry.add("nova.binance.spot.ws-url", () -> binance.spotBase("ws"));
        registry.add("nova.binance.spot.rest-url", () -> binance.spotBase("http"));
        registry.add("nova.binance.futures.ws-url", () -> binance.futuresBase("ws"));
        registry.add("nova.binance.futures.rest-url", () -> binance.futuresBase("http"));
        registry.add("nova.ingestion.lag-window", () -> "500ms");
        registry.add("nova.ingestion.stale-after", () -> "1500ms");
        registry.add("nova.ingestion.watchdog-interval", () -> "100ms");
        registry.add("nova.ingestion.reconnect.initial-backoff", () -> "50ms");
        registry.add("nova.ingestion.reconnect.max-backoff", () -> "400ms");
        registry.add("nova.ingestion.reconnect.storm-threshold", () -> "1000");
        registry.add("nova.ingestion.gate.heal-after", () -> "1s");
    }
}
