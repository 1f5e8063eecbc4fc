package com.novaquant.simulator.application;

import com.novaquant.history.FundingRecord;
import com.novaquant.simulator.domain.TestRules;
import com.novaquant.simulator.domain.market.Instrument;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.source.HistoryBooks;
import com.novaquant.simulator.domain.source.HistoryMinute;
import com.novaquant.simulator.domain.source.RecordedFundings;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One symbol's minutes and fundings played in time order into its market. */
class SymbolTapeTest {

    static final YearMonth MARCH = YearMonth.of(2024, 3);

    final List<String> events = new ArrayList<>();
    final SymbolMarket market = new SymbolMarket(new Instrument("BTCUSDT", "BTC", "USDT", new BigDecimal("64000"),
            TestRules.SPOT, TestRules.FUTURES, Duration.ofHours(8)), new BigDecimal("0.0001"));

    /** Records what the tape tells its stage, with the market as it stands at that moment. */
    final SymbolTape.Stage stage = new SymbolTape.Stage() {
        @Override
        public long wallTimeOf(long historyMs) {
            return historyMs;
        }

        @Override
        public void bookChanged(SymbolMarket changed, Venue venue) {
            events.add(venue + " book " + changed.book(venue).bestBid().price() + " at " + time(changed.book(venue).eventTimeMillis()));
        }

        @Override
        public void fundingSettled(SymbolMarket settled, long nextHistoryMs) {
            events.add("settled " + settled.fundingRate() + " at mark " + settled.markPrice() + ", next " + time(nextHistoryMs));
        }

        @Override
        public void fundingScheduled(SymbolMarket scheduled, long nextHistoryMs) {
            events.add("showing " + scheduled.fundingRate() + ", next " + time(nextHistoryMs));
        }
    };

    static long at(String hhmm) {
        return Instant.parse("2024-03-01T" + hhmm + ":00Z").toEpochMilli();
    }

    static String time(long millis) {
        return Instant.ofEpochMilli(millis).toString().substring(11, 16);
    }

    static HistoryMinute minute(String opens, String close) {
        return new HistoryMinute(at(opens), new BigDecimal(close), new BigDecimal("10"));
    }

    SymbolTape tape(List<HistoryMinute> spot, List<HistoryMinute> usdm, FundingRecord... fundings) {
        return new SymbolTape(market, new MinuteTape(month -> spot, MARCH, MARCH), new MinuteTape(month -> usdm, MARCH, MARCH),
                new RecordedFundings(List.of(fundings)), new HistoryBooks(BigDecimal.ZERO, 1));
    }

    static FundingRecord funding(String hhmm, String rate) {
        return new FundingRecord(at(hhmm), 8, new BigDecimal(rate));
    }

    @Test
    void aFundingSettlesAfterTheMinuteClosingAtItsTimeAndBeforeTheNextSoItsMarkIsThatClose() {
        SymbolTape tape = tape(List.of(), List.of(minute("07:58", "100.0"), minute("07:59", "101.0"), minute("08:00", "102.0")),
                funding("08:00", "0.0003"));
        tape.startAt(at("07:59"), stage);

        long next = tape.playTo(at("08:00"), stage);

        assertThat(events).containsExactly(
                "showing 0, next 08:00",
                "USDM book 100.00 at 07:59",
                "USDM book 101.00 at 08:00",
                "settled 0.0003 at mark 101.0, next 16:00");
        assertThat(next).isEqualTo(at("08:01"));
        assertThat(market.markPrice()).isEqualByComparingTo("101.0");
    }

    @Test
    void startingBetweenFundingsShowsTheLastOneSettledAndSchedulesTheNextWithoutSettlingAnything() {
        SymbolTape tape = tape(List.of(minute("00:00", "100.00")), List.of(minute("00:00", "100.0")),
                funding("00:00", "0.0001"), funding("08:00", "0.0004"));

        tape.startAt(at("00:01"), stage);
        tape.playTo(at("00:01"), stage);

        assertThat(events).containsExactly("showing 0.0001, next 08:00", "SPOT book 100.00 at 00:01", "USDM book 100.00 at 00:01");
    }

    @Test
    void theMarkFollowsTheUsdmCloseAndTheIndexTheSpotClose() {
        SymbolTape tape = tape(List.of(minute("00:00", "100.00")), List.of(minute("00:00", "100.5")));
        tape.startAt(at("00:01"), stage);

        tape.playTo(at("00:01"), stage);

        assertThat(market.markPrice()).isEqualByComparingTo("100.5");
        assertThat(market.indexPrice()).isEqualByComparingTo("100.00");
        assertThat(market.book(Venue.SPOT).bestBid().price()).isEqualByComparingTo("100.00");
        assertThat(market.book(Venue.USDM).bestBid().price()).isEqualByComparingTo("100.5");
    }

    @Test
    void playingStopsAtTheAskedInstantAndTellsWhenTheNextEventIsDue() {
        SymbolTape tape = tape(List.of(), List.of(minute("00:00", "100.0"), minute("00:01", "101.0")));
        tape.startAt(at("00:01"), stage);

        long next = tape.playTo(at("00:01") + 59_999, stage);

        assertThat(market.markPrice()).isEqualByComparingTo("100.0");
        assertThat(next).isEqualTo(at("00:02"));
        assertThat(tape.playTo(at("00:02"), stage)).isEqualTo(Long.MAX_VALUE);
        assertThat(tape.lastCloseMs()).isEqualTo(at("00:02"));
    }

    @Test
    void fundingsAfterTheLastMinuteAreNotPlayedForThereIsNoMarkToSettleAt() {
        SymbolTape tape = tape(List.of(), List.of(minute("07:59", "100.0")), funding("08:00", "0.0003"), funding("16:00", "0.0002"));
        tape.startAt(at("08:00"), stage);

        long next = tape.playTo(at("23:00"), stage);

        assertThat(next).isEqualTo(Long.MAX_VALUE);
        assertThat(events).filteredOn(event -> event.startsWith("settled")).containsExactly("settled 0.0003 at mark 100.0, next 16:00");
    }
}
