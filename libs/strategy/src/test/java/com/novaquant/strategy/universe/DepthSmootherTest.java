package com.novaquant.strategy.universe;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DepthSmootherTest {

    private static final long MINUTE = 60_000;
    private static final long WINDOW = 30 * MINUTE;

    private final DepthSmoother smoother = new DepthSmoother(WINDOW);

    private static DepthSmoother.Depth all(double quantity) {
        return new DepthSmoother.Depth(quantity, quantity, quantity, quantity);
    }

    @Test
    void aSingleEmptySnapshotDoesNotThinTheBook() {
        for (int minute = 0; minute < 10; minute++) {
            smoother.smooth("BTCUSDT", minute * MINUTE, all(5));
        }
        DepthSmoother.Depth smoothed = smoother.smooth("BTCUSDT", 10 * MINUTE, new DepthSmoother.Depth(5, 0.01, 5, 5));

        assertThat(smoothed.spotAskQty()).isEqualTo(5);
    }

    @Test
    void aSingleWhaleOrderDoesNotDeepenTheBook() {
        smoother.smooth("BTCUSDT", 0, all(2));
        smoother.smooth("BTCUSDT", MINUTE, all(2));
        DepthSmoother.Depth smoothed = smoother.smooth("BTCUSDT", 2 * MINUTE, all(10_000));

        assertThat(smoothed).isEqualTo(all(2));
    }

    @Test
    void aBookThatStaysThinIsThinOnceItHoldsForMostOfTheWindow() {
        for (int minute = 0; minute < 30; minute++) {
            smoother.smooth("ETHUSDT", minute * MINUTE, all(100));
        }
        DepthSmoother.Depth smoothed = null;
        for (int minute = 30; minute < 46; minute++) {
            smoothed = smoother.smooth("ETHUSDT", minute * MINUTE, all(1));
        }

        // the window (15 min, 45 min] holds 14 samples of 100 and 16 of 1
        assertThat(smoothed.perpBidQty()).isEqualTo(1);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleSamples() {
        smoother.smooth("XRPUSDT", 0, all(1));
        smoother.smooth("XRPUSDT", MINUTE, all(3));
        smoother.smooth("XRPUSDT", 2 * MINUTE, all(10));
        DepthSmoother.Depth smoothed = smoother.smooth("XRPUSDT", 3 * MINUTE, all(5));

        assertThat(smoothed.spotBidQty()).isEqualTo(4);
    }

    @Test
    void samplesOlderThanTheWindowNoLongerCount() {
        smoother.smooth("BTCUSDT", 0, all(1));
        smoother.smooth("BTCUSDT", MINUTE, all(1));
        DepthSmoother.Depth smoothed = smoother.smooth("BTCUSDT", WINDOW + MINUTE, all(7));

        assertThat(smoothed).isEqualTo(all(7));
    }

    @Test
    void eachQuantityIsSmoothedOnItsOwnAndSymbolsDoNotMix() {
        smoother.smooth("BTCUSDT", 0, new DepthSmoother.Depth(1, 2, 3, 4));
        smoother.smooth("ETHUSDT", 0, all(50));
        DepthSmoother.Depth smoothed = smoother.smooth("BTCUSDT", MINUTE, new DepthSmoother.Depth(1, 2, 3, 4));

        assertThat(smoothed).isEqualTo(new DepthSmoother.Depth(1, 2, 3, 4));
    }

    @Test
    void unsoundQuantitiesAreNotSamplesAndNoSampleIsUnsound() {
        smoother.smooth("BTCUSDT", 0, new DepthSmoother.Depth(Double.NaN, 3, 3, 3));
        DepthSmoother.Depth smoothed = smoother.smooth("BTCUSDT", MINUTE, new DepthSmoother.Depth(-1, 5, 3, 3));

        assertThat(smoothed.spotBidQty()).isNaN();
        assertThat(smoothed.spotAskQty()).isEqualTo(4);
    }

    @Test
    void symbolsNoLongerScannedAreForgotten() {
        smoother.smooth("OLDUSDT", 0, all(1));
        smoother.smooth("BTCUSDT", WINDOW, all(1));

        smoother.forgetOlderThanWindow(WINDOW);

        assertThat(smoother.symbols()).isEqualTo(1);
    }

    @Test
    void theWindowMustBePositive() {
        assertThatThrownBy(() -> new DepthSmoother(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
