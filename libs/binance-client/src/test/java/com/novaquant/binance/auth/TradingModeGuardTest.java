package com.novaquant.binance.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TradingModeGuardTest {

    private static final URI SIMULATOR = URI.create("http://localhost:8090/futures");

    @ParameterizedTest
    @ValueSource(strings = {"https://api.binance.com", "https://api1.binance.com", "https://api2.binance.com",
            "https://api3.binance.com", "https://api4.binance.com", "https://api-gcp.binance.com",
            "https://fapi.binance.com", "https://FAPI.Binance.com/", "https://fapi.binance.com.",
            "https://papi.binance.com", "https://api.binance.us", "https://www.binance.com"})
    void paperModeRefusesBinanceProductionHosts(String url) {
        assertThatThrownBy(() -> TradingModeGuard.validate(TradingMode.PAPER, Credentials.none(),
                URI.create(url), SIMULATOR))
                .isInstanceOf(UnsafeTradingConfigurationException.class)
                .hasMessageContaining("production host")
                .hasMessageContaining(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8090/spot", "http://127.0.0.1:8090/futures",
            "https://testnet.binance.vision/api", "https://api1.testnet.binance.vision",
            "https://demo-api.binance.com", "https://demo-fapi.binance.com", "https://testnet.binancefuture.com",
            "http://exchange-simulator:8090/spot"})
    void paperModeAcceptsSimulatorLoopbackAndTestnets(String url) {
        assertThatCode(() -> TradingModeGuard.validate(TradingMode.PAPER, Credentials.none(), URI.create(url)))
                .doesNotThrowAnyException();
    }

    @Test
    void liveModeWithoutCredentialsIsRefused() {
        assertThatThrownBy(() -> TradingModeGuard.validate(TradingMode.LIVE, Credentials.of("key", " "),
                URI.create("https://api.binance.com")))
                .isInstanceOf(UnsafeTradingConfigurationException.class)
                .hasMessageContaining("BINANCE_API_KEY");
    }

    @Test
    void liveModeWithCredentialsMayUseProductionHosts() {
        assertThatCode(() -> TradingModeGuard.validate(TradingMode.LIVE, Credentials.of("key", "secret"),
                URI.create("https://api.binance.com"), URI.create("https://fapi.binance.com")))
                .doesNotThrowAnyException();
    }

    @Test
    void nonHttpUrlIsRefused() {
        assertThatThrownBy(() -> TradingModeGuard.validate(TradingMode.PAPER, Credentials.none(),
                URI.create("ftp://localhost/spot")))
                .isInstanceOf(UnsafeTradingConfigurationException.class);
    }

    @Test
    void tradingModeParsesOnlyPaperOrLiveAndDefaultsToPaperWhenBlank() {
        assertThat(TradingMode.parse("LIVE")).isEqualTo(TradingMode.LIVE);
        assertThat(TradingMode.parse(" paper ")).isEqualTo(TradingMode.PAPER);
        assertThat(TradingMode.parse("")).isEqualTo(TradingMode.PAPER);
        assertThatThrownBy(() -> TradingMode.parse("production")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void credentialsToStringMasksTheSecretAndMostOfTheKey() {
        Credentials credentials = Credentials.fromEnvironment(Map.of(
                Credentials.API_KEY_ENV, "AbCdEfGhIjKlMnOp", Credentials.SECRET_ENV, "TopSecretValue123"));

        assertThat(credentials.toString())
                .doesNotContain("TopSecretValue123")
                .doesNotContain("EfGhIjKlMnOp")
                .contains("****");
        assertThat(credentials.isComplete()).isTrue();
        assertThat(Credentials.none().isComplete()).isFalse();
    }
}
