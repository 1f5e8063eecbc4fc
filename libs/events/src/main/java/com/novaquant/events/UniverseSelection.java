package com.novaquant.events;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The traded universe, published by the signal service on the compacted {@code nova.universe} topic
 * ({@link Topics#UNIVERSE}, key {@value #KEY}) each time it changes, sealed like a signal. Ingestion follows
 * {@code tracked} for its market-data subscriptions, execution for which symbols it admits signals on, and the
 * sentinel shows it.
 *
 * @param revision    which change this is, growing with every change; at least 1
 * @param atMs        when it was chosen, epoch ms
 * @param scannedAtMs the market scan it was chosen on, epoch ms
 * @param members     the chosen pairs, best net carry first, each with its budget
 * @param tracked     every symbol the desk still needs quotes and orders for: the members and every symbol outside
 *                    them whose pair is still open (it is being closed, {@code LEFT_UNIVERSE}); sorted
 * @param left        the symbols that left the universe at this revision, and why
 */
public record UniverseSelection(long revision, long atMs, long scannedAtMs, List<Member> members,
                                List<String> tracked, List<Departure> left) implements NovaEvent {

    /** The record key: one key, so compaction keeps the latest universe only. */
    public static final String KEY = "universe";

    public UniverseSelection {
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1, was " + revision);
        }
        members = members == null ? List.of() : List.copyOf(members);
        tracked = tracked == null ? List.of() : List.copyOf(tracked);
        left = left == null ? List.of() : List.copyOf(left);
        Set<String> trackedSet = new HashSet<>(tracked);
        for (Member member : members) {
            if (!trackedSet.contains(member.symbol())) {
                throw new IllegalArgumentException("member " + member.symbol() + " is not tracked");
            }
        }
    }

    /**
     * One chosen pair.
     *
     * @param notional             the notional the pair may hold, quote currency
     * @param netCarryApr          its expected net carry at the scan, annualised fraction
     * @param fundingIntervalHours its funding interval
     * @param limitedBy            what limits its notional (its share, the per-pair cap, the book, the volume, ...)
     */
    public record Member(String symbol, BigDecimal notional, double netCarryApr, int fundingIntervalHours,
                         String limitedBy) {
        public Member {
            if (symbol == null || symbol.isBlank()) {
                throw new IllegalArgumentException("symbol is required");
            }
            if (notional == null || notional.signum() < 0) {
                throw new IllegalArgumentException(symbol + ": notional must be at least 0");
            }
        }
    }

    /** A symbol that left, and why (e.g. {@code OUTRANKED}, {@code CARRY_FELL}, {@code EXCLUDED}). */
    public record Departure(String symbol, String reason) {
    }

    /** Whether the symbol is a member (may be opened). */
    public boolean isMember(String symbol) {
        return members.stream().anyMatch(member -> member.symbol().equals(symbol));
    }

    /** Whether the desk still needs the symbol's market data and orders. */
    public boolean isTracked(String symbol) {
        return tracked.contains(symbol);
    }

    @Override
    public String key() {
        return KEY;
    }
}
