package com.novaquant.execution.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class HedgeBandTest {

    /** BTCUSDT: spot trades 0.00001, the perp 0.001. */
    private static final HedgeBand BTC = new HedgeBand(new BigDecimal("0.00001"), new BigDecimal("0.001"));
    private static final BigDecimal FEE_RATE = new BigDecimal("0.001");

    private static HedgeBand.PairExposure pair(BigDecimal held, BigDecimal commission, BigDecimal perp) {
        return new HedgeBand.PairExposure(held, commission, perp);
    }

    /** An opening of {@code size} with 0.1 % of the spot buy paid in BTC. */
    private static HedgeBand.PairExposure opened(BigDecimal size) {
        BigDecimal fee = size.multiply(FEE_RATE);
        return pair(size.subtract(fee), fee, size);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.001", "0.5", "3", "250"})
    void anOpeningWithItsCommissionInKindIsHedgedAtAnySize(String size) {
        assertThat(BTC.classify(opened(new BigDecimal(size)))).isInstanceOf(HedgeBand.Imbalance.Hedged.class);
    }

    @Test
    void aPairReducedManyTimesStaysHedged() {
        // Defect: the fee gap stayed 0.1 % of what was bought while the tolerance shrank with the short.
        HedgeBand.PairExposure p = opened(new BigDecimal("8"));
        for (int i = 0; i < 6; i++) {
            BigDecimal half = BTC.perpStep().max(p.perpShort().divide(BigDecimal.TWO))
                    .setScale(3, java.math.RoundingMode.DOWN);
            p = pair(p.spotHeld().subtract(half), p.spotCommission(), p.perpShort().subtract(half));
            assertThat(BTC.hedged(p)).as("after reduction %d: %s", i + 1, p).isTrue();
        }
    }

    @Test
    void aShortBeyondTheCommissionByOneStepIsNaked() {
        HedgeBand.PairExposure p = opened(new BigDecimal("2"));
        HedgeBand.PairExposure missing = pair(p.spotHeld().subtract(new BigDecimal("0.001")), p.spotCommission(),
                p.perpShort());
        assertThat(BTC.classify(missing)).isEqualTo(new HedgeBand.Imbalance.NakedShort(new BigDecimal("0.001")));
    }

    @Test
    void spotLeftAfterTheShortIsNakedFromOneStepAndResidueBelow() {
        assertThat(BTC.classify(pair(new BigDecimal("0.00099"), BigDecimal.ZERO, BigDecimal.ZERO)))
                .isEqualTo(new HedgeBand.Imbalance.Hedged(new BigDecimal("0.00099")));
        assertThat(BTC.classify(pair(new BigDecimal("0.001"), BigDecimal.ZERO, BigDecimal.ZERO)))
                .isEqualTo(new HedgeBand.Imbalance.NakedLong(new BigDecimal("0.001"), new BigDecimal("0.001")));
    }
}
