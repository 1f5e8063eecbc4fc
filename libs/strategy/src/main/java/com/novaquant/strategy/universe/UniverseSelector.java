package com.novaquant.strategy.universe;

import com.novaquant.strategy.pair.CarryModel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the symbols the desk trades: every candidate is filtered by liquidity and ranked by the entry rule's
 * measure ({@link CarryModel#netCarryApr}, over the symbol's own funding interval), and the best are chosen with
 * hysteresis so that the set does not churn:
 * <ol>
 *   <li>a member leaves when it is excluded (not tradable, unsound data, or illiquid by the relaxed measure of
 *       {@link UniverseRules#liquidityStay()}) or no longer listed, or when its net carry falls below
 *       {@link UniverseRules#stayCarryApr()};</li>
 *   <li>when the size shrank, the weakest members leave;</li>
 *   <li>free places go to the best symbols whose net carry reaches {@link UniverseRules#entryCarryApr()};</li>
 *   <li>a member is replaced only by a symbol whose net carry beats it by more than the switch margin.</li>
 * </ol>
 * Inside that band nothing changes, and choosing again on the same data chooses the same set.
 */
public final class UniverseSelector {

    /** Best net carry first; symbols with no carry (unsound data) last; ties by symbol, so the order is total. */
    private static final Comparator<Ranked> BEST_FIRST = Comparator
            .comparingDouble((Ranked r) -> Double.isNaN(r.netCarryApr()) ? Double.NEGATIVE_INFINITY : r.netCarryApr())
            .reversed()
            .thenComparing(Ranked::symbol);

    private UniverseSelector() {
    }

    /**
     * @param previous   the members chosen by the previous scan (empty at the start)
     * @param candidates every symbol listed on both venues; a symbol given twice counts once, as its last entry
     */
    public static Selection select(Collection<String> previous, Collection<Candidate> candidates, UniverseRules rules) {
        Set<String> incumbents = new LinkedHashSet<>(previous);
        Map<String, Ranked> bySymbol = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            bySymbol.put(candidate.symbol(), rank(candidate, rules, incumbents.contains(candidate.symbol())));
        }
        List<Ranked> ranked = new ArrayList<>(bySymbol.values());
        ranked.sort(BEST_FIRST);

        Map<String, Selection.LeaveReason> left = new LinkedHashMap<>();
        List<Ranked> kept = new ArrayList<>();
        for (String symbol : incumbents) {
            Ranked member = bySymbol.get(symbol);
            if (member == null || !member.eligible()) {
                left.put(symbol, Selection.LeaveReason.EXCLUDED);
            } else if (member.netCarryApr() < rules.stayCarryApr()) {
                left.put(symbol, Selection.LeaveReason.CARRY_FELL);
            } else {
                kept.add(member);
            }
        }
        kept.sort(BEST_FIRST);
        while (kept.size() > rules.size()) {
            left.put(kept.removeLast().symbol(), Selection.LeaveReason.SIZE_REDUCED);
        }

        Set<String> entered = new LinkedHashSet<>();
        for (Ranked challenger : ranked) {
            if (!challenger.eligible() || challenger.netCarryApr() < rules.entryCarryApr()
                    || kept.contains(challenger) || left.containsKey(challenger.symbol())) {
                continue;
            }
            if (kept.size() < rules.size()) {
                kept.add(challenger);
                entered.add(challenger.symbol());
                continue;
            }
            Ranked weakest = kept.stream().max(BEST_FIRST).orElse(null);
            if (weakest == null || challenger.netCarryApr() <= weakest.netCarryApr() + rules.switchMarginApr()) {
                break;
            }
            kept.remove(weakest);
            left.put(weakest.symbol(), Selection.LeaveReason.OUTRANKED);
            entered.remove(weakest.symbol());
            kept.add(challenger);
            entered.add(challenger.symbol());
        }
        kept.sort(BEST_FIRST);
        return new Selection(List.copyOf(kept), Set.copyOf(entered), Map.copyOf(left), List.copyOf(ranked));
    }

    /** The candidate's net carry and, when it cannot enter now, why. */
    public static Ranked rank(Candidate c, UniverseRules rules) {
        return rank(c, rules, false);
    }

    /**
     * The candidate's net carry and, when it cannot be chosen now, why; a member is held to the relaxed liquidity
     * measure ({@link UniverseRules#liquidityStay()}).
     */
    public static Ranked rank(Candidate c, UniverseRules rules, boolean member) {
        if (!c.tradable()) {
            return new Ranked(c, Double.NaN, Exclusion.NOT_TRADABLE);
        }
        if (!sound(c)) {
            return new Ranked(c, Double.NaN, Exclusion.UNSOUND_DATA);
        }
        double carry = CarryModel.netCarryApr(c.fundingRate(), c.fundingIntervalHours(), c.spotBid(), c.spotAsk(),
                c.perpBid(), c.perpAsk(), rules.roundTripFees(), rules.holdingHours());
        double slack = member ? rules.liquidityStay() : 1;
        Exclusion exclusion = null;
        if (c.thinnerVolume() < rules.minQuoteVolume() * slack) {
            exclusion = Exclusion.LOW_VOLUME;
        } else if (c.widerSpread() > rules.maxSpread() / slack) {
            exclusion = Exclusion.WIDE_SPREAD;
        } else if (c.openingDepth() < rules.minDepthMultiple() * rules.intendedNotional() * slack) {
            exclusion = Exclusion.THIN_BOOK;
        }
        return new Ranked(c, carry, exclusion);
    }

    private static boolean sound(Candidate c) {
        return positive(c.spotBid()) && positive(c.spotAsk()) && positive(c.perpBid()) && positive(c.perpAsk())
                && positive(c.spotBidQty()) && positive(c.spotAskQty()) && positive(c.perpBidQty())
                && positive(c.perpAskQty()) && c.spotBid() < c.spotAsk() && c.perpBid() < c.perpAsk()
                && Double.isFinite(c.fundingRate()) && positive(c.fundingIntervalHours())
                && c.spotQuoteVolume() >= 0 && c.perpQuoteVolume() >= 0
                && Double.isFinite(c.spotQuoteVolume()) && Double.isFinite(c.perpQuoteVolume());
    }

    private static boolean positive(double value) {
        return value > 0 && value < Double.POSITIVE_INFINITY;
    }
}
