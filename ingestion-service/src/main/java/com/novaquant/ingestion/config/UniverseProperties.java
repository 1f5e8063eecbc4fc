package com.novaquant.ingestion.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Following the traded universe ({@code nova.universe.*}).
 *
 * @param enabled    subscribe to {@code nova.symbols} plus the universe's tracked symbols, changing the open
 *                   connections as the universe changes; false: {@code nova.symbols} only, as planned at start-up
 * @param maxSymbols the most symbols subscribed at once (the per-stream state is sized for it); a universe needing
 *                   more is refused
 */
@ConfigurationProperties("nova.universe")
public record UniverseProperties(@DefaultValue("false") boolean enabled, @DefaultValue("400") int maxSymbols) {

    public UniverseProperties {
        if (maxSymbols < 1) {
            throw new IllegalArgumentException("nova.universe.max-symbols must be at least 1");
        }
    }
}
