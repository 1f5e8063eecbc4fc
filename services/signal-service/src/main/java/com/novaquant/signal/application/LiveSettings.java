package com.novaquant.signal.application;

import com.novaquant.strategy.pair.SignalPolicy;
import com.novaquant.strategy.pair.SymbolPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The configuration in force. Start-up values come from {@link SignalProperties}; an operator may replace them at
 * runtime, every replica taking the change from the shared settings topic ({@link SharedSettings}). A replacement is
 * validated first and swapped in whole with its revision, so an evaluation always sees one consistent set and a
 * reader one consistent set with who made it.
 */
public final class LiveSettings {

    private static final Logger log = LoggerFactory.getLogger(LiveSettings.class);

    /**
     * One consistent set: the properties, the policies derived from them for the evaluation path, and which revision
     * of the settings they are.
     */
    public record Snapshot(SignalProperties properties, SignalPolicy policy, Map<String, SymbolPolicy> symbolPolicies,
                           long signalTtlMs, Revision revision) {

        public SymbolPolicy symbolPolicy(String symbol) {
            return symbolPolicies.get(symbol);
        }
    }

    /**
     * Which settings these are: revision 0 for the start-up properties, then the revision of the change on the
     * shared settings topic, with who made it and when (epoch ms).
     */
    public record Revision(long number, String by, long atMs) {

        /** Who the start-up properties are recorded as made by. */
        public static final String START_UP = "start-up properties";

        public Revision {
            if (number < 0) {
                throw new IllegalArgumentException("a revision is 0 or more, was " + number);
            }
            by = by == null ? "" : by;
        }

        public boolean startUp() {
            return number == 0;
        }
    }

    private final List<String> symbols;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final SignalProperties startUp;

    /** @throws InvalidSettingsException when the start-up values are not usable: the service must not start on them */
    public LiveSettings(SignalProperties initial, List<String> symbols) {
        this.symbols = List.copyOf(symbols);
        this.startUp = initial;
        current.set(snapshot(initial, new Revision(0, Revision.START_UP, System.currentTimeMillis())));
    }

    public Snapshot current() {
        return current.get();
    }

    /** The properties the service started with (revision 0). */
    public SignalProperties startUpProperties() {
        return startUp;
    }

    /** Checks values without using them. @throws InvalidSettingsException listing every problem */
    public void validate(SignalProperties candidate) {
        snapshot(candidate, current.get().revision());
    }

    /**
     * Validates and swaps in new values, recorded as the given revision.
     *
     * @throws InvalidSettingsException listing every problem; nothing changes
     */
    public Snapshot replace(SignalProperties next, Revision revision) {
        Snapshot snapshot = snapshot(next, revision);
        current.set(snapshot);
        log.warn("Signal configuration revision {} by {} at {} in force: {}", revision.number(),
                printable(revision.by()), Instant.ofEpochMilli(revision.atMs()), next);
        return snapshot;
    }

    public List<String> symbols() {
        return symbols;
    }

    private Snapshot snapshot(SignalProperties p, Revision revision) {
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
                p.sizing().minNotional(),
                p.sizing().resizeBand());
        Map<String, SymbolPolicy> perSymbol = new HashMap<>();
        for (String symbol : symbols) {
            perSymbol.put(symbol, new SymbolPolicy(p.fundingIntervalHours(symbol), p.notional(symbol)));
        }
        return new Snapshot(p, policy, Map.copyOf(perSymbol), p.signalTtl().toMillis(), revision);
    }

    /** A name read from the shared topic, safe for one log line: control characters become spaces, length bounded. */
    public static String printable(String text) {
        String clean = text.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() <= 200 ? clean : clean.substring(0, 200) + "...";
    }

    private static long micros(long nanos) {
        return nanos / 1_000;
    }
}
