package com.novaquant.simulator.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which symbols the history source plays, and the start-up errors naming those it cannot. */
class HistorySymbolsTest {

    static final Path DIR = Path.of("/data/mirror");
    static final Set<String> MIRROR = Set.of("BTCUSDT", "ETHUSDT", "SOLUSDT");

    @Test
    void byDefaultEveryListedSymbolTheMirrorHoldsIsPlayedInListedOrder() {
        assertThat(HistorySymbols.resolve(List.of(), List.of("SOLUSDT", "DOGEUSDT", "BTCUSDT"), MIRROR, DIR))
                .containsExactly("SOLUSDT", "BTCUSDT");
    }

    @Test
    void byDefaultAnErrorSaysSoWhenTheMirrorHoldsNoneOfTheListedSymbols() {
        assertThatThrownBy(() -> HistorySymbols.resolve(List.of(), List.of("DOGEUSDT"), MIRROR, DIR))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DOGEUSDT").hasMessageContaining("/data/mirror").hasMessageContaining("BTCUSDT, ETHUSDT");
    }

    @Test
    void aConfiguredSymbolAbsentFromTheMirrorIsAnErrorNamingIt() {
        assertThatThrownBy(() -> HistorySymbols.resolve(List.of("BTCUSDT", "DOGEUSDT"), List.of("BTCUSDT", "DOGEUSDT"), MIRROR, DIR))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("DOGEUSDT is not in the history mirror /data/mirror");
    }

    @Test
    void aConfiguredSymbolTheSimulatorDoesNotListIsAnErrorNamingIt() {
        assertThatThrownBy(() -> HistorySymbols.resolve(List.of("SOLUSDT"), List.of("BTCUSDT"), MIRROR, DIR))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("names SOLUSDT, which nova.simulator.symbols does not list");
    }

    @Test
    void configuredSymbolsThatAreListedAndInTheMirrorArePlayedAsConfigured() {
        assertThat(HistorySymbols.resolve(List.of("ETHUSDT"), List.of("BTCUSDT", "ETHUSDT"), MIRROR, DIR)).containsExactly("ETHUSDT");
    }
}
