package com.novaquant.ingestion.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Ingestion's part of the carry universe ({@code nova.universe.*}): following the traded universe, and the market
 * scan the universe is chosen from. Both run only with {@code enabled}.
 *
 * @param enabled                  scan every symbol listed on both venues and publish {@code nova.md.scan}; subscribe
 *                                 to {@code nova.symbols} plus the universe's tracked symbols, changing the open
 *                                 connections as the universe changes. False: {@code nova.symbols} only, as planned
 *                                 at start-up, and no scan
 * @param maxSymbols               the most symbols subscribed at once (the per-stream state is sized for it); a
 *                                 universe needing more is refused
 * @param scanInterval             time between scans
 * @param quoteAsset               the quote asset of both markets of a scanned symbol
 * @param scanFailuresBeforeAlert  consecutive failed scans before the WARNING alert
 * @param connectTimeout           TCP connect time-out of each call
 * @param readTimeout              longest silence while an answer arrives (the whole call: at most three times this)
 * @param spotWeightLimit          spot REQUEST_WEIGHT a minute per IP
 * @param futuresWeightLimit       USD-M REQUEST_WEIGHT a minute per IP
 * @param maxWeightShare           share of each limit the scan may spend a minute; a shorter interval is refused at
 *                                 start-up
 * @param skipAboveUsedWeightShare a scan is skipped when a call would take the used weight above this share of the
 *                                 limit
 * @param publishTimeout           how long a scan waits for the broker's acknowledgement
 */
@ConfigurationProperties("nova.universe")
public record UniverseProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("400") int maxSymbols,
        @DefaultValue("60s") Duration scanInterval,
        @DefaultValue("USDT") String quoteAsset,
        @DefaultValue("3") int scanFailuresBeforeAlert,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("6000") int spotWeightLimit,
        @DefaultValue("2400") int futuresWeightLimit,
        @DefaultValue("0.1") double maxWeightShare,
        @DefaultValue("0.6") double skipAboveUsedWeightShare,
        @DefaultValue("15s") Duration publishTimeout) {

    public UniverseProperties {
        if (maxSymbols < 1) {
            throw new IllegalArgumentException("nova.universe.max-symbols must be at least 1");
        }
    }
}
