package com.novaquant.strategy.pair;

import com.novaquant.events.DeskMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;

import java.util.List;
import java.util.function.Consumer;

import static com.novaquant.strategy.pair.Desk.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the market does, no signal comes out of stale or crossed state, a FROZEN desk or a gated feed, a HALTED
 * desk publishes nothing above flat, and noise never churns.
 */
class DecisionGuardPropertyTest {

    /** Round-trip costs of the normal books: 0.1669 per year (taker fees, 7-day holding). */
    private static final double COSTS_APR = 0.16685975026074035;
    /** The cost of leaving the normal books (taker fees, exit basis) over the 7-day horizon: 0.1043 per year. */
    private static final double LEAVING_APR = 0.1042883216893118;
    /** The 8-hour rate at which the net carry equals the entry threshold (the hold carry is above it there). */
    private static final double ENTRY_RATE = (0.15 + COSTS_APR) / 1095;
    /** The 8-hour rate at which the hold carry falls to the exit threshold (0). */
    private static final double EXIT_RATE = LEAVING_APR / 1095;
    /** The hysteresis gap between them, as an 8-hour rate. */
    private static final double GAP_RATE = ENTRY_RATE - EXIT_RATE;

    /** A sound two-venue book around {@code mid}, with the perp within 1 % of spot. */
    record Book(double spotBid, double spotAsk, double perpBid, double perpAsk, double qty) {
    }

    @Provide
    Arbitrary<Book> soundBooks() {
        return Combinators.combine(
                Arbitraries.doubles().between(0.01, 200_000).ofScale(4),
                Arbitraries.doubles().between(0.00001, 0.002).ofScale(6),
                Arbitraries.doubles().between(-0.01, 0.01).ofScale(6),
                Arbitraries.doubles().between(0.00001, 0.002).ofScale(6),
                Arbitraries.doubles().between(0.001, 1_000).ofScale(4)
        ).as((mid, spotSpread, basis, perpSpread, qty) -> {
            double perpMid = mid * (1 + basis);
            return new Book(mid * (1 - spotSpread / 2), mid * (1 + spotSpread / 2),
                    perpMid * (1 - perpSpread / 2), perpMid * (1 + perpSpread / 2), qty);
        });
    }

    @Provide
    Arbitrary<Double> fundingRates() {
        return Arbitraries.doubles().between(-0.003, 0.003).ofScale(6);
    }

    private static Desk deskWith(Book book, double rate) {
        Desk desk = new Desk();
        desk.state.spot().update(book.spotBid(), book.qty(), book.spotAsk(), book.qty(), desk.now);
        desk.state.perp().update(book.perpBid(), book.qty(), book.perpAsk(), book.qty(), desk.now);
        return desk.funding(rate);
    }

    /** Opens a pair first when it can, so that the guards are also tested with a standing target to refresh or close. */
    private static void maybeStandingTarget(Desk desk, boolean open) {
        if (open) {
            desk.evaluate();
        }
    }

    @Property(tries = 300)
    void staleQuoteNeverProducesASignal(@ForAll("soundBooks") Book book, @ForAll("fundingRates") double rate,
                                        @ForAll boolean spotIsStale, @ForAll boolean inTheFuture,
                                        @ForAll @LongRange(min = 2_000_001, max = 86_400_000_000L) long ageMicros,
                                        @ForAll boolean standing) {
        Desk desk = deskWith(book, rate);
        maybeStandingTarget(desk, standing);
        desk.after(120 * SECOND).funding(rate);
        BookTop top = spotIsStale ? desk.state.spot() : desk.state.perp();
        BookTop fresh = spotIsStale ? desk.state.perp() : desk.state.spot();
        fresh.update(fresh.bid(), fresh.bidQty(), fresh.ask(), fresh.askQty(), desk.now);
        top.update(top.bid(), top.bidQty(), top.ask(), top.askQty(), desk.now + (inTheFuture ? ageMicros : -ageMicros));

        Verdict v = desk.evaluate();
        assertThat(v.publishes()).as(v.toString()).isFalse();
        assertThat(v.rejectReason()).isEqualTo(RejectReason.STALE_QUOTE);
    }

    @Property(tries = 300)
    void staleFundingNeverProducesASignal(@ForAll("soundBooks") Book book, @ForAll("fundingRates") double rate,
                                          @ForAll @LongRange(min = 10_000_001, max = 86_400_000_000L) long ageMicros,
                                          @ForAll boolean standing) {
        Desk desk = deskWith(book, rate);
        maybeStandingTarget(desk, standing);
        desk.after(ageMicros);
        desk.state.spot().update(book.spotBid(), book.qty(), book.spotAsk(), book.qty(), desk.now);
        desk.state.perp().update(book.perpBid(), book.qty(), book.perpAsk(), book.qty(), desk.now);

        Verdict v = desk.evaluate();
        assertThat(v.publishes()).as(v.toString()).isFalse();
    }

    @Property(tries = 300)
    void crossedBookNeverProducesASignal(@ForAll("soundBooks") Book book, @ForAll("fundingRates") double rate,
                                         @ForAll boolean spotCrossed,
                                         @ForAll @DoubleRange(min = 0, max = 0.005) @Scale(6) double crossing,
                                         @ForAll boolean standing) {
        Desk desk = deskWith(book, rate);
        maybeStandingTarget(desk, standing);
        desk.after(120 * SECOND).funding(rate);
        BookTop crossed = spotCrossed ? desk.state.spot() : desk.state.perp();
        BookTop other = spotCrossed ? desk.state.perp() : desk.state.spot();
        other.update(other.bid(), other.bidQty(), other.ask(), other.askQty(), desk.now);
        double bid = crossed.ask() * (1 + crossing);
        crossed.update(bid, crossed.bidQty(), crossed.ask(), crossed.askQty(), desk.now);

        Verdict v = desk.evaluate();
        assertThat(v.publishes()).as(v.toString()).isFalse();
        assertThat(v.rejectReason()).isEqualTo(RejectReason.CROSSED_BOOK);
    }

