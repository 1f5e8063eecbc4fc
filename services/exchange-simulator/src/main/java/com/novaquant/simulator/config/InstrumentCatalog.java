package com.novaquant.simulator.config;

import com.novaquant.simulator.SimulatorProperties;
import com.novaquant.simulator.domain.market.Instrument;
import com.novaquant.simulator.domain.market.VenueRules;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Builds the listed instruments: the built-in presets ({@link InstrumentPresets}; a generic preset for any other
 * symbol), then the per-symbol overrides from configuration. {@code UNIVERSE} in the symbol list stands for every
 * preset symbol.
 */
public final class InstrumentCatalog {

    private InstrumentCatalog() {
    }

    public static List<Instrument> build(SimulatorProperties properties) {
        return symbols(properties.symbols()).stream().map(s -> build(s, properties)).toList();
    }

    /** The configured symbols, upper case, {@code UNIVERSE} expanded in place, each once. */
    public static List<String> symbols(List<String> configured) {
        return configured.stream()
                .map(s -> s.trim().toUpperCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .flatMap(s -> s.equals(InstrumentPresets.UNIVERSE) ? InstrumentPresets.universe().stream() : Stream.of(s))
                .distinct()
                .toList();
    }

    private static Instrument build(String symbol, SimulatorProperties properties) {
        InstrumentPresets.Preset preset = InstrumentPresets.find(symbol).orElseGet(InstrumentPresets::generic);
        SimulatorProperties.InstrumentOverride o = properties.instruments().get(symbol);
        BigDecimal start = pick(o == null ? null : o.startPrice(), preset.start());
        BigDecimal spotTick = pick(o == null ? null : o.spotTickSize(), preset.spotTick());
        BigDecimal spotStep = pick(o == null ? null : o.spotStepSize(), preset.spotStep());
        BigDecimal spotNotional = pick(o == null ? null : o.spotMinNotional(), preset.spotNotional());
        BigDecimal futTick = pick(o == null ? null : o.futuresTickSize(), preset.futTick());
        BigDecimal futStep = pick(o == null ? null : o.futuresStepSize(), preset.futStep());
        BigDecimal futNotional = pick(o == null ? null : o.futuresMinNotional(), preset.futNotional());
        BigDecimal spotVolume = pick(o == null ? null : o.spotQuoteVolume(), preset.spotQuoteVolume());
        BigDecimal futVolume = pick(o == null ? null : o.futuresQuoteVolume(), preset.futuresQuoteVolume());
        Duration interval = o != null && o.fundingInterval() != null ? o.fundingInterval()
                : preset.interval() != null ? preset.interval() : properties.fundingInterval();
        VenueRules spot = new VenueRules(spotTick, spotTick, new BigDecimal("1000000"), spotStep, spotStep,
                new BigDecimal(preset.spotMax()), new BigDecimal(preset.spotMarketMax()), spotNotional);
        VenueRules futures = new VenueRules(futTick, futTick, new BigDecimal("4529764"), futStep, futStep,
                new BigDecimal(preset.futMax()), new BigDecimal(preset.futMarketMax()), futNotional);
        String base = symbol.endsWith("USDT") ? symbol.substring(0, symbol.length() - 4) : symbol;
        return new Instrument(symbol, base, "USDT", start, spot, futures, interval, spotVolume, futVolume);
    }

    private static BigDecimal pick(BigDecimal override, String preset) {
        return override != null ? override : new BigDecimal(preset);
    }
}
