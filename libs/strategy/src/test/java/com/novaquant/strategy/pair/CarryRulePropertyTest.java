package com.novaquant.strategy.pair;

import com.novaquant.events.Signal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The entry and exit rules over 1 h, 4 h and 8 h funding, random fees, basis and exit threshold: the exit never
 * closes a pair whose carry still to be earned pays for leaving, no position moves faster than the cooldown, and
 * funding is annualised over the symbol's own interval. The expected values are written out here, not taken from
 * {@link CarryModel}.
 */
class CarryRulePropertyTest {

    private static final double HORIZON_HOURS = 168;

    /** Mid, spreads and perp basis of both books; a step shifts the basis by a drift. */
    record Market(double mid, double spotSpread, double perpSpread, double basis) {

        void quote(Desk desk, double drift) {
            double perpMid = mid * (1 + basis + drift);
            desk.state.spot().update(mid * (1 - spotSpread / 2), 1e6, mid * (1 + spotSpread / 2), 1e6, desk.now);
            desk.state.perp().update(perpMid * (1 - perpSpread / 2), 1e6, perpMid * (1 + perpSpread / 2), 1e6, desk.now);
        }
    }

    /** One tick: the basis drift, the funding rate (in units the property gives meaning to) and the time since the last. */
    record Step(double drift, double rate, int millis) {
    }

    @Provide
    Arbitrary<Integer> intervals() {
        return Arbitraries.of(1, 4, 8);
    }

    @Provide
    Arbitrary<Market> markets() {
        return Combinators.combine(
                Arbitraries.doubles().between(0.01, 200_000).ofScale(4),
                Arbitraries.doubles().between(0.00001, 0.002).ofScale(6),
                Arbitraries.doubles().between(0.00001, 0.002).ofScale(6),
                Arbitraries.doubles().between(-0.01, 0.01).ofScale(6)
        ).as(Market::new);
    }

    /** Rates around the exit's break-even (in baseline units, see below), small drifts, up to 2 minutes apart. */
    @Provide
    Arbitrary<List<Step>> aroundTheExit() {
        return Combinators.combine(
                Arbitraries.doubles().between(-0.001, 0.001).ofScale(6),
                Arbitraries.doubles().between(-4, 2).ofScale(4),
                Arbitraries.integers().between(1_000, 120_000)
        ).as(Step::new).list().ofMinSize(1).ofMaxSize(60);
    }

    /** Rates from negative to far above the entry (in baseline units), down to 1 s apart. */
    @Provide
    Arbitrary<List<Step>> acrossBothThresholds() {
        return Combinators.combine(
                Arbitraries.doubles().between(-0.002, 0.002).ofScale(6),
                Arbitraries.doubles().between(-2, 12).ofScale(4),
                Arbitraries.integers().between(1_000, 90_000)
        ).as(Step::new).list().ofMinSize(2).ofMaxSize(120);
    }

    @Provide
    Arbitrary<Double> fees() {
        return Arbitraries.doubles().between(0, 0.002).ofScale(6);
    }

    /** Binance's baseline, 0.01 % per 8 h, as a rate of the given interval. */
    private static double baseline(int intervalHours) {
        return 0.0001 * intervalHours / 8;
    }

    /**
     * A desk whose symbol funds every {@code intervalHours}: configured so, or configured 8 h and learned from the
     * funding times when {@code learned}.
     */
    private static Desk desk(int intervalHours, boolean learned, SignalPolicy policy, Market market, double rate) {
        Desk desk = new Desk();
        desk.policy = policy;
        desk.symbolPolicy = new SymbolPolicy(learned ? 8 : intervalHours, 1000);
        market.quote(desk, 0);
        desk.funding(rate);
        if (learned) {
            desk.settle(intervalHours, rate);
        }
        return desk;
    }

