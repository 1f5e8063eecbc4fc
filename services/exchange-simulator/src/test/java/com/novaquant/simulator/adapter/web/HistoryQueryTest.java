package com.novaquant.simulator.adapter.web;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistoryQueryTest {

    static final List<Integer> HISTORY = IntStream.rangeClosed(1, 10).boxed().toList();

    static HistoryQuery query(String rawQuery) {
        return HistoryQuery.of(new RequestParams(rawQuery, null), 500);
    }

    static int code(Runnable r) {
        try {
            r.run();
        } catch (ApiException e) {
            return e.code();
        }
        return 0;
    }

    @Test
    void withoutAStartingPointThePageIsTheMostRecentRowsOldestFirst() {
        assertThat(query("symbol=BTCUSDT&limit=3").page(HISTORY)).containsExactly(8, 9, 10);
        assertThat(query("symbol=BTCUSDT&endTime=5&limit=3").page(HISTORY)).containsExactly(8, 9, 10);
    }

    @Test
    void fromAStartingPointThePageIsTheOldestRowsFromIt() {
        assertThat(query("fromId=4&limit=3").page(HISTORY)).containsExactly(1, 2, 3);
        assertThat(query("orderId=4&limit=3").page(HISTORY)).containsExactly(1, 2, 3);
        assertThat(query("startTime=4&limit=3").page(HISTORY)).containsExactly(1, 2, 3);
    }

    @Test
    void limitDefaultsAndIsCappedAtOneThousand() {
        assertThat(query("").limit()).isEqualTo(500);
        assertThat(query("limit=5000").limit()).isEqualTo(1000);
        assertThat(query("limit=0").limit()).isEqualTo(1);
    }

    @Test
    void fromIdOrOrderIdWithATimeRangeIs1128() {
        HistoryQuery fromIdAndStart = query("fromId=1&startTime=1");
        HistoryQuery orderIdAndEnd = query("orderId=1&endTime=1");

        assertThat(code(() -> fromIdAndStart.noTimeRangeWith(fromIdAndStart.fromId()))).isEqualTo(-1128);
        assertThat(code(() -> orderIdAndEnd.noTimeRangeWith(orderIdAndEnd.orderId()))).isEqualTo(-1128);
        assertThat(code(() -> fromIdAndStart.noTimeRangeWith(fromIdAndStart.orderId()))).isZero();
    }

    @Test
    void aRangeLongerThanAllowedIs1127NamingTheHours() {
        long day = HistoryQuery.DAY_MILLIS;

        assertThatThrownBy(() -> query("startTime=0&endTime=" + (day + 1)).spanAtMost(day))
                .isInstanceOf(ApiException.class)
                .hasMessage("More than 24 hours between startTime and endTime.")
                .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(-1127));
        assertThat(code(() -> query("startTime=0&endTime=" + day).spanAtMost(day))).isZero();
        assertThat(code(() -> query("startTime=0&endTime=" + (8 * day)).spanAtMost(HistoryQuery.WEEK_MILLIS)))
                .isEqualTo(-1127);
    }

    @Test
    void theDefaultRangeIsTheLastSpanOrTheSpanFromOrUpToTheGivenEnd() {
        long week = HistoryQuery.WEEK_MILLIS;

        HistoryQuery none = query("").withDefaultRange(week, 10 * week);
        HistoryQuery fromStart = query("startTime=" + week).withDefaultRange(week, 10 * week);
        HistoryQuery upToEnd = query("endTime=" + (3 * week)).withDefaultRange(week, 10 * week);

        assertThat(List.of(none.startTime(), none.endTime())).containsExactly(9 * week, 10 * week);
        assertThat(none.fromOldest()).isFalse();
        assertThat(List.of(fromStart.startTime(), fromStart.endTime())).containsExactly(week, 2 * week);
        assertThat(List.of(upToEnd.startTime(), upToEnd.endTime())).containsExactly(2 * week, 3 * week);
        assertThat(none.inRange(9 * week - 1)).isFalse();
        assertThat(none.inRange(9 * week)).isTrue();
    }
}
