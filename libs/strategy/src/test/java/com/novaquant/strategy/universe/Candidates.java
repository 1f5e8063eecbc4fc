package com.novaquant.strategy.universe;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;

/** Candidates for the selection and allocation tests: liquid books around 100, funding from -0.05 % to 0.3 %. */
final class Candidates {

    static final UniverseRules RULES = new UniverseRules(5, 1_000_000, 0.002, 3, 10_000, 0.10, 0.05,
            0.5, 0.003, 168);

    private Candidates() {
    }

    /** A liquid, tradable candidate: 1 bp spreads, perp 2 bp over spot, deep books, large volumes. */
    static Candidate liquid(String symbol, double fundingRate) {
        return new Candidate(symbol, true, fundingRate, 8, 99.99, 10_000, 100.00, 10_000, 100.01, 10_000, 100.02,
                10_000, 50_000_000, 80_000_000);
    }

    /** The carry a liquid candidate of this rate ranks at. */
    static double carryOf(double fundingRate) {
        return UniverseSelector.rank(liquid("X", fundingRate), RULES).netCarryApr();
    }

    /** The funding rate that gives a liquid candidate this net carry. */
    static double rateFor(double carryApr) {
        double offset = carryOf(0);
        return (carryApr - offset) * 8 / 8760;
    }

    /** Twelve to forty liquid candidates named S00, S01, ... with random funding, some excluded at random. */
    static Arbitrary<List<Candidate>> universes() {
        return Combinators.combine(
                        Arbitraries.doubles().between(-0.0005, 0.003).ofScale(7).list().ofMinSize(12).ofMaxSize(40),
                        Arbitraries.integers().between(0, 9).list().ofSize(40))
                .as((rates, flaws) -> {
                    List<Candidate> out = new java.util.ArrayList<>();
                    for (int i = 0; i < rates.size(); i++) {
                        out.add(flawed(liquid(String.format("S%02d", i), rates.get(i)), flaws.get(i)));
                    }
                    return out;
                });
    }

    /** One candidate in ten halted, one thin, one illiquid, one wide; the rest as given. */
    private static Candidate flawed(Candidate c, int flaw) {
        return switch (flaw) {
            case 0 -> new Candidate(c.symbol(), false, c.fundingRate(), 8, c.spotBid(), c.spotBidQty(), c.spotAsk(),
                    c.spotAskQty(), c.perpBid(), c.perpBidQty(), c.perpAsk(), c.perpAskQty(), c.spotQuoteVolume(),
                    c.perpQuoteVolume());
            case 1 -> new Candidate(c.symbol(), true, c.fundingRate(), 8, c.spotBid(), c.spotBidQty(), c.spotAsk(),
                    50, c.perpBid(), c.perpBidQty(), c.perpAsk(), c.perpAskQty(), c.spotQuoteVolume(),
                    c.perpQuoteVolume());
            case 2 -> new Candidate(c.symbol(), true, c.fundingRate(), 8, c.spotBid(), c.spotBidQty(), c.spotAsk(),
                    c.spotAskQty(), c.perpBid(), c.perpBidQty(), c.perpAsk(), c.perpAskQty(), 200_000,
                    c.perpQuoteVolume());
            case 3 -> new Candidate(c.symbol(), true, c.fundingRate(), 8, 99.5, c.spotBidQty(), 100.0,
                    c.spotAskQty(), c.perpBid(), c.perpBidQty(), c.perpAsk(), c.perpAskQty(), c.spotQuoteVolume(),
                    c.perpQuoteVolume());
            default -> c;
        };
    }
}
