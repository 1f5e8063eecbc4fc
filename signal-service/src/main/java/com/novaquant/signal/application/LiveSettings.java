package com.novaquant.signal.application;

import com.novaquant.signal.domain.SignalPolicy;
import com.novaquant.signal.domain.SymbolPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The configuration in force. Start-up values come from {@link SignalProperties}; an operator may replace them at
 * runtime. A replacement is validated first and swapped in whole, so an evaluation always sees one consistent set.
 */
public final class LiveSettings {

    private static final Logger log = LoggerFactory.getLogger(LiveSettings.class);

    /** One consistent set: the properties, and the policies derived from them for the evaluation path. */
    public record Snapshot(SignalProperties properties, SignalPolicy policy, Map<String, SymbolPolicy> symbolPolicies,
                           long signalTtlMs) {

        public SymbolPolicy symbolPolicy(String symbol) {
            return symbolPolicies.get(symbol);
        }
    }

    private final List<String> symbols;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    /** @throws InvalidSettingsException when the start-up values are not usable: the service must not start on them */
    public LiveSettings(SignalProperties initial, List<String> symbols) {
        this.symbols = List.copyOf(symbols);
        current.set(snapshot(initial));
    }

    public Snapshot current() {
        return current.get();
    }

    /** Validates and swaps in new values. @throws InvalidSettingsException listing every problem; nothing changes */
    public Snapshot replace(SignalProperties next, String by) {
        Snapshot snapshot = snapshot(next);
        current.set(snapshot);
        log.warn("Signal configuration replaced by {}: {}", by, next);
        return snapshot;
    }

    public List<String> symbols() {
        return symbols;
    }

    private Snapshot snapshot(SignalProperties p) {
        List<String> violations = new ArrayList<>(p.violations());
        for (String configured : p.symbols().keySet()) {
            if (!symbols.contains(configured)) {
                violations.add("symbols." + configured + " configures a symbol that is not traded (nova.symbols is "
                        + String.join(",", symbols) + ")");
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidSettingsException(violations);
        }
        SignalPolicy policy = new SignalPolicy(
                p.entryThresholdApr(),
                p.exitThresholdApr(),
                p.negativeFundingIntervals(),
                p.basisTakeProfit(),
                p.expectedHoldingTime().toMillis() / 3_600_000.0,
                p.exitHorizon().toMillis() / 3_600_000.0,
                micros(p.maxQuoteAge().toNanos()),
                micros(p.maxFundingAge().toNanos()),
                p.maxSpotPerpDeviation(),
                p.maxAbsFundingRate(),
                micros(p.cooldown().toNanos()),
                micros(p.republishInterval().toNanos()),
                p.fees().spotFee(),
                p.fees().perpFee(),
                p.sizing().topOfBookFraction(),
                p.sizing().totalCap(),
                p.sizing().minNotional());
        Map<String, SymbolPolicy> perSymbol = new HashMap<>();
        for (String symbol : symbols) {
            perSymbol.put(symbol, new SymbolPolicy(p.fundingIntervalHours(symbol), p.notional(symbol)));
        }
        return new Snapshot(p, policy, Map.copyOf(perSymbol), p.signalTtl().toMillis());
    }

    private static long micros(long nanos) {
        return nanos / 1_000;
    }
}
