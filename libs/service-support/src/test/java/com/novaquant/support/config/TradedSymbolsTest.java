package com.novaquant.support.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.novaquant.support.config.PropertyBinding.bindEnvironment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code nova.symbols} as every service binds it: the default, the forms it is given in, and what is refused. */
class TradedSymbolsTest {

    @Test
    void unsetItIsTheDefaultPair() {
        assertThat(bind(Map.of()).symbols()).containsExactly("BTCUSDT", "ETHUSDT");
    }

    @Test
    void aCommaSeparatedValueIsTrimmedAndKeepsItsOrder() {
        assertThat(bind(Map.of("nova.symbols", " SOLUSDT, BTCUSDT ,1000PEPEUSDT,")).symbols())
                .containsExactly("SOLUSDT", "BTCUSDT", "1000PEPEUSDT");
    }

    @Test
    void theEnvironmentVariableAndAYamlListBindTheSame() {
        assertThat(bindEnvironment("nova", TradedSymbols.class, Map.of("NOVA_SYMBOLS", "ETHUSDT,BTCUSDT")).symbols())
                .containsExactly("ETHUSDT", "BTCUSDT");
        assertThat(bind(Map.of("nova.symbols[0]", "ETHUSDT", "nova.symbols[1]", "BTCUSDT")).symbols())
                .containsExactly("ETHUSDT", "BTCUSDT");
    }

    @Test
    void anEmptyValueIsAnEmptyListNotTheDefault() {
        assertThat(bind(Map.of("nova.symbols", "")).symbols()).isEmpty();
        assertThat(bind(Map.of("nova.symbols", " , ")).symbols()).isEmpty();
    }

    @Test
    void aServiceThatNeedsSymbolsRefusesAnEmptyListNamingTheSettingAndTheFix() {
        TradedSymbols none = bind(Map.of("nova.symbols", ""));

        assertThatThrownBy(() -> none.nonEmpty("the signal service has nothing to trade"))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.action())
                        .isEqualTo("Set NOVA_SYMBOLS to the traded symbols, e.g. BTCUSDT,ETHUSDT."))
                .hasMessage("nova.symbols (NOVA_SYMBOLS) is empty: the signal service has nothing to trade");
        assertThat(bind(Map.of("nova.symbols", "BTCUSDT")).nonEmpty("unused")).containsExactly("BTCUSDT");
    }

    @Test
    void anEntryThatIsNotAnUpperCaseSymbolIsRefusedByName() {
        assertThat(refusal("BTCUSDT,ethusdt")).hasMessage("nova.symbols (NOVA_SYMBOLS): 'ethusdt' is not a Binance"
                + " symbol (upper-case letters and digits only)");
        assertThat(refusal("BTC-USDT")).hasMessageContaining("'BTC-USDT' is not a Binance symbol");
        assertThat(refusal("BTC USDT")).hasMessageContaining("'BTC USDT' is not a Binance symbol");
    }

    @Test
    void aSymbolListedTwiceIsRefused() {
        InvalidConfigurationException twice = refusal("BTCUSDT,ETHUSDT, BTCUSDT");

        assertThat(twice).hasMessage("nova.symbols (NOVA_SYMBOLS) lists BTCUSDT twice");
        assertThat(twice.action()).contains("NOVA_SYMBOLS");
    }

    private static TradedSymbols bind(Map<String, String> properties) {
        return PropertyBinding.bind("nova", TradedSymbols.class, properties);
    }

    private static InvalidConfigurationException refusal(String symbols) {
        return PropertyBinding.refusal("nova", TradedSymbols.class, Map.of("nova.symbols", symbols));
    }
}
