package com.novaquant.simulator.domain.matching;

import com.novaquant.simulator.domain.market.Book;
import com.novaquant.simulator.domain.market.PriceLevel;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BookMatcherTest {

    static Book book(long id) {
        return new Book(id, 0,
                List.of(level("99.00", "1"), level("98.00", "2"), level("97.00", "3")),
                List.of(level("100.00", "1"), level("101.00", "2"), level("102.00", "3")));
    }

    static PriceLevel level(String price, String qty) {
        return new PriceLevel(new BigDecimal(price), new BigDecimal(qty));
    }

    @Test
    void marketBuyWalksTheAsksSoSizeMovesThePrice() {
        List<Fill> fills = new BookMatcher().take(book(1), Side.BUY, new BigDecimal("2.5"), null);

        assertThat(fills).extracting(f -> f.price().toPlainString(), f -> f.qty().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("100.00", "1"), org.assertj.core.groups.Tuple.tuple("101.00", "1.5"));
        assertThat(fills).allMatch(f -> !f.maker());
    }

    @Test
    void limitSellStopsAtItsPrice() {
        List<Fill> fills = new BookMatcher().take(book(1), Side.SELL, new BigDecimal("10"), new BigDecimal("98.00"));

        assertThat(fills.stream().map(Fill::qty).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("3");
        assertThat(fills.getLast().price()).isEqualByComparingTo("98.00");
    }

    @Test
    void liquidityTakenFromABookStaysTakenUntilTheNextBook() {
        BookMatcher matcher = new BookMatcher();
        matcher.take(book(1), Side.BUY, new BigDecimal("1"), null);

        List<Fill> second = matcher.take(book(1), Side.BUY, new BigDecimal("1"), null);
        List<Fill> afterNewBook = matcher.take(book(2), Side.BUY, new BigDecimal("1"), null);

        assertThat(second.getFirst().price()).isEqualByComparingTo("101.00");
        assertThat(afterNewBook.getFirst().price()).isEqualByComparingTo("100.00");
    }

    @Test
    void availableCountsOnlyCrossingLevelsForFillOrKill() {
        BookMatcher matcher = new BookMatcher();

        assertThat(matcher.available(book(1), Side.BUY, new BigDecimal("101.00"))).isEqualByComparingTo("3");
        assertThat(matcher.available(book(1), Side.BUY, new BigDecimal("99.50"))).isEqualByComparingTo("0");
    }

    @Test
    void restingBuyIsReachedWhenTheAskFallsToItsPrice() {
        assertThat(BookMatcher.reachesRestingOrder(book(1), Side.BUY, new BigDecimal("100.00"))).isTrue();
        assertThat(BookMatcher.reachesRestingOrder(book(1), Side.BUY, new BigDecimal("99.99"))).isFalse();
        assertThat(BookMatcher.reachesRestingOrder(book(1), Side.SELL, new BigDecimal("99.00"))).isTrue();
    }
}