    @Property(tries = 400)
    void anOpenPairIsNeverClosedWhileTheCarryStillToBeEarnedExceedsTheCostOfLeaving(
            @ForAll("intervals") int intervalHours, @ForAll boolean learned, @ForAll("markets") Market market,
            @ForAll("fees") double spotFee, @ForAll("fees") double perpFee,
            @ForAll @DoubleRange(min = -0.2, max = 0) @Scale(4) double exitThreshold,
            @ForAll("aroundTheExit") List<Step> steps) {
        Desk desk = desk(intervalHours, learned, Desk.policy(spotFee, perpFee, exitThreshold), market, 0.01);
        desk.evaluate();
        Assume.that(desk.state.position() == Position.OPEN);
        String outcome = "kept";
        for (int i = 0; i < steps.size() && desk.state.position() == Position.OPEN; i++) {
            Step step = steps.get(i);
            desk.after(step.millis() * 1_000L);
            market.quote(desk, step.drift());
            double spotBid = desk.state.spot().bid();
            double perpAsk = desk.state.perp().ask();
            double leaving = spotFee + perpFee + (perpAsk - spotBid) / spotBid;
            // the rate at which the carry to be earned over the horizon pays exactly for leaving, shifted
            double rate = leaving * intervalHours / HORIZON_HOURS + step.rate() * baseline(intervalHours);
            double entryPremium = desk.state.entryPremium();
            Verdict v = (i % 5 == 4 ? desk.settle(intervalHours, rate) : desk.funding(rate)).evaluate();
            if (v.kind() != Verdict.Kind.DECIDE) {
                continue;
            }
            outcome = v.reason().name();
            double toEarn = rate * HORIZON_HOURS / intervalHours;
            if (toEarn > leaving + 1e-12) {
                // only the two rules that do not weigh the carry: a negative streak, or a basis gain harvested
                assertThat(v.reason()).as(v.toString())
                        .isIn(Signal.Reason.FUNDING_NEGATIVE, Signal.Reason.BASIS_CONVERGED);
                if (v.reason() == Signal.Reason.FUNDING_NEGATIVE) {
                    assertThat(desk.state.funding().negativeStreak()).isGreaterThanOrEqualTo(2);
                } else {
                    assertThat(entryPremium - (perpAsk - spotBid) / spotBid)
                            .isGreaterThanOrEqualTo(0.004 - 1e-12);
                }
            }
        }
        Statistics.label("outcome").collect(outcome);
        Statistics.label("outcome").coverage(c -> c.check("CARRY_BELOW_EXIT").percentage(p -> p > 10));
    }

    @Property(tries = 300)
    void noOpenCloseOpenCycleIsShorterThanTheCooldown(
            @ForAll("intervals") int intervalHours, @ForAll boolean learned, @ForAll("markets") Market market,
            @ForAll("fees") double spotFee, @ForAll("fees") double perpFee,
            @ForAll @DoubleRange(min = -0.1, max = 0) @Scale(4) double exitThreshold,
            @ForAll("acrossBothThresholds") List<Step> steps) {
        Desk desk = desk(intervalHours, learned, Desk.policy(spotFee, perpFee, exitThreshold), market, 0);
        long cooldown = desk.policy.cooldownMicros();
        long lastOpen = Long.MIN_VALUE;
        long lastMove = Long.MIN_VALUE;
        int cycles = 0;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            desk.after(step.millis() * 1_000L);
            market.quote(desk, step.drift());
            double rate = step.rate() * baseline(intervalHours);
            Position before = desk.state.position();
            Verdict v = (i % 7 == 6 ? desk.settle(intervalHours, rate) : desk.funding(rate)).evaluate();
            boolean opening = v.kind() == Verdict.Kind.DECIDE && v.targetQty() > 0;
            boolean closing = v.kind() == Verdict.Kind.DECIDE && before == Position.OPEN;
            if (!opening && !closing) {
                continue;
            }
            if (lastMove != Long.MIN_VALUE) {
                assertThat(desk.now - lastMove).as(v.toString()).isGreaterThanOrEqualTo(cooldown);
            }
            lastMove = desk.now;
            if (opening) {
                if (lastOpen != Long.MIN_VALUE) {
                    assertThat(desk.now - lastOpen).as("open → close → open").isGreaterThanOrEqualTo(cooldown);
                    cycles++;
                }
                lastOpen = desk.now;
            }
        }
        Statistics.label("cycles").collect(cycles > 0);
        Statistics.label("cycles").coverage(c -> c.check(true).percentage(p -> p > 5));
    }

    @Property(tries = 300)
    void annualisedFundingForTheSameRateScalesWithEightHoursOverTheInterval(
            @ForAll("intervals") int intervalHours, @ForAll boolean learned, @ForAll("markets") Market market,
            @ForAll("fees") double spotFee, @ForAll("fees") double perpFee,
            @ForAll @DoubleRange(min = -0.003, max = 0.003) @Scale(6) double rate) {
        SignalPolicy policy = Desk.policy(spotFee, perpFee, 0);
        double costsOnly = carry(desk(8, false, policy, market, 0));
        double eightHours = carry(desk(8, false, policy, market, rate)) - costsOnly;
        double own = carry(desk(intervalHours, learned, policy, market, rate)) - costsOnly;

        double tolerance = 1e-9 * (1 + Math.abs(eightHours) * 8);
        assertThat(own).isCloseTo(eightHours * 8 / intervalHours, within(tolerance));
        assertThat(own).isCloseTo(rate * 8760 / intervalHours, within(tolerance));
        assertThat(CarryModel.fundingApr(rate, intervalHours))
                .isCloseTo(CarryModel.fundingApr(rate, 8) * 8 / intervalHours, within(tolerance));
    }

    private static double carry(Desk desk) {
        desk.evaluate();
        return desk.state.carryApr();
    }
}
