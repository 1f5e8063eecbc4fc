package com.novaquant.ingestion.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Binance endpoints ({@code nova.binance.*}, docs/design.md, "Configuration contract"). Pointing them at the
 * exchange simulator or a testnet is all it takes to change venue. Defaults (Binance production) are in
 * application.yml.
 */
@ConfigurationProperties("nova.binance")
public record BinanceProperties(
        Endpoint spot,
        Endpoint futures) {

    public BinanceProperties {
        require(spot, "nova.binance.spot");
        require(futures, "nova.binance.futures");
    }

    private static void require(Endpoint endpoint, String prefix) {
        if (endpoint == null || endpoint.restUrl() == null || endpoint.restUrl().isBlank()
                || endpoint.wsUrl() == null || endpoint.wsUrl().isBlank()) {
            throw new IllegalArgumentException(prefix + ".rest-url and " + prefix + ".ws-url must be set");
        }
    }

    /** @param restUrl REST base (server time); @param wsUrl WebSocket base, the client appends the stream paths */
    public record Endpoint(String restUrl, String wsUrl) {
    }
}
