package com.novaquant.simulator.domain.market;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PriceHistoryTest {

    static final long MINUTE = 60_000L;
    /** 2026-03-04T10:00:00Z, a Wednesday. */
    static final long T0 = Instant.parse("2026-03-04T10:00:00Z").toEpochMilli();

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void eachMinuteCandleHoldsTheOpenHighLowAndCloseOfItsPrices() {
        PriceHistory history = new PriceHistory();
        history.record(T0 + 1_000, d("100"));
        history.record(T0 + 2_000, d("103"));
        history.record(T0 + 3_000, d("99"));
        history.record(T0 + 59_999, d("101"));
        history.record(T0 + MINUTE, d("102"));

        List<Candle> candles = history.candles(KlineInterval.M1, null, null, 500);

        assertThat(candles).containsExactly(
                new Candle(T0, T0 + MINUTE - 1, d("100"), d("103"), d("99"), d("101")),
                new Candle(T0 + MINUTE, T0 + 2 * MINUTE - 1, d("102"), d("102"), d("102"), d("102")));
    }

    @Test
    void longerIntervalsAggregateTheSamePrices() {
        PriceHistory history = new PriceHistory();
        history.record(T0, d("100"));
        history.record(T0 + 2 * MINUTE, d("110"));
        history.record(T0 + 4 * MINUTE, d("95"));
        history.record(T0 + 5 * MINUTE, d("97"));

        assertThat(history.candles(KlineInterval.M5, null, null, 500)).containsExactly(
                new Candle(T0, T0 + 5 * MINUTE - 1, d("100"), d("110"), d("95"), d("95")),
                new Candle(T0 + 5 * MINUTE, T0 + 10 * MINUTE - 1, d("97"), d("97"), d("97"), d("97")));
        assertThat(history.candles(KlineInterval.H1, null, null, 500)).containsExactly(
                new Candle(T0, T0 + 60 * MINUTE - 1, d("100"), d("110"), d("95"), d("97")));
    }

    @Test
    void minutesWithoutAnyPriceAreCarriedForwardAsFlatCandlesAtThePreviousClose() {
        PriceHistory history = new PriceHistory();
        history.record(T0, d("100"));
        history.record(T0 + 3 * MINUTE + 5, d("104"));

        List<Candle> candles = history.candles(KlineInterval.M1, null, null, 500);

        assertThat(candles).extracting(Candle::openTime).containsExactly(T0, T0 + MINUTE, T0 + 2 * MINUTE, T0 + 3 * MINUTE);
        assertThat(candles.get(1)).isEqualTo(new Candle(T0 + MINUTE, T0 + 2 * MINUTE - 1, d("100"), d("100"), d("100"), d("100")));
        assertThat(candles.get(3).open()).isEqualByComparingTo("104");
    }

    @Test
    void selectionFollowsBinanceStartEndAndLimitRules() {
        PriceHistory history = new PriceHistory();
        for (int i = 0; i < 10; i++) {
            history.record(T0 + i * MINUTE, BigDecimal.valueOf(100 + i));
        }

        assertThat(history.candles(KlineInterval.M1, null, null, 3)).extracting(Candle::openTime)
                .containsExactly(T0 + 7 * MINUTE, T0 + 8 * MINUTE, T0 + 9 * MINUTE);
        assertThat(history.candles(KlineInterval.M1, T0 + 2 * MINUTE, null, 3)).extracting(Candle::openTime)
                .containsExactly(T0 + 2 * MINUTE, T0 + 3 * MINUTE, T0 + 4 * MINUTE);
        assertThat(history.candles(KlineInterval.M1, T0 + 2 * MINUTE + 1, T0 + 5 * MINUTE, 500)).extracting(Candle::openTime)
                .containsExactly(T0 + 3 * MINUTE, T0 + 4 * MINUTE, T0 + 5 * MINUTE);
        assertThat(history.candles(KlineInterval.M1, null, T0 + 5 * MINUTE, 2)).extracting(Candle::openTime)
                .containsExactly(T0 + 4 * MINUTE, T0 + 5 * MINUTE);
    }

    @Test
    void eachIntervalKeepsAtMostMaxCandles() {
        PriceHistory history = new PriceHistory();
        for (int i = 0; i < PriceHistory.MAX_CANDLES + 20; i++) {
            history.record(T0 + i * MINUTE, BigDecimal.ONE);
        }

        List<Candle> candles = history.candles(KlineInterval.M1, null, null, 5000);

        assertThat(candles).hasSize(PriceHistory.MAX_CANDLES);
        assertThat(candles.getFirst().openTime()).isEqualTo(T0 + 20 * MINUTE);
    }

    @Test
    void aLongSilenceFillsNoMoreThanTheKeptCandles() {
        PriceHistory history = new PriceHistory();
        history.record(T0, d("100"));
        history.record(T0 + 30L * 24 * 60 * MINUTE, d("101"));

        List<Candle> minutes = history.candles(KlineInterval.M1, null, null, 5000);

        assertThat(minutes).hasSize(PriceHistory.MAX_CANDLES);
        assertThat(minutes.getLast().open()).isEqualByComparingTo("101");
        assertThat(minutes.getFirst().close()).isEqualByComparingTo("100");
    }

    @Test
    void aTimeEarlierThanTheLastCountsAsTheLast() {
        PriceHistory history = new PriceHistory();
        history.record(T0 + MINUTE + 10, d("100"));
        history.record(T0 + MINUTE - 10, d("90"));

        assertThat(history.candles(KlineInterval.M1, null, null, 500)).containsExactly(
                new Candle(T0 + MINUTE, T0 + 2 * MINUTE - 1, d("100"), d("100"), d("90"), d("90")));
        assertThat(history.lastMillis()).isEqualTo(T0 + MINUTE + 10);
    }

    @Test
    void rollingWindowGivesOpenHighLowLastThePreviousCloseAndTheAverageClose() {
        PriceHistory history = new PriceHistory();
        history.record(T0, d("90"));
        history.record(T0 + MINUTE, d("100"));
        history.record(T0 + MINUTE + 1, d("120"));
        history.record(T0 + 2 * MINUTE, d("80"));
        history.record(T0 + 3 * MINUTE, d("110"));
        long now = T0 + 3 * MINUTE + 30_000;

        PriceHistory.Rolling r = history.rolling(now, now - (T0 + MINUTE)).orElseThrow();

        assertThat(r.open()).isEqualByComparingTo("100");
        assertThat(r.high()).isEqualByComparingTo("120");
        assertThat(r.low()).isEqualByComparingTo("80");
        assertThat(r.last()).isEqualByComparingTo("110");
        assertThat(r.previousClose()).isEqualByComparingTo("90");
        assertThat(r.averageClose()).isEqualByComparingTo("103.33333333");
        assertThat(r.lastMillis()).isEqualTo(T0 + 3 * MINUTE);
    }

    @Test
    void rollingWindowWithoutEarlierHistoryTakesTheFirstPriceAsThePreviousClose() {
        PriceHistory history = new PriceHistory();
        assertThat(history.rolling(T0, 86_400_000L)).isEmpty();
        history.record(T0, d("100"));
        history.record(T0 + 1, d("105"));

        PriceHistory.Rolling r = history.rolling(T0 + 2, 86_400_000L).orElseThrow();

        assertThat(r.previousClose()).isEqualByComparingTo("100");
        assertThat(r.open()).isEqualByComparingTo("100");
        assertThat(r.last()).isEqualByComparingTo("105");
    }

    @Test
    void aQuietWindowStandsFlatAtTheLastPrice() {
        PriceHistory history = new PriceHistory();
        history.record(T0, d("100"));

        PriceHistory.Rolling r = history.rolling(T0 + 10 * MINUTE, 5 * MINUTE).orElseThrow();

        assertThat(List.of(r.open(), r.high(), r.low(), r.last(), r.previousClose()))
                .allSatisfy(p -> assertThat(p).isEqualByComparingTo("100"));
    }

    @Test
    void theLastPriceOfABookIsItsMidOnTheTick() {
        Book book = new Book(1, T0, List.of(new PriceLevel(d("100.00"), d("1"))), List.of(new PriceLevel(d("100.03"), d("1"))));
        Book tight = new Book(1, T0, List.of(new PriceLevel(d("100.00"), d("1"))), List.of(new PriceLevel(d("100.01"), d("1"))));

        assertThat(PriceHistory.lastPrice(book, d("0.01"))).isEqualByComparingTo("100.02");
        assertThat(PriceHistory.lastPrice(tight, d("0.01"))).isBetween(d("100.00"), d("100.01"));
    }

    @Test
    void intervalsOpenWhereBinanceOpensThem() {
        long t = Instant.parse("2026-03-04T10:37:12.345Z").toEpochMilli();

        assertThat(KlineInterval.parse("15m")).contains(KlineInterval.M15);
        assertThat(KlineInterval.parse("1M")).contains(KlineInterval.MONTH1);
        assertThat(KlineInterval.parse("7m")).isEmpty();
        assertThat(KlineInterval.M15.openTime(t)).isEqualTo(Instant.parse("2026-03-04T10:30:00Z").toEpochMilli());
        assertThat(KlineInterval.H4.openTime(t)).isEqualTo(Instant.parse("2026-03-04T08:00:00Z").toEpochMilli());
        assertThat(KlineInterval.D1.openTime(t)).isEqualTo(Instant.parse("2026-03-04T00:00:00Z").toEpochMilli());
        assertThat(KlineInterval.W1.openTime(t)).isEqualTo(Instant.parse("2026-03-02T00:00:00Z").toEpochMilli());
        assertThat(KlineInterval.MONTH1.openTime(t)).isEqualTo(Instant.parse("2026-03-01T00:00:00Z").toEpochMilli());
        assertThat(KlineInterval.MONTH1.closeTime(KlineInterval.MONTH1.openTime(t)))
                .isEqualTo(Instant.parse("2026-04-01T00:00:00Z").toEpochMilli() - 1);
        assertThat(KlineInterval.W1.closeTime(KlineInterval.W1.openTime(t)))
                .isEqualTo(Instant.parse("2026-03-09T00:00:00Z").toEpochMilli() - 1);
    }
}
