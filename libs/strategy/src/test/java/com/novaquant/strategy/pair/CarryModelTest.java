package com.novaquant.strategy.pair;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Hand-computed cases; the arithmetic is written out beside each figure. */
class CarryModelTest {

    private static final double EPS = 1e-12;

    @Test
    void eightHourFundingAnnualisesOverThreeIntervalsADay() {
        // 0.0003 × 8760 / 8 = 0.0003 × 1095
        assertThat(CarryModel.fundingApr(0.0003, 8)).isCloseTo(0.3285, within(EPS));
    }

    @Test
    void fourHourFundingAnnualisesOverSixIntervalsADay() {
        // 0.0001 × 8760 / 4 = 0.0001 × 2190
        assertThat(CarryModel.fundingApr(0.0001, 4)).isCloseTo(0.219, within(EPS));
    }

    @Test
    void oneHourFundingAnnualisesOverEveryHour() {
        assertThat(CarryModel.fundingApr(0.0001, 1)).isCloseTo(0.876, within(EPS));
    }

    @Test
    void roundTripFeesChargeBothLegsTwice() {
        // taker: 2 × 0.001 (spot) + 2 × 0.0005 (perp)
        assertThat(CarryModel.roundTripFees(0.001, 0.0005)).isCloseTo(0.003, within(EPS));
    }

    @Test
    void perpPremiumMakesEntryACreditAndExitACost() {
        // buy spot at 100 000, sell perp at 100 030: (100 000 − 100 030) / 100 000
        assertThat(CarryModel.entryBasisCost(100_000, 100_030)).isCloseTo(-0.0003, within(EPS));
        // sell spot at 99 990, buy perp at 100 040: 50 / 99 990
        assertThat(CarryModel.exitBasisCost(99_990, 100_040)).isCloseTo(50.0 / 99_990, within(EPS));
    }

    @Test
    void netCarryOfAnEightHourPairWithTakerFeesHeldAWeek() {
        // funding 0.3285; costs 0.003 − 0.0003 + 0.00050005 = 0.00320005 per round trip,
        // × 8760 / 168 = 0.16685975; net 0.3285 − 0.16685975 = 0.16164025
        double net = CarryModel.netCarryApr(0.0003, 8, 99_990, 100_000, 100_030, 100_040, 0.003, 168);
        assertThat(net).isCloseTo(0.16164024973925964, within(1e-12));
    }

    @Test
    void netCarryOfAFourHourPairWithMakerFeesHeldThirtyDays() {
        // funding 0.0001 × 2190 = 0.219; fees 2 × 0.001 + 2 × 0.0002 = 0.0024;
        // entry (2000.2 − 2000.4) / 2000.2 = −0.00009999; exit (2000.6 − 2000) / 2000 = 0.0003;
        // round trip 0.00260001, × 8760 / 720 = 0.03163345; net 0.219 − 0.03163345 = 0.18736655
        double fees = CarryModel.roundTripFees(0.001, 0.0002);
        double net = CarryModel.netCarryApr(0.0001, 4, 2000, 2000.2, 2000.4, 2000.6, fees, 720);
        assertThat(net).isCloseTo(0.18736654501216546, within(1e-12));
    }

    @Test
    void longerHoldingSpreadsTheSameCostsThinner() {
        double week = CarryModel.netCarryApr(0.0003, 8, 99_990, 100_000, 100_030, 100_040, 0.003, 168);
        double month = CarryModel.netCarryApr(0.0003, 8, 99_990, 100_000, 100_030, 100_040, 0.003, 720);
        // 0.3285 − 0.00320005 × 12.1667 = 0.28956606
        assertThat(month).isCloseTo(0.28956605827249393, within(1e-12)).isGreaterThan(week);
    }

    @Test
    void negativeFundingGivesNegativeCarry() {
        assertThat(CarryModel.netCarryApr(-0.0001, 8, 99_990, 100_000, 100_030, 100_040, 0.003, 168)).isNegative();
    }

    @Test
    void holdCarryChargesOnlyTheCostOfLeaving() {
        // leaving: fees 0.001 + 0.0005, exit basis 50 / 99 990 = 0.00050005, together 0.00200005,
        // × 8760 / 168 = 0.10428832; hold 0.3285 − 0.10428832 = 0.22421168 (the net carry charges 0.16685975)
        double exitFees = CarryModel.exitFees(0.001, 0.0005);
        assertThat(exitFees).isCloseTo(0.0015, within(EPS));
        assertThat(CarryModel.costOfLeaving(exitFees, 99_990, 100_040)).isCloseTo(0.0015 + 50.0 / 99_990, within(EPS));
        double hold = CarryModel.holdCarryApr(0.0003, 8, 99_990, 100_040, exitFees, 168);
        assertThat(hold).isCloseTo(0.22421167831068817, within(1e-12));
    }

    @Test
    void holdCarryIsZeroWhereTheCarryStillToBeEarnedPaysExactlyForLeaving() {
        // 168 h / 4 h = 42 intervals; leaving costs 0.0021, so 0.00005 per 4 h breaks even
        double toEarn = CarryModel.carryToEarn(0.00005, 4, 168);
        assertThat(toEarn).isCloseTo(0.0021, within(EPS));
        assertThat(CarryModel.holdCarryApr(0.00005, 4, 100_000, 100_060, 0.0015, 168)).isCloseTo(0, within(EPS));
    }

    @Test
    void basisGainIsThePremiumReceivedMinusThePremiumPaidBack() {
        // entered at a 0.0003 premium; now the perp ask 100 010 is under the spot bid 100 400
        double gain = CarryModel.basisGain(0.0003, 100_400, 100_010);
        assertThat(gain).isCloseTo(0.0003 + 390.0 / 100_400, within(EPS));
    }
}
