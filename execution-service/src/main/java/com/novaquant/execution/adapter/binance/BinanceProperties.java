package com.novaquant.execution.adapter.binance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * Binance endpoints ({@code nova.binance.*}, docs/design.md, "Configuration contract"): REST for orders and the
 * account, WebSocket for execution's own book tickers (its view of the venue's prices). Pointing them at the
 * exchange simulator or a Binance testnet is all it takes to change venue. Credentials are never configured here:
 * they come from the environment ({@code BINANCE_API_KEY}, {@code BINANCE_SECRET}).
 *
 * @param callTimeout     hard deadline of one call as seen by the engine (beyond it the outcome is unknown)
 * @param responseTimeout the client's wait for a response after the request is written
 */
@ConfigurationProperties("nova.binance")
public record BinanceProperties(@DefaultValue Rest spot, @DefaultValue FuturesRest futures,
                                @DefaultValue("12s") Duration callTimeout,
                                @DefaultValue("10s") Duration responseTimeout) {

    /** @param wsUrl stream base; the client appends {@code /stream?streams=...} */
    public record Rest(@DefaultValue("https://api.binance.com") URI restUrl,
                       @DefaultValue("wss://stream.binance.com:9443") String wsUrl) {
    }

    /** @param wsUrl stream base; the client appends {@code /public/stream?streams=...} for book tickers */
    public record FuturesRest(@DefaultValue("https://fapi.binance.com") URI restUrl,
                              @DefaultValue("wss://fstream.binance.com") String wsUrl) {
    }
}
