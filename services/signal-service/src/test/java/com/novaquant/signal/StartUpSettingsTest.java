package com.novaquant.signal;

import com.novaquant.signal.application.SignalProperties;
import com.novaquant.support.config.InvalidConfigurationException;
import com.novaquant.support.config.TradedSymbols;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Start-up settings the service cannot run with stop it with every reason and the fix, for the failure report. */
class StartUpSettingsTest {

    private final SignalServiceConfiguration configuration = new SignalServiceConfiguration();

    @Test
    void unusableStartUpSettingsStopTheServiceNamingEachProblemAndTheFix() {
        SignalProperties inverted = new SignalProperties(0.05, 0.15, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);

        assertThatThrownBy(() -> configuration.liveSettings(inverted, new TradedSymbols(List.of("BTCUSDT"))))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.action()).contains("nova.signal."))
                .hasMessageContaining("entry-threshold-apr (0.05) must be above exit-threshold-apr (0.15)");
    }

    @Test
    void noSymbolsStopTheServiceNamingTheSetting() {
        SignalProperties defaults = new SignalProperties(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);

        assertThatThrownBy(() -> configuration.liveSettings(defaults, new TradedSymbols(List.of(" ", " "))))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("nova.symbols (NOVA_SYMBOLS) is empty: the signal service has nothing to trade");
    }
}
