package com.novaquant.simulator.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Settled funding rates per symbol, in settlement order (GET /fapi/v1/fundingRate). */
public final class FundingHistory {

    private final Map<String, List<Entry>> bySymbol = new ConcurrentHashMap<>();

    public void record(Entry entry) {
        List<Entry> list = bySymbol.computeIfAbsent(entry.symbol(), s -> new ArrayList<>());
        synchronized (list) {
            list.add(entry);
        }
    }

    public List<Entry> entries(String symbol) {
        List<Entry> list = bySymbol.getOrDefault(symbol, List.of());
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    /** The last settled rate of a symbol, or null before the first settlement. */
    public BigDecimal lastRate(String symbol) {
        List<Entry> list = entries(symbol);
        return list.isEmpty() ? null : list.getLast().rate();
    }

    /** One settlement: rate, wall time of settlement and mark price used. */
    public record Entry(String symbol, BigDecimal rate, long fundingTime, BigDecimal markPrice) {
    }
}
