package com.novaquant.backtest.engine;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A resized pair's money, worked out by hand (spot fee 0.1 %, perpetual fee 0.05 %). */
class PairBookTest {

    private static final BigDecimal SPOT_FEE = new BigDecimal("0.001");
    private static final BigDecimal PERP_FEE = new BigDecimal("0.0005");

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /**
     * <pre>
     * open 10:        spot 100, perp 101          fees 1.00 + 0.505
     * grow to 15:     spot 110, perp 111          fees 0.55 + 0.2775; entries (1000 + 550) / 15, (1010 + 555) / 15
     * reduce to 6:    spot 120, perp 119          fees 1.08 + 0.5355; basis 9 × (120 − 103.33…) + 9 × (104.33… − 119) = 18
     * close:          spot 100, perp 100          basis 6 × (100 − 103.33…) + 6 × (104.33… − 100) = 6
     * </pre>
     */
    @Test
    void aPairGrownThenReducedRealisesTheBasisOfWhatItTakesOffAgainstTheAveragedEntries() {
        PairBook book = new PairBook("BTCUSDT");
        book.open(d("10"), d("100"), d("101"), SPOT_FEE, PERP_FEE);

        book.resize(d("15"), d("110"), d("111"), SPOT_FEE, PERP_FEE);
        assertThat(book.qty()).isEqualByComparingTo("15");
        assertThat(book.entryNotional()).isEqualByComparingTo("1550");

        book.resize(d("6"), d("120"), d("119"), SPOT_FEE, PERP_FEE);
        assertThat(book.qty()).isEqualByComparingTo("6");
        assertThat(book.realisedBasis()).isEqualByComparingTo("18");
        assertThat(book.entryNotional()).isEqualByComparingTo("620");
        assertThat(book.fees()).isEqualByComparingTo("-3.948");
        assertThat(book.turnover()).isEqualByComparingTo("5266");
        assertThat(book.trades()).isEqualTo(6);

        book.close(d("100"), d("100"), SPOT_FEE, PERP_FEE);
        assertThat(book.realisedBasis()).isEqualByComparingTo("24");
        assertThat(book.open()).isFalse();
    }

    @Test
    void aResizeToTheSameQuantityTradesNothing() {
        PairBook book = new PairBook("BTCUSDT");
        book.open(d("10"), d("100"), d("101"), SPOT_FEE, PERP_FEE);

        book.resize(d("10"), d("120"), d("119"), SPOT_FEE, PERP_FEE);

        assertThat(book.trades()).isEqualTo(2);
        assertThat(book.realisedBasis()).isZero();
    }

    @Test
    void aFlatPairOrAZeroTargetIsNotAResize() {
        PairBook flat = new PairBook("BTCUSDT");
        assertThatThrownBy(() -> flat.resize(d("1"), d("100"), d("100"), SPOT_FEE, PERP_FEE))
                .isInstanceOf(IllegalStateException.class);
        PairBook open = new PairBook("BTCUSDT");
        open.open(d("10"), d("100"), d("101"), SPOT_FEE, PERP_FEE);
        assertThatThrownBy(() -> open.resize(BigDecimal.ZERO, d("100"), d("100"), SPOT_FEE, PERP_FEE))
                .isInstanceOf(IllegalStateException.class);
    }
}
