package com.novaquant.simulator.domain.source;

import com.novaquant.simulator.domain.TestRules;
import com.novaquant.simulator.domain.market.Book;
import com.novaquant.simulator.domain.market.PriceLevel;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A recorded minute's close and volume as the book orders fill against (spot ticks 0.01, USD-M 0.10). */
class HistoryBooksTest {

    static final BigDecimal ONE_BP = new BigDecimal("0.0001");

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void bestBidAndAskAreTheCloseLessAndPlusTheHalfSpreadExactly() {
        Book book = new HistoryBooks(ONE_BP, 5).book(TestRules.SPOT, d("62000.00"), d("50"), 7, 1_000);

        // 62000 x 0.9999 = 61993.8 and 62000 x 1.0001 = 62006.2, both on the 0.01 tick already.
        assertThat(book.bestBid().price()).isEqualByComparingTo("61993.80");
        assertThat(book.bestAsk().price()).isEqualByComparingTo("62006.20");
        assertThat(book.updateId()).isEqualTo(7);
        assertThat(book.eventTimeMillis()).isEqualTo(1_000);
    }

    @Test
    void pricesOffTheTickAreRoundedAwayFromTheCloseSoTheSpreadIsNeverNarrower() {
        // 3400.123 x 0.9999 = 3399.7829877 -> 3399.70; x 1.0001 = 3400.4630123 -> 3400.50 (USD-M tick 0.10).
        Book book = new HistoryBooks(ONE_BP, 1).book(TestRules.FUTURES, d("3400.123"), d("10"), 1, 0);

        assertThat(book.bestBid().price()).isEqualByComparingTo("3399.70");
        assertThat(book.bestAsk().price()).isEqualByComparingTo("3400.50");
    }

    @Test
    void aZeroHalfSpreadOnATickStillLeavesOneTickBetweenBidAndAsk() {
        Book book = new HistoryBooks(BigDecimal.ZERO, 1).book(TestRules.SPOT, d("100.00"), d("10"), 1, 0);

        assertThat(book.bestBid().price()).isEqualByComparingTo("100.00");
        assertThat(book.bestAsk().price()).isEqualByComparingTo("100.01");
    }

    @Test
    void eachLevelHoldsAnEqualShareOfTheMinutesVolumeRoundedDownToTheStep() {
        // 12.3456789 BTC over 4 levels is 3.086419725 a level: 3.08641 on the 0.00001 step.
        Book book = new HistoryBooks(ONE_BP, 4).book(TestRules.SPOT, d("62000"), d("12.3456789"), 1, 0);

        assertThat(book.bids()).hasSize(4).extracting(PriceLevel::qty).containsOnly(d("3.08641"));
        assertThat(book.asks()).hasSize(4).extracting(PriceLevel::qty).containsOnly(d("3.08641"));
    }

    @Test
    void aMinuteWithoutTradesStillQuotesTheMinimumQuantity() {
        Book book = new HistoryBooks(ONE_BP, 2).book(TestRules.FUTURES, d("62000"), BigDecimal.ZERO, 1, 0);

        assertThat(book.bids()).extracting(PriceLevel::qty).containsOnly(TestRules.FUTURES.minQty());
        assertThat(book.asks()).extracting(PriceLevel::qty).containsOnly(TestRules.FUTURES.minQty());
    }

    @Test
    void deeperLevelsStepAwayFromTheTouchOnTheTickGrid() {
        // Half a basis point of 62000 is 3.1, i.e. 31 ticks of 0.10 between levels.
        Book book = new HistoryBooks(ONE_BP, 3).book(TestRules.FUTURES, d("62000"), d("30"), 1, 0);

        assertThat(book.bids()).extracting(PriceLevel::price).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(d("61993.8"), d("61990.7"), d("61987.6"));
        assertThat(book.asks()).extracting(PriceLevel::price).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(d("62006.2"), d("62009.3"), d("62012.4"));
        List<PriceLevel> all = new ArrayList<>(book.bids());
        all.addAll(book.asks());
        assertThat(all).allSatisfy(level -> assertThat(level.price().remainder(d("0.10"))).isEqualByComparingTo("0"));
    }

    @Test
    void aHalfSpreadOfOneOrMoreIsRefused() {
        assertThatThrownBy(() -> new HistoryBooks(BigDecimal.ONE, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HistoryBooks(d("-0.0001"), 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
