package com.novaquant.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./nq run --universe}: the desk trades a carry universe instead of a fixed list. The simulator lists its whole
 * preset catalog ({@code UNIVERSE}, 26 symbols) with funding that rotates from symbol to symbol; ingestion scans every
 * listed symbol, signal-service chooses and funds the best net carries and publishes the set, ingestion subscribes to
 * it, execution admits it, and the sentinel shows it in {@code /status}.
 */
public final class UniverseDesk {

    /** How many pairs the local desk holds at most. */
    public static final int SIZE = 5;

    private UniverseDesk() {
    }

    /**
     * Every process's properties for universe mode.
     *
     * @param scanInterval   how often ingestion scans both venues
     * @param rotationPeriod the market time in which the best carry passes once through every symbol; zero keeps the
     *                       simulator's own funding regimes (the same rates for every symbol)
     */
    public static Map<String, List<String>> properties(Duration scanInterval, Duration rotationPeriod) {
        Map<String, List<String>> properties = new HashMap<>();
        List<String> simulator = new ArrayList<>(List.of("--nova.simulator.symbols=UNIVERSE"));
        if (rotationPeriod.isPositive()) {
            simulator.add("--nova.simulator.funding.rotation-period=" + rotationPeriod.toSeconds() + "s");
        }
        properties.put(DeskConfig.SIMULATOR, simulator);
        for (String service : DeskConfig.SERVICES) {
            properties.put(service, new ArrayList<>(List.of("--nova.universe.enabled=true")));
        }
        properties.get(DeskConfig.INGESTION).add("--nova.universe.scan-interval=" + scanInterval.toSeconds() + "s");
        // The simulator's request weight serves this desk alone: scans every few seconds may take half of it.
        properties.get(DeskConfig.INGESTION).add("--nova.universe.max-weight-share=0.5");
        properties.get(DeskConfig.SIGNAL).add("--nova.universe.size=" + SIZE);
        properties.get(DeskConfig.ALERT).add("--nova.alert.universe-size=" + SIZE);
        return properties;
    }

    /** {@code base} with {@code more} added to each process's list. */
    public static Map<String, List<String>> merged(Map<String, List<String>> base, Map<String, List<String>> more) {
        Map<String, List<String>> all = new HashMap<>();
        base.forEach((process, args) -> all.put(process, new ArrayList<>(args)));
        more.forEach((process, args) -> all.computeIfAbsent(process, p -> new ArrayList<>()).addAll(args));
        return all;
    }
}
