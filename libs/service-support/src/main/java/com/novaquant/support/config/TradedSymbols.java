package com.novaquant.support.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.ArrayList;
import java.util.List;

/**
 * The symbols the desk trades, streams and reconciles: {@code nova.symbols} ({@code NOVA_SYMBOLS}), comma-separated
 * or a YAML list, default {@code BTCUSDT,ETHUSDT}. Every service that reads the list binds it here, once.
 *
 * <p>Each entry is trimmed and must be a Binance symbol as the venues write it (upper-case letters and digits), listed
 * once; an empty entry (a trailing comma) is skipped. The list itself may be empty: whether a service can run without
 * any symbol is the service's to say ({@link #nonEmpty}), as one following the traded universe can.
 *
 * @param symbols the symbols, in the order given
 * @throws InvalidConfigurationException naming the entry that is not a symbol or is listed twice
 */
@ConfigurationProperties("nova")
public record TradedSymbols(@DefaultValue({"BTCUSDT", "ETHUSDT"}) List<String> symbols) {

    static final String PROPERTY = "nova.symbols (NOVA_SYMBOLS)";
    private static final String FIX = "Set NOVA_SYMBOLS to the traded symbols, comma-separated, e.g. BTCUSDT,ETHUSDT.";

    public TradedSymbols {
        List<String> checked = new ArrayList<>();
        for (String entry : symbols == null ? List.<String>of() : symbols) {
            String symbol = entry == null ? "" : entry.strip();
            if (symbol.isEmpty()) {
                continue;
            }
            if (!symbol.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                throw new InvalidConfigurationException(PROPERTY + ": '" + symbol + "' is not a Binance symbol "
                        + "(upper-case letters and digits only)", FIX);
            }
            if (checked.contains(symbol)) {
                throw new InvalidConfigurationException(PROPERTY + " lists " + symbol + " twice", FIX);
            }
            checked.add(symbol);
        }
        symbols = List.copyOf(checked);
    }

    /**
     * The symbols, for a service that cannot run without any.
     *
     * @param consequence what an empty list leaves the service unable to do, e.g. "the signal service has nothing to
     *                    trade"
     * @throws InvalidConfigurationException when the list is empty
     */
    public List<String> nonEmpty(String consequence) {
        if (symbols.isEmpty()) {
            throw new InvalidConfigurationException(PROPERTY + " is empty: " + consequence,
                    "Set NOVA_SYMBOLS to the traded symbols, e.g. BTCUSDT,ETHUSDT.");
        }
        return symbols;
    }
}
