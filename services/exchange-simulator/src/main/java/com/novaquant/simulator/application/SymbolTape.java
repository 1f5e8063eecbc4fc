package com.novaquant.simulator.application;

import com.novaquant.history.FundingRecord;
import com.novaquant.simulator.domain.market.Book;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.source.HistoryBooks;
import com.novaquant.simulator.domain.source.HistoryMinute;
import com.novaquant.simulator.domain.source.RecordedFundings;

import java.math.BigDecimal;

/**
 * Plays one symbol's history into its market: at each minute's close the venue's book around that close, the mark at
 * the USD-M close and the index at the spot close; at each funding record's time the funding settles at the record's
 * rate, which is then the rate shown. Events go in time order, and a minute that closes at a funding's time goes
 * first: the funding settles at the mark of the minute that has just closed, never at a later one.
 */
final class SymbolTape {

    /** Where played events go. */
    interface Stage {

        /** The wall time (epoch ms) history instant {@code historyMs} maps to. */
        long wallTimeOf(long historyMs);

        void bookChanged(SymbolMarket market, Venue venue);

        /** The funding due now settles at the market's rate; the next one is at {@code nextHistoryMs} (0: unknown). */
        void fundingSettled(SymbolMarket market, long nextHistoryMs);

        /** The next funding is at {@code nextHistoryMs} (0: unknown), nothing settling now. */
        void fundingScheduled(SymbolMarket market, long nextHistoryMs);
    }

    private final SymbolMarket market;
    private final MinuteTape spot;
    private final MinuteTape usdm;
    private final RecordedFundings fundings;
    private final HistoryBooks books;
    private int nextFunding;
    private long lastCloseMs = Long.MIN_VALUE;

    SymbolTape(SymbolMarket market, MinuteTape spot, MinuteTape usdm, RecordedFundings fundings, HistoryBooks books) {
        this.market = market;
        this.spot = spot;
        this.usdm = usdm;
        this.fundings = fundings;
        this.books = books;
    }

    String symbol() {
        return market.instrument().symbol();
    }

    /** When the first minute still to play closes; Long.MAX_VALUE when there is none. */
    long nextCloseMs() {
        return Math.min(closedAt(spot.peek()), closedAt(usdm.peek()));
    }

    /** When the last minute played closed; Long.MIN_VALUE before the first. */
    long lastCloseMs() {
        return lastCloseMs;
    }

    /**
     * Makes {@code historyMs} the start of play: fundings before it count as settled before play began (the last of
     * them is the rate shown), those at or after it will be played.
     */
    void startAt(long historyMs, Stage stage) {
        nextFunding = fundings.firstAfter(historyMs - 1);
        BigDecimal shown = fundings.rateShownAt(historyMs - 1);
        market.updateSourceFundingRate(shown == null ? BigDecimal.ZERO : shown);
        stage.fundingScheduled(market, fundings.nextFundingAfter(historyMs - 1));
    }

    /** Back to the first minute, to play the range again from {@code historyMs}. */
    void rewind(long historyMs, Stage stage) {
        spot.rewind();
        usdm.rewind();
        startAt(historyMs, stage);
    }

    /** Plays every event up to and including {@code historyMs}; returns when the next one is (Long.MAX_VALUE: none). */
    long playTo(long historyMs, Stage stage) {
        while (true) {
            HistoryMinute spotMinute = spot.peek();
            HistoryMinute usdmMinute = usdm.peek();
            long spotAt = closedAt(spotMinute);
            long usdmAt = closedAt(usdmMinute);
            long fundingAt = nextFunding < fundings.size() ? fundings.get(nextFunding).calcTimeMs() : Long.MAX_VALUE;
            // Past the last minute's close there is no mark left to settle at: the tape ends with its minutes.
            if (spotMinute == null && usdmMinute == null && fundingAt > lastCloseMs) {
                fundingAt = Long.MAX_VALUE;
            }
            long first = Math.min(Math.min(spotAt, usdmAt), fundingAt);
            if (first > historyMs) {
                return first;
            }
            if (spotAt == first) {
                play(Venue.SPOT, spotMinute, stage);
                spot.skip();
            } else if (usdmAt == first) {
                play(Venue.USDM, usdmMinute, stage);
                usdm.skip();
            } else {
                settle(fundings.get(nextFunding++), stage);
            }
        }
    }

    private void play(Venue venue, HistoryMinute minute, Stage stage) {
        Book previous = market.book(venue);
        long eventTime = Math.max(previous.eventTimeMillis(), stage.wallTimeOf(minute.closedAtMs()));
        market.updateBook(venue, books.book(market.instrument().rules(venue), minute.close(), minute.volume(),
                previous.updateId() + 1, eventTime));
        if (venue == Venue.USDM) {
            market.updatePrices(minute.close(), minute.close(), market.indexPrice());
        } else {
            market.updatePrices(market.markPrice(), market.markPriceAverage(), minute.close());
        }
        lastCloseMs = Math.max(lastCloseMs, minute.closedAtMs());
        stage.bookChanged(market, venue);
    }

    private void settle(FundingRecord record, Stage stage) {
        market.updateSourceFundingRate(record.lastFundingRate());
        stage.fundingSettled(market, fundings.nextFundingAfter(record.calcTimeMs()));
    }

    private static long closedAt(HistoryMinute minute) {
        return minute == null ? Long.MAX_VALUE : minute.closedAtMs();
    }
}
