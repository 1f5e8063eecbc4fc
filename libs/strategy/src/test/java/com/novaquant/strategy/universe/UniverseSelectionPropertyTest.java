package com.novaquant.strategy.universe;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static com.novaquant.strategy.universe.Candidates.RULES;
import static org.assertj.core.api.Assertions.assertThat;

class UniverseSelectionPropertyTest {

    @Property
    void membersAreAtMostTheSizeEligibleAndAboveTheStayLevel(@ForAll("universes") List<Candidate> candidates,
                                                            @ForAll("previousSets") Set<String> previous) {
        Selection selection = UniverseSelector.select(previous, candidates, RULES);

        assertThat(selection.members()).hasSizeLessThanOrEqualTo(RULES.size());
        assertThat(selection.members()).allSatisfy(m -> {
            assertThat(m.eligible()).isTrue();
            assertThat(m.netCarryApr()).isGreaterThanOrEqualTo(RULES.stayCarryApr());
        });
        for (String symbol : selection.entered()) {
            assertThat(carry(selection, symbol)).isGreaterThanOrEqualTo(RULES.entryCarryApr());
            assertThat(previous).doesNotContain(symbol);
        }
        assertThat(selection.left().keySet()).isSubsetOf(previous);
        assertThat(selection.left().keySet()).noneMatch(selection.symbols()::contains);
        Set<String> expected = new java.util.HashSet<>(previous);
        expected.removeAll(selection.left().keySet());
        expected.addAll(selection.entered());
        assertThat(selection.symbols()).isEqualTo(expected);
    }

    @Property
    void aMemberIsReplacedOnlyByASymbolThatBeatsItByMoreThanTheMargin(
            @ForAll("universes") List<Candidate> candidates, @ForAll("previousSets") Set<String> previous) {
        Selection selection = UniverseSelector.select(previous, candidates, RULES);

        selection.left().forEach((symbol, why) -> {
            switch (why) {
                case OUTRANKED -> assertThat(selection.entered().stream().mapToDouble(e -> carry(selection, e)).max()
                        .orElse(Double.NEGATIVE_INFINITY))
                        .isGreaterThan(carry(selection, symbol) + RULES.switchMarginApr());
                case CARRY_FELL -> assertThat(carry(selection, symbol)).isLessThan(RULES.stayCarryApr());
                case EXCLUDED -> assertThat(ranked(selection, symbol) == null || !ranked(selection, symbol).eligible())
                        .isTrue();
                case SIZE_REDUCED -> assertThat(previous.size()).isGreaterThan(RULES.size());
            }
        });
    }

    @Property
    void choosingAgainOnTheSameDataChangesNothing(@ForAll("universes") List<Candidate> candidates,
                                                  @ForAll("previousSets") Set<String> previous) {
        Selection first = UniverseSelector.select(previous, candidates, RULES);
        Selection second = UniverseSelector.select(first.symbols(), candidates, RULES);

        assertThat(second.changed()).isFalse();
        assertThat(second.symbols()).isEqualTo(first.symbols());
    }

    @Property
    void fromNothingTheBestEligibleSymbolsAboveTheEntryLevelAreChosen(@ForAll("universes") List<Candidate> candidates) {
        Selection selection = UniverseSelector.select(Set.of(), candidates, RULES);

        Set<String> best = candidates.stream().map(c -> UniverseSelector.rank(c, RULES))
                .filter(r -> r.eligible() && r.netCarryApr() >= RULES.entryCarryApr())
                .sorted(Comparator.comparingDouble(Ranked::netCarryApr).reversed().thenComparing(Ranked::symbol))
                .limit(RULES.size()).map(Ranked::symbol).collect(Collectors.toSet());
        assertThat(selection.symbols()).isEqualTo(best);
    }

    /**
     * The hysteresis band: a full set of members at or above the stay level, and no outsider beating the weakest
     * member by more than the margin. Whatever the carries inside it, the set stays as it is.
     */
    @Property
    void insideTheHysteresisBandTheSetDoesNotChange(
            @ForAll @Size(5) List<@DoubleRange(min = 0.05, max = 0.80) @Scale(4) Double> memberCarries,
            @ForAll @Size(max = 30) List<@DoubleRange(min = -1.0, max = 1.0) @Scale(4) Double> outsiderPositions) {
        List<Candidate> candidates = new ArrayList<>();
        Set<String> members = new java.util.HashSet<>();
        double weakest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < memberCarries.size(); i++) {
            double carry = Math.max(RULES.stayCarryApr() + 1e-6, memberCarries.get(i));
            weakest = Math.min(weakest, carry);
            candidates.add(Candidates.liquid("M" + i, Candidates.rateFor(carry)));
            members.add("M" + i);
        }
        for (int j = 0; j < outsiderPositions.size(); j++) {
            // Anywhere from far below up to just inside the margin over the weakest member.
            double carry = weakest + RULES.switchMarginApr() - 1e-6 - Math.abs(outsiderPositions.get(j));
            candidates.add(Candidates.liquid("O" + j, Candidates.rateFor(carry)));
        }

        Selection selection = UniverseSelector.select(members, candidates, RULES);

        assertThat(selection.changed()).isFalse();
        assertThat(selection.symbols()).isEqualTo(members);
    }

    /**
     * The liquidity band: with volume and depth between the members' stay level and the entry level, a member stays
     * and an outsider of the same carry does not enter.
     */
    @Property
    void insideTheLiquidityBandAMemberStaysAndAnOutsiderStaysOut(
            @ForAll @DoubleRange(min = 0.5, max = 0.99) @Scale(3) double shareOfTheEntryLevel) {
        Candidate member = thin(Candidates.liquid("MEMBER", Candidates.rateFor(0.4)), shareOfTheEntryLevel);
        Candidate outsider = thin(Candidates.liquid("OUTSIDER", Candidates.rateFor(0.4)), shareOfTheEntryLevel);

        Selection selection = UniverseSelector.select(Set.of("MEMBER"), List.of(member, outsider), RULES);

        assertThat(selection.symbols()).containsExactly("MEMBER");
        assertThat(selection.changed()).isFalse();
        assertThat(UniverseSelector.rank(outsider, RULES).exclusion()).isIn(Exclusion.LOW_VOLUME,
                Exclusion.THIN_BOOK);
    }

    /** Volumes and book quantities scaled so both sit at {@code share} of what an entry needs. */
    private static Candidate thin(Candidate c, double share) {
        double depthQty = RULES.minDepthMultiple() * RULES.intendedNotional() * share / c.perpBid();
        double volume = RULES.minQuoteVolume() * share;
        return new Candidate(c.symbol(), true, c.fundingRate(), c.fundingIntervalHours(), c.spotBid(), depthQty * 2,
                c.spotAsk(), depthQty * 2, c.perpBid(), depthQty, c.perpAsk(), depthQty, volume, volume);
    }

    @Provide
    Arbitrary<List<Candidate>> universes() {
        return Candidates.universes();
    }

    @Provide
    Arbitrary<Set<String>> previousSets() {
        return Arbitraries.integers().between(0, 45).map(i -> String.format("S%02d", i)).set().ofMaxSize(8);
    }

    private static Ranked ranked(Selection selection, String symbol) {
        return selection.ranked().stream().filter(r -> r.symbol().equals(symbol)).findFirst().orElse(null);
    }

    private static double carry(Selection selection, String symbol) {
        Ranked r = ranked(selection, symbol);
        return r == null ? Double.NaN : r.netCarryApr();
    }
}
