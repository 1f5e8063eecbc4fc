package com.novaquant.signal.application;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignalPropertiesTest {

    private static SignalProperties defaults() {
        return new SignalProperties(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    @Test
    void defaultsAreUsable() {
        assertThat(defaults().violations()).isEmpty();
        assertThat(defaults().fees().spotFee()).isEqualTo(0.001);
        assertThat(defaults().fees().perpFee()).isEqualTo(0.0005);
    }

    @Test
    void makerLiquidityChargesMakerRates() {
        SignalProperties maker = new SignalProperties(null, null, null, null, null, null, null, null, null, null,
                null, null, null, new SignalProperties.Fees(null, 0.0009, null, 0.0002, SignalProperties.Liquidity.MAKER),
                null, null);
        assertThat(maker.fees().spotFee()).isEqualTo(0.0009);
        assertThat(maker.fees().perpFee()).isEqualTo(0.0002);
    }

    @Test
    void everyBadValueIsNamed() {
        SignalProperties bad = new SignalProperties(0.04, 0.05, 0, -1.0, Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ZERO, Duration.ofSeconds(-1), 0.0, 0.5, Duration.ofSeconds(-1), Duration.ZERO,
                Duration.ofSeconds(-1), 3,
                new SignalProperties.Fees(-0.001, null, 0.5, null, null),
                new SignalProperties.Sizing(0.0, -1.0, 2.0, -5.0, 1.5),
                Map.of("ETHUSDT", new SignalProperties.SymbolSettings(6, -1.0)));

        List<String> violations = bad.violations();
        assertThat(String.join("\n", violations)).contains(
                "entry-threshold-apr (0.04) must be above exit-threshold-apr (0.05)",
                "exit-threshold-apr must be at most 0, was 0.05",
                "negative-funding-intervals must be at least 1, was 0",
                "basis-take-profit must be above 0.0",
                "expected-holding-time must be at least 1 hour",
                "exit-horizon must be at least 1 hour, was PT30M",
                "max-quote-age must be positive",
                "max-funding-age must be positive",
                "max-spot-perp-deviation must be above 0.0",
                "max-abs-funding-rate must be above 0.0 and at most 0.1, was 0.5",
                "cooldown must not be negative",
                "signal-ttl must be positive",
                "republish-interval must not be negative",
                "default-funding-interval-hours must be one of 1, 2, 4, 8 (hours), was 3",
                "fees.spot-taker must be at least 0.0",
                "fees.perp-taker must be at least 0.0 and at most 0.01, was 0.5",
                "sizing.notional-per-symbol must be above 0.0",
                "sizing.total-cap must be above 0.0",
                "sizing.top-of-book-fraction must be above 0.0 and at most 1.0, was 2.0",
                "sizing.min-notional must be above 0.0",
                "sizing.resize-band must be above 0.0 and at most 1.0, was 1.5",
                "symbols.ETHUSDT.funding-interval-hours must be one of 1, 2, 4, 8 (hours), was 6",
                "symbols.ETHUSDT.notional must be above 0.0");
    }

    @Test
    void byDefaultAPairIsClosedOnlyWhenTheCarryToBeEarnedInAWeekNoLongerPaysForLeaving() {
        LiveSettings settings = new LiveSettings(defaults(), List.of("BTCUSDT"));

        assertThat(settings.current().policy().exitThresholdApr()).isZero();
        assertThat(settings.current().policy().exitHorizonHours()).isEqualTo(168);
        assertThat(settings.current().policy().exitFees()).isEqualTo(0.0015);
    }

    @Test
    void springBindsTheExitSettings() {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource(Map.of(
                "nova.signal.exit-threshold-apr", "-0.02", "nova.signal.exit-horizon", "2d",
                "nova.signal.cooldown", "90s"));
        SignalProperties bound = new Binder(source).bind("nova.signal", SignalProperties.class).get();

        assertThat(bound.exitThresholdApr()).isEqualTo(-0.02);
        assertThat(bound.exitHorizon()).isEqualTo(Duration.ofDays(2));
        assertThat(bound.cooldown()).isEqualTo(Duration.ofSeconds(90));
        assertThat(bound.expectedHoldingTime()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void theAdminJsonRoundTripKeepsTheExitHorizon() {
        JsonMapper json = JsonMapper.builder().disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS).build();
        SignalProperties changed = new SignalProperties(null, -0.01, null, null, null, Duration.ofDays(3), null, null,
                null, null, null, null, null, null, null, null, null);

        String written = json.writeValueAsString(changed);
        assertThat(written).contains("\"exitHorizon\":\"PT72H\"").contains("\"exitThresholdApr\":-0.01");
        assertThat(json.readValue(written, SignalProperties.class)).isEqualTo(changed);
        assertThat(json.writeValueAsString(defaults()))
                .contains("\"exitThresholdApr\":0.0").contains("\"exitHorizon\":\"PT168H\"");
    }

    @Test
    void badStartUpValuesStopTheSettings() {
        SignalProperties inverted = new SignalProperties(0.05, 0.15, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
        assertThatThrownBy(() -> new LiveSettings(inverted, List.of("BTCUSDT")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("entry-threshold-apr (0.05) must be above exit-threshold-apr (0.15)");
    }

    @Test
    void rejectedReplacementLeavesTheSettingsInForce() {
        LiveSettings settings = new LiveSettings(defaults(), List.of("BTCUSDT"));
        SignalProperties inverted = new SignalProperties(0.05, 0.15, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);

        assertThatThrownBy(() -> settings.replace(inverted, new LiveSettings.Revision(1, "test", 1L))).isInstanceOf(InvalidSettingsException.class);
        assertThat(settings.current().policy().entryThresholdApr()).isEqualTo(0.15);
    }

    @Test
    void settingsForASymbolThatIsNotTradedAreRefused() {
        SignalProperties typo = new SignalProperties(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, Map.of("ETHUSDC", new SignalProperties.SymbolSettings(4, null)));
        assertThatThrownBy(() -> new LiveSettings(typo, List.of("BTCUSDT", "ETHUSDT")))
                .hasMessageContaining("symbols.ETHUSDC configures a symbol that is not traded");
    }

    @Test
    void perSymbolIntervalAndNotionalReachThePolicy() {
        SignalProperties eth4h = new SignalProperties(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, Map.of("ETHUSDT", new SignalProperties.SymbolSettings(4, 500.0)));
        LiveSettings settings = new LiveSettings(eth4h, List.of("BTCUSDT", "ETHUSDT"));

        assertThat(settings.current().symbolPolicy("ETHUSDT").fundingIntervalHours()).isEqualTo(4);
        assertThat(settings.current().symbolPolicy("ETHUSDT").notional()).isEqualTo(500);
        assertThat(settings.current().symbolPolicy("BTCUSDT").fundingIntervalHours()).isEqualTo(8);
        assertThat(settings.current().symbolPolicy("BTCUSDT").notional()).isEqualTo(1000);
        assertThat(settings.current().policy().holdingHours()).isEqualTo(168);
        assertThat(settings.current().policy().maxQuoteAgeMicros()).isEqualTo(2_000_000);
    }
}
