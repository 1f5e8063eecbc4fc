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
import net.jqwik.api.statistics.Statistics;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Funding annualised over the interval the exchange publishes with the funding (1 h, 4 h or 8 h), whatever this
 * service was configured with or has observed: 3, 6 or 24 fundings a day, 365 days. The same rate per interval is
 * worth eight times more a year at 1 h than at 8 h, so it can open a pair at 1 h and not at 8 h. The expected
 * values are written out here, not taken from {@link CarryModel}.
 */
class PublishedFundingIntervalPropertyTest {

    private static final double ENTRY = 0.15;
    private static final double HOLDING_HOURS = 168;
    private static final double EXIT_HORIZON_HOURS = 168;

    /** Mid, spreads and perp basis of both books. */
    record Market(double mid, double spotSpread, double perpSpread, double basis) {

        void quote(Desk desk) {
            double perpMid = mid * (1 + basis);
            desk.state.spot().update(mid * (1 - spotSpread / 2), 1e6, mid * (1 + spotSpread / 2), 1e6, desk.now);
            desk.state.perp().update(perpMid * (1 - perpSpread / 2), 1e6, perpMid * (1 + perpSpread / 2), 1e6, desk.now);
        }
    }

    @Provide
    Arbitrary<Integer> intervals() {
        return Arbitraries.of(1, 4, 8);
    }

    /** What the service was configured with: any interval Binance runs. */
    @Provide
    Arbitrary<Integer> configured() {
        return Arbitraries.of(1, 2, 4, 8);
    }

    /** What it has observed from funding times: nothing yet (0) or any interval Binance runs. */
    @Provide
    Arbitrary<Integer> observed() {
        return Arbitraries.of(0, 1, 2, 4, 8);
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

    @Provide
    Arbitrary<Double> fees() {
        return Arbitraries.doubles().between(0, 0.002).ofScale(6);
    }

    /** Binance's fundings a day at each interval. */
    private static int fundingsPerDay(int intervalHours) {
        return switch (intervalHours) {
            case 8 -> 3;
            case 4 -> 6;
            case 1 -> 24;
            default -> throw new IllegalArgumentException("not an interval of this test: " + intervalHours);
        };
    }

    /**
     * A flat desk whose funding updates carry {@code published}, configured with {@code configured} and, when
     * {@code observed} is not 0, having seen a funding time move by {@code observed} hours.
     */
    private static Desk desk(int published, int configured, int observed, SignalPolicy policy, Market market,
                             double rate) {
        Desk desk = new Desk();
        desk.policy = policy;
        desk.symbolPolicy = new SymbolPolicy(configured, 1000);
        desk.publishedIntervalHours = published;
        market.quote(desk);
        desk.funding(rate);
        if (observed > 0) {
            desk.settle(observed, rate);
        }
        return desk;
    }

    @Property(tries = 400)
    void annualisedFundingIsTheRateTimesTheFundingsOfADayTimes365(
            @ForAll("intervals") int published, @ForAll("configured") int configured,
            @ForAll("observed") int observed, @ForAll("markets") Market market,
            @ForAll("fees") double spotFee, @ForAll("fees") double perpFee,
            @ForAll @DoubleRange(min = -0.003, max = 0.003) @Scale(7) double rate) {
        SignalPolicy policy = Desk.policy(spotFee, perpFee, 0);
        Desk costsOnly = desk(published, configured, observed, policy, market, 0);
        Desk funded = desk(published, configured, observed, policy, market, rate);
        costsOnly.evaluate();
        funded.evaluate();
        double fundingApr = funded.state.carryApr() - costsOnly.state.carryApr();

        double tolerance = 1e-9 * (1 + Math.abs(rate) * 8760);
        assertThat(fundingApr).isCloseTo(rate * fundingsPerDay(published) * 365, within(tolerance));
        assertThat(fundingApr).isCloseTo(rate * (24.0 / published) * 365, within(tolerance));
        assertThat(funded.state.funding().intervalSource()).isEqualTo(IntervalSource.PUBLISHED);
    }

    @Property(tries = 600)
    void theSameRatePerIntervalOpensWhereverItsAnnualisedCarryClearsTheEntry(
            @ForAll("markets") Market market, @ForAll("fees") double spotFee, @ForAll("fees") double perpFee,
            @ForAll("configured") int configured,
            @ForAll @DoubleRange(min = 0, max = 0.002) @Scale(7) double rate) {
        SignalPolicy policy = Desk.policy(spotFee, perpFee, 0);
        Map<Integer, Boolean> opens = new LinkedHashMap<>();
        for (int published : new int[] {1, 4, 8}) {
            Desk desk = desk(published, configured, 0, policy, market, rate);
            double spotBid = desk.state.spot().bid();
            double spotAsk = desk.state.spot().ask();
            double perpBid = desk.state.perp().bid();
            double perpAsk = desk.state.perp().ask();
            double fundingApr = rate * fundingsPerDay(published) * 365;
            double roundTrip = 2 * spotFee + 2 * perpFee + (spotAsk - perpBid) / spotAsk + (perpAsk - spotBid) / spotBid;
            double leaving = spotFee + perpFee + (perpAsk - spotBid) / spotBid;
            double net = fundingApr - roundTrip * 8760 / HOLDING_HOURS;
            double hold = fundingApr - leaving * 8760 / EXIT_HORIZON_HOURS;
            // floating point decides a tie either way
            Assume.that(Math.abs(net - ENTRY) > 1e-9 && Math.abs(hold - ENTRY) > 1e-9);

            Verdict verdict = desk.evaluate();

            boolean opened = verdict.kind() == Verdict.Kind.DECIDE && verdict.reason() == Signal.Reason.CARRY_ABOVE_ENTRY;
            assertThat(opened).as("%d h: net %s, hold %s", published, net, hold).isEqualTo(net >= ENTRY && hold >= ENTRY);
            if (opened) {
                assertThat(verdict.carryApr()).isCloseTo(net, within(1e-9 * (1 + Math.abs(net))));
            }
            opens.put(published, opened);
        }
        // A shorter interval pays the same rate more often: what opens at 8 h opens at 4 h, and what opens at 4 h at 1 h.
        if (opens.get(8)) {
            assertThat(opens.get(4)).isTrue();
        }
        if (opens.get(4)) {
            assertThat(opens.get(1)).isTrue();
        }
        Statistics.label("opens at 1 h / 4 h / 8 h").collect(opens.get(1), opens.get(4), opens.get(8));
        Statistics.label("opens at 1 h / 4 h / 8 h").coverage(c -> {
            c.check(true, false, false).percentage(p -> p > 5);
            c.check(true, true, false).percentage(p -> p > 2);
            c.check(true, true, true).percentage(p -> p > 2);
            c.check(false, false, false).percentage(p -> p > 2);
        });
    }
}