    @Property(tries = 200)
    void aFrozenDeskSilencesEveryTickWhateverTheMarketDoes(@ForAll("soundBooks") Book book,
                                                           @ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = -0.003, max = 0.003) @Scale(6) Double> rates,
                                                           @ForAll @IntRange(min = 100, max = 120_000) int stepMillis,
                                                           @ForAll boolean standing) {
        Desk desk = deskWith(book, 0.001);
        maybeStandingTarget(desk, standing);
        desk.mode = DeskMode.FROZEN;
        run(desk, book, rates, stepMillis, v -> assertThat(v.publishes()).as(v.toString()).isFalse());
    }

    @Property(tries = 200)
    void aHaltedDeskNeverPublishesATargetAboveFlat(@ForAll("soundBooks") Book book,
                                                   @ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = -0.003, max = 0.003) @Scale(6) Double> rates,
                                                   @ForAll @IntRange(min = 100, max = 120_000) int stepMillis,
                                                   @ForAll boolean standing) {
        Desk desk = deskWith(book, 0.001);
        maybeStandingTarget(desk, standing);
        desk.mode = DeskMode.HALTED;
        run(desk, book, rates, stepMillis, v -> {
            if (v.publishes()) {
                assertThat(v.targetQty()).as(v.toString()).isZero();
            }
        });
    }

    @Property(tries = 200)
    void aGatedFeedSilencesEveryTickWhateverTheMarketDoes(@ForAll("soundBooks") Book book,
                                                          @ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = -0.003, max = 0.003) @Scale(6) Double> rates,
                                                          @ForAll @IntRange(min = 100, max = 120_000) int stepMillis,
                                                          @ForAll boolean standing) {
        Desk desk = deskWith(book, 0.001);
        maybeStandingTarget(desk, standing);
        desk.feedGated = true;
        run(desk, book, rates, stepMillis, v -> assertThat(v.rejectReason()).as(v.toString())
                .isEqualTo(RejectReason.FEED_GATED));
    }

    /** Fresh books and one funding rate per step, an interval settling every third step; checks every verdict. */
    private static void run(Desk desk, Book book, List<Double> rates, int stepMillis, Consumer<Verdict> check) {
        for (int i = 0; i < rates.size(); i++) {
            desk.after(stepMillis * 1_000L);
            desk.state.spot().update(book.spotBid(), book.qty(), book.spotAsk(), book.qty(), desk.now);
            desk.state.perp().update(book.perpBid(), book.qty(), book.perpAsk(), book.qty(), desk.now);
            check.accept((i % 3 == 2 ? desk.settle(rates.get(i)) : desk.funding(rates.get(i))).evaluate());
        }
    }

    @Property(tries = 200)
    void noiseAroundTheEntryThresholdOpensAtMostOnceAndNeverCloses(
            @ForAll @Size(min = 2, max = 300) List<@DoubleRange(min = -0.45, max = 0.45) @Scale(4) Double> noise,
            @ForAll @IntRange(min = 50, max = 5_000) int stepMillis) {
        Desk desk = new Desk();
        for (int i = 0; i < noise.size(); i++) {
            // alternate sides so the carry keeps crossing the entry threshold
            double swing = (i % 2 == 0 ? 1 : -1) * Math.abs(noise.get(i)) * GAP_RATE;
            desk.after(stepMillis * 1_000L).normalBooks().funding(ENTRY_RATE + swing).evaluate();
        }
        assertThat(desk.decisions).isLessThanOrEqualTo(1);
        assertThat(desk.state.position()).isNotEqualTo(Position.FLAT);
    }

    @Property(tries = 200)
    void evenLargeNoiseNeverMovesThePositionFasterThanTheCooldown(
            @ForAll @Size(min = 2, max = 300) List<@DoubleRange(min = 0, max = 3) @Scale(4) Double> noise,
            @ForAll @IntRange(min = 50, max = 5_000) int stepMillis) {
        Desk desk = new Desk();
        long lastMove = Long.MIN_VALUE;
        int moves = 0;
        for (int i = 0; i < noise.size(); i++) {
            double swing = (i % 2 == 0 ? 1 : -1) * noise.get(i) * GAP_RATE;
            Position before = desk.state.position();
            Verdict v = desk.after(stepMillis * 1_000L).normalBooks().funding(ENTRY_RATE + swing).evaluate();
            // a move: an opening, or the close of an open pair (a flat target from unknown moves nothing)
            if (v.kind() == Verdict.Kind.DECIDE && (v.targetQty() > 0 || before == Position.OPEN)) {
                if (lastMove != Long.MIN_VALUE) {
                    assertThat(desk.now - lastMove).isGreaterThanOrEqualTo(desk.policy.cooldownMicros());
                }
                lastMove = desk.now;
                moves++;
            }
        }
        assertThat(moves).isLessThanOrEqualTo(1 + (int) ((desk.now - Desk.T0) / desk.policy.cooldownMicros()));
    }
}
