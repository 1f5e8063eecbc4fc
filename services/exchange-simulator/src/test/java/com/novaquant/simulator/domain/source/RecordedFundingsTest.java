package com.novaquant.simulator.domain.source;

import com.novaquant.history.FundingRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The funding a history instant shows: the last settled rate, never the next one, and the next record's time. */
class RecordedFundingsTest {

    static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    static FundingRecord record(String instant, int hours, String rate) {
        return new FundingRecord(at(instant), hours, new BigDecimal(rate));
    }

    /** 8-hourly until 16:00, then every 4 hours, as Binance moves a volatile symbol. */
    static final RecordedFundings EIGHT_THEN_FOUR = new RecordedFundings(List.of(
            record("2024-03-01T00:00:00Z", 8, "0.00010000"),
            record("2024-03-01T08:00:00Z", 8, "0.00030000"),
            record("2024-03-01T16:00:00Z", 4, "0.00020000"),
            record("2024-03-01T20:00:00Z", 4, "-0.00005000")));

    @Test
    void beforeTheFirstSettlementNoRateIsShownAndTheFirstRecordIsNext() {
        long before = at("2024-02-29T23:59:00Z");

        assertThat(EIGHT_THEN_FOUR.rateShownAt(before)).isNull();
        assertThat(EIGHT_THEN_FOUR.nextFundingAfter(before)).isEqualTo(at("2024-03-01T00:00:00Z"));
    }

    @Test
    void aMillisecondBeforeASettlementThePreviousRateIsStillShown() {
        long justBefore = at("2024-03-01T08:00:00Z") - 1;

        assertThat(EIGHT_THEN_FOUR.rateShownAt(justBefore)).isEqualByComparingTo("0.0001");
        assertThat(EIGHT_THEN_FOUR.nextFundingAfter(justBefore)).isEqualTo(at("2024-03-01T08:00:00Z"));
    }

    @Test
    void atTheSettlementInstantItsRateIsShownAndTheFollowingRecordIsNext() {
        long settlement = at("2024-03-01T08:00:00Z");

        assertThat(EIGHT_THEN_FOUR.rateShownAt(settlement)).isEqualByComparingTo("0.0003");
        assertThat(EIGHT_THEN_FOUR.nextFundingAfter(settlement)).isEqualTo(at("2024-03-01T16:00:00Z"));
    }

    @Test
    void afterTheMoveFromEightToFourHoursTheNextFundingComesFourHoursLater() {
        long afterMove = at("2024-03-01T16:00:00Z");

        assertThat(EIGHT_THEN_FOUR.rateShownAt(afterMove)).isEqualByComparingTo("0.0002");
        assertThat(EIGHT_THEN_FOUR.nextFundingAfter(afterMove)).isEqualTo(at("2024-03-01T20:00:00Z"));
        assertThat(EIGHT_THEN_FOUR.rateShownAt(at("2024-03-01T21:30:00Z"))).isEqualByComparingTo("-0.00005");
    }

    @Test
    void pastTheLastRecordTheNextFundingIsTheNextBeatOfItsInterval() {
        assertThat(EIGHT_THEN_FOUR.nextFundingAfter(at("2024-03-01T20:00:00Z"))).isEqualTo(at("2024-03-02T00:00:00Z"));
        assertThat(EIGHT_THEN_FOUR.nextFundingAfter(at("2024-03-02T01:00:00Z"))).isEqualTo(at("2024-03-02T04:00:00Z"));
    }

    @Test
    void recordsOutOfOrderAreReadInTimeOrder() {
        RecordedFundings shuffled = new RecordedFundings(List.of(
                record("2024-03-01T08:00:00Z", 8, "0.0003"), record("2024-03-01T00:00:00Z", 8, "0.0001")));

        assertThat(shuffled.rateShownAt(at("2024-03-01T07:00:00Z"))).isEqualByComparingTo("0.0001");
        assertThat(shuffled.firstAfter(at("2024-03-01T00:00:00Z"))).isEqualTo(1);
    }

    @Test
    void withoutRecordsNothingIsShownAndNoFundingIsKnown() {
        RecordedFundings none = new RecordedFundings(List.of());

        assertThat(none.rateShownAt(at("2024-03-01T00:00:00Z"))).isNull();
        assertThat(none.nextFundingAfter(at("2024-03-01T00:00:00Z"))).isZero();
    }
}
