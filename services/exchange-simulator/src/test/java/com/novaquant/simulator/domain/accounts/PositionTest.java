package com.novaquant.simulator.domain.accounts;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class PositionTest {

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void addingToAShortAveragesTheEntryPrice() {
        Position.Applied first = Position.flat("BTCUSDT").apply(d("-1"), d("100"));
        Position.Applied second = first.position().apply(d("-1"), d("110"));

        assertThat(second.position().amount()).isEqualByComparingTo("-2");
        assertThat(second.position().entryPrice()).isEqualByComparingTo("105");
        assertThat(second.realisedPnl()).isEqualByComparingTo("0");
    }

    @Test
    void buyingBackPartOfAShortRealisesItsPnlAndKeepsTheEntry() {
        Position shortTwo = new Position("BTCUSDT", d("-2"), d("105"));

        Position.Applied applied = shortTwo.apply(d("1"), d("100"));

        assertThat(applied.realisedPnl()).isEqualByComparingTo("5");
        assertThat(applied.position().amount()).isEqualByComparingTo("-1");
        assertThat(applied.position().entryPrice()).isEqualByComparingTo("105");
    }

    @Test
    void crossingThroughZeroOpensTheRemainderAtTheFillPrice() {
        Position.Applied applied = new Position("BTCUSDT", d("1"), d("100")).apply(d("-3"), d("90"));

        assertThat(applied.realisedPnl()).isEqualByComparingTo("-10");
        assertThat(applied.position().amount()).isEqualByComparingTo("-2");
        assertThat(applied.position().entryPrice()).isEqualByComparingTo("90");
    }

    @Test
    void unrealisedPnlOfAShortGrowsAsTheMarkFalls() {
        assertThat(new Position("BTCUSDT", d("-2"), d("100")).unrealisedPnl(d("95"))).isEqualByComparingTo("10");
    }
}
