package com.novaquant.strategy.universe;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Set;

import static com.novaquant.strategy.universe.Candidates.RULES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CapitalAllocationPropertyTest {

    /** Floating-point slack on sums of whole-cent amounts: far under a cent. */
    private static final double EPS = 1e-6;

    @Property
    void noPairIsAllocatedAboveItsCapsOrUnderTheMinimum(@ForAll("members") List<Ranked> members,
                                                       @ForAll("rules") AllocationRules rules) {
        Allocation allocation = CapitalAllocator.allocate(members, rules);

        assertThat(allocation.budgets()).hasSize(members.size());
        for (int i = 0; i < members.size(); i++) {
            Allocation.Budget budget = allocation.budgets().get(i);
            Candidate c = members.get(i).candidate();
            assertThat(budget.symbol()).isEqualTo(c.symbol());
            assertThat(budget.notional()).isGreaterThanOrEqualTo(0)
                    .isLessThanOrEqualTo(rules.perPairCap() + EPS)
                    .isLessThanOrEqualTo(rules.bookFraction() * c.openingDepth() + EPS)
                    .isLessThanOrEqualTo(rules.volumeFraction() * c.thinnerVolume() + EPS);
            assertThat(budget.notional() == 0 || budget.notional() >= rules.minNotional()).isTrue();
            assertThat(Math.abs(budget.notional() * 100 - Math.rint(budget.notional() * 100))).isLessThan(1e-6);
        }
    }

    @Property
    void theTotalStaysWithinTheCapitalWithMarginAndWithinTheTotalCap(@ForAll("members") List<Ranked> members,
                                                                    @ForAll("rules") AllocationRules rules) {
        Allocation allocation = CapitalAllocator.allocate(members, rules);

        assertThat(allocation.totalNotional()).isLessThanOrEqualTo(rules.totalCap() + EPS);
        assertThat(allocation.totalNotional() * rules.capitalPerNotional()).isLessThanOrEqualTo(rules.capital() + EPS);
    }

    /** Capital is not left idle: while a pair is held back only by its share, the whole budget is spread. */
    @Property
    void whileAPairIsBelowItsCapsTheBudgetIsSpentToTheCent(@ForAll("members") List<Ranked> members,
                                                          @ForAll("rules") AllocationRules rules) {
        Allocation allocation = CapitalAllocator.allocate(members, rules);

        boolean someHeldByShare = allocation.budgets().stream()
                .anyMatch(b -> b.limitedBy() == Allocation.Limit.SHARE);
        if (someHeldByShare) {
            assertThat(allocation.totalNotional())
                    .isGreaterThanOrEqualTo(rules.notionalBudget() - 0.01 * members.size() - EPS);
        }
    }

    @Property
    void equalWeightingGivesEveryPairHeldByItsShareTheSameNotional(@ForAll("members") List<Ranked> members,
                                                                  @ForAll("rules") AllocationRules given) {
        AllocationRules rules = new AllocationRules(AllocationRules.Weighting.EQUAL, given.capital(),
                given.perpLeverage(), given.perPairCap(), given.totalCap(), given.bookFraction(),
                given.volumeFraction(), given.minNotional());
        Allocation allocation = CapitalAllocator.allocate(members, rules);

        List<Double> shares = allocation.budgets().stream()
                .filter(b -> b.limitedBy() == Allocation.Limit.SHARE).map(Allocation.Budget::notional).toList();
        for (double share : shares) {
            assertThat(share).isCloseTo(shares.getFirst(), within(0.01 + EPS));
        }
    }

    /** Equal weights: by carry, a member with no positive carry is weighted zero and gets nothing. */
    @Property
    void whenTheBudgetCoversEveryCapEachPairGetsItsCap(@ForAll("members") List<Ranked> members) {
        AllocationRules generous = new AllocationRules(AllocationRules.Weighting.EQUAL, 1e12, 2, 10_000, 1e12,
                0.25, 0.01, 0);
        Allocation allocation = CapitalAllocator.allocate(members, generous);

        assertThat(allocation.budgets()).allSatisfy(b -> {
            assertThat(b.notional()).isCloseTo(b.cap(), within(EPS));
            assertThat(b.limitedBy()).isNotEqualTo(Allocation.Limit.SHARE);
        });
    }

    @Property
    void byCarryAPairWithTheBetterCarryNeverGetsLessUnlessItsCapHoldsIt(@ForAll("members") List<Ranked> members,
                                                                       @ForAll("rules") AllocationRules given) {
        AllocationRules rules = new AllocationRules(AllocationRules.Weighting.BY_CARRY, given.capital(),
                given.perpLeverage(), given.perPairCap(), given.totalCap(), given.bookFraction(),
                given.volumeFraction(), 0);
        Allocation allocation = CapitalAllocator.allocate(members, rules);

        for (int i = 0; i < members.size(); i++) {
            for (int j = 0; j < members.size(); j++) {
                Allocation.Budget better = allocation.budgets().get(i);
                if (members.get(i).netCarryApr() > members.get(j).netCarryApr()
                        && better.limitedBy() == Allocation.Limit.SHARE) {
                    assertThat(better.notional()).isGreaterThanOrEqualTo(
                            allocation.budgets().get(j).notional() - 0.01 - EPS);
                }
            }
        }
    }

    @Provide
    Arbitrary<List<Ranked>> members() {
        return Candidates.universes().map(candidates -> {
            Selection selection = UniverseSelector.select(Set.of(), candidates,
                    new UniverseRules(12, 0, 1, 0, 0, -10, 0, 1, RULES.roundTripFees(), RULES.holdingHours()));
            return selection.members();
        });
    }

    @Provide
    Arbitrary<AllocationRules> rules() {
        return Combinators.combine(
                Arbitraries.of(AllocationRules.Weighting.values()),
                Arbitraries.doubles().between(0, 1_000_000),
                Arbitraries.doubles().between(1, 5),
                Arbitraries.doubles().between(0, 200_000),
                Arbitraries.doubles().between(0, 1_000_000),
                Arbitraries.doubles().between(0, 0.5).ofScale(4),
                Arbitraries.doubles().between(0, 0.01).ofScale(5),
                Arbitraries.doubles().between(0, 5_000)).as(AllocationRules::new);
    }
}
