package com.novaquant.simulator.config;

import com.novaquant.simulator.market.Instrument;
import com.novaquant.simulator.market.VenueRules;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Builds the listed instruments: built-in presets close to Binance's real BTCUSDT and ETHUSDT filters
 * (a generic preset for any other symbol), then the per-symbol overrides from configuration.
 */
public final class InstrumentCatalog {

    private InstrumentCatalog() {
    }

    public static List<Instrument> build(SimulatorProperties properties) {
        return properties.symbols().stream()
                .map(s -> s.trim().toUpperCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .distinct()
                .map(s -> build(s, properties))
                .toList();
    }

    private static Instrument build(String symbol, SimulatorProperties properties) {
        Preset preset = switch (symbol) {
            case "BTCUSDT" -> new Preset("64000", "0.01", "0.00001", "9000", "120", "5", "0.10", "0.001", "1000", "120", "100");
            case "ETHUSDT" -> new Preset("3200", "0.01", "0.0001", "9000", "3000", "5", "0.01", "0.001", "10000", "2000", "20");
            default -> new Preset("100", "0.01", "0.001", "900000", "90000", "5", "0.01", "0.01", "1000000", "100000", "5");
        };
        SimulatorProperties.InstrumentOverride o = properties.instruments().get(symbol);
        BigDecimal start = pick(o == null ? null : o.startPrice(), preset.start);
        BigDecimal spotTick = pick(o == null ? null : o.spotTickSize(), preset.spotTick);
        BigDecimal spotStep = pick(o == null ? null : o.spotStepSize(), preset.spotStep);
        BigDecimal spotNotional = pick(o == null ? null : o.spotMinNotional(), preset.spotNotional);
        BigDecimal futTick = pick(o == null ? null : o.futuresTickSize(), preset.futTick);
        BigDecimal futStep = pick(o == null ? null : o.futuresStepSize(), preset.futStep);
        BigDecimal futNotional = pick(o == null ? null : o.futuresMinNotional(), preset.futNotional);
        Duration interval = o != null && o.fundingInterval() != null ? o.fundingInterval() : properties.fundingInterval();
        VenueRules spot = new VenueRules(spotTick, spotTick, new BigDecimal("1000000"), spotStep, spotStep,
                new BigDecimal(preset.spotMax), new BigDecimal(preset.spotMarketMax), spotNotional);
        VenueRules futures = new VenueRules(futTick, futTick, new BigDecimal("4529764"), futStep, futStep,
                new BigDecimal(preset.futMax), new BigDecimal(preset.futMarketMax), futNotional);
        String base = symbol.endsWith("USDT") ? symbol.substring(0, symbol.length() - 4) : symbol;
        return new Instrument(symbol, base, "USDT", start, spot, futures, interval);
    }

    private static BigDecimal pick(BigDecimal override, String preset) {
        return override != null ? override : new BigDecimal(preset);
    }

    private record Preset(String start, String spotTick, String spotStep, String spotMax, String spotMarketMax,
                          String spotNotional, String futTick, String futStep, String futMax, String futMarketMax,
                          String futNotional) {
    }
}
