package com.novaquant.ingestion.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/** The traded symbols ({@code nova.symbols}, comma-separated, e.g. {@code BTCUSDT,ETHUSDT}). */
@ConfigurationProperties("nova")
public record SymbolsProperties(@DefaultValue("BTCUSDT,ETHUSDT") List<String> symbols) {
}
