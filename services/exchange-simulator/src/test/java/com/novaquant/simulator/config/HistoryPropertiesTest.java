package com.novaquant.simulator.config;

import com.novaquant.simulator.SimulatorProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code nova.simulator.history.*} as Spring binds it: the defaults, the month format and each refusal. */
class HistoryPropertiesTest {

    static SimulatorProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("nova.simulator", SimulatorProperties.class);
    }

    @Test
    void theDefaultsPlayEveryMonthAtAnHourAWallMinuteWithAOneBasisPointHalfSpreadOnce() {
        SimulatorProperties properties = bind(Map.of("nova.simulator.source", "history", "nova.simulator.history.dir", "mirror"));

        SimulatorProperties.History history = properties.history();
        assertThat(history.dir()).isEqualTo(Path.of("mirror"));
        assertThat(history.from()).isNull();
        assertThat(history.to()).isNull();
        assertThat(history.symbols()).isEmpty();
        assertThat(history.speed()).isEqualTo(60);
        assertThat(history.halfSpread()).isEqualByComparingTo("0.0001");
        assertThat(history.loop()).isFalse();
        assertThat(properties.marketClockSpeed()).as("history ms per wall ms").isEqualTo(3_600);
    }

    @Test
    void monthsAndSymbolsAreReadAsWritten() {
        SimulatorProperties.History history = bind(Map.of("nova.simulator.source", "history",
                "nova.simulator.history.dir", "mirror", "nova.simulator.history.from", "2024-01",
                "nova.simulator.history.to", "2024-03", "nova.simulator.history.symbols", " solusdt,BTCUSDT",
                "nova.simulator.history.half-spread", "0.0005", "nova.simulator.history.loop", "true")).history();

        assertThat(history.from()).isEqualTo(YearMonth.of(2024, 1));
        assertThat(history.to()).isEqualTo(YearMonth.of(2024, 3));
        assertThat(history.symbols()).isEqualTo(List.of("SOLUSDT", "BTCUSDT"));
        assertThat(history.halfSpread()).isEqualTo(new BigDecimal("0.0005"));
        assertThat(history.loop()).isTrue();
    }

    @Test
    void theHistorySourceWithoutADirectoryIsRefusedSayingWhatToSet() {
        assertThatThrownBy(() -> bind(Map.of("nova.simulator.source", "history")))
                .rootCause().hasMessageContaining("nova.simulator.history.dir must be set");
    }

    @Test
    void aSpeedOfZeroAHalfSpreadOfOneAndMonthsOutOfOrderAreRefused() {
        assertThatThrownBy(() -> bind(Map.of("nova.simulator.history.speed", "0")))
                .rootCause().hasMessageContaining("nova.simulator.history.speed must be above 0");
        assertThatThrownBy(() -> bind(Map.of("nova.simulator.history.half-spread", "1")))
                .rootCause().hasMessageContaining("nova.simulator.history.half-spread");
        assertThatThrownBy(() -> bind(Map.of("nova.simulator.history.from", "2024-04", "nova.simulator.history.to", "2024-03")))
                .rootCause().hasMessageContaining("is after to");
    }

    @Test
    void otherSourcesNeedNoDirectoryAndKeepTheirClockSpeed() {
        SimulatorProperties properties = bind(Map.of("nova.simulator.clock-speed", "60"));

        assertThat(properties.history().dir()).isNull();
        assertThat(properties.marketClockSpeed()).isEqualTo(60);
    }
}
