package com.novaquant.simulator.application;

import com.novaquant.simulator.domain.TestRules;
import com.novaquant.simulator.domain.clock.SimulationClock;
import com.novaquant.simulator.domain.market.Instrument;
import com.novaquant.simulator.domain.market.Listing;
import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.orders.FeeSchedule;
import com.novaquant.simulator.domain.source.SyntheticMarket;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps driven by hand: a venue that does not trade keeps its book and tells no one; the other symbols are unaffected. */
class SyntheticMarketPumpListingTest {

    record Change(String symbol, Venue venue) {
    }

    static Markets markets() {
        List<SymbolMarket> markets = new ArrayList<>();
        for (String symbol : List.of("BTCUSDT", "ETHUSDT")) {
            markets.add(new SymbolMarket(new Instrument(symbol, symbol.substring(0, 3), "USDT", new BigDecimal("1000"),
                    TestRules.SPOT, TestRules.FUTURES, Duration.ofHours(8)), new BigDecimal("0.0001")));
        }
        return new Markets(markets);
    }

    static SyntheticMarketPump pump(Markets markets, List<Change> changes) {
        SimulationClock clock = new SimulationClock(1);
        TestExchange exchange = TestExchange.of(markets, List.of(), new FeeSchedule(new BigDecimal("0.001"), new BigDecimal("0.001"),
                new BigDecimal("0.0002"), new BigDecimal("0.0005")), clock, new SilentUserEvents(), new FundingHistory());
        return new SyntheticMarketPump(new SyntheticMarket(markets.instruments(), 3, 5, SyntheticMarketPumpTest.REGIME),
                markets, exchange.restingOrders(), (market, venue) -> changes.add(new Change(market.instrument().symbol(), venue)), clock, 10);
    }

    /** A book's content (update id and levels), leaving out the wall time it was made at. */
    static List<Object> content(SymbolMarket market, Venue venue) {
        var book = market.book(venue);
        return List.of(book.updateId(), book.bids(), book.asks());
    }

    @Test
    void aHaltedVenueKeepsItsBookWhileTheOtherVenueAndSymbolsMoveOnAsWithoutTheHalt() {
        Markets halted = markets();
        Markets reference = markets();
        List<Change> changes = new ArrayList<>();
        SyntheticMarketPump pump = pump(halted, changes);
        SyntheticMarketPump unchanged = pump(reference, new ArrayList<>());
        pump.step();
        unchanged.step();
        SymbolMarket btc = halted.find("BTCUSDT").orElseThrow();
        long frozenSpot = btc.book(Venue.SPOT).updateId();
        btc.list(Venue.SPOT, Listing.HALTED);
        changes.clear();

        for (int i = 0; i < 5; i++) {
            pump.step();
            unchanged.step();
        }

        assertThat(btc.book(Venue.SPOT).updateId()).isEqualTo(frozenSpot);
        assertThat(changes).doesNotContain(new Change("BTCUSDT", Venue.SPOT))
                .contains(new Change("BTCUSDT", Venue.USDM), new Change("ETHUSDT", Venue.SPOT));
        assertThat(content(btc, Venue.USDM)).isEqualTo(content(reference.find("BTCUSDT").orElseThrow(), Venue.USDM));
        assertThat(content(halted.find("ETHUSDT").orElseThrow(), Venue.SPOT))
                .isEqualTo(content(reference.find("ETHUSDT").orElseThrow(), Venue.SPOT));

        btc.list(Venue.SPOT, Listing.TRADING);
        pump.step();
        unchanged.step();

        assertThat(content(btc, Venue.SPOT)).isEqualTo(content(reference.find("BTCUSDT").orElseThrow(), Venue.SPOT));
    }
}
