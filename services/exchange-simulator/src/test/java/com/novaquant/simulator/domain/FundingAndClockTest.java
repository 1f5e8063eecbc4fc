package com.novaquant.simulator.domain;

import com.novaquant.simulator.domain.clock.SimulationClock;
import com.novaquant.simulator.domain.funding.FundingSchedule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class FundingAndClockTest {

    @Test
    void eightHourFundingSettlesAtZeroEightAndSixteenUtc() {
        FundingSchedule schedule = new FundingSchedule(Duration.ofHours(8));

        long next = schedule.nextAfter(Instant.parse("2026-11-25T10:21:00Z").toEpochMilli());

        assertThat(Instant.ofEpochMilli(next)).isEqualTo(Instant.parse("2026-11-25T16:00:00Z"));
        assertThat(Instant.ofEpochMilli(schedule.nextAfter(next))).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
    }

    @Test
    void marketTimeRunsAtClockSpeedAndNextFundingIsReportedInWallTime() {
        AtomicLong wall = new AtomicLong(Instant.parse("2026-11-25T15:52:00Z").toEpochMilli());
        AtomicLong nanos = new AtomicLong();
        SimulationClock clock = new SimulationClock(60, wall::get, nanos::get);
        long nextFunding = new FundingSchedule(Duration.ofHours(8)).nextAfter(clock.marketMillis());

        // 8 minutes of market time to 16:00 pass in 8 wall seconds at speed 60.
        assertThat(clock.wallMillisAt(nextFunding) - wall.get()).isEqualTo(8_000);
        nanos.addAndGet(Duration.ofSeconds(8).toNanos());
        wall.addAndGet(8_000);
        assertThat(clock.marketMillis()).isEqualTo(nextFunding);
    }

    @Test
    void advancingTheClockMovesMarketTimeButNotWallTime() {
        AtomicLong wall = new AtomicLong(1_000_000);
        SimulationClock clock = new SimulationClock(1, wall::get, () -> 0L);

        clock.advance(Duration.ofHours(8).toMillis());

        assertThat(clock.marketMillis()).isEqualTo(1_000_000 + Duration.ofHours(8).toMillis());
        assertThat(clock.wallMillis()).isEqualTo(1_000_000);
    }

    @Test
    void startingMarketTimeAtAHistoryInstantRunsItFromThereAndMapsItToWallTime() {
        AtomicLong wall = new AtomicLong(Instant.parse("2026-11-25T15:52:00Z").toEpochMilli());
        AtomicLong nanos = new AtomicLong();
        SimulationClock clock = new SimulationClock(3_600, wall::get, nanos::get);
        clock.advance(Duration.ofDays(1).toMillis());
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        wall.addAndGet(5_000);
        long history = Instant.parse("2024-03-01T00:01:00Z").toEpochMilli();

        clock.startMarketAt(history);

        assertThat(clock.marketMillis()).as("earlier advances no longer count").isEqualTo(history);
        // 3,600 history hours per wall hour: 8 hours of history are 8 wall seconds.
        assertThat(clock.wallMillisAt(history + Duration.ofHours(8).toMillis()) - wall.get()).isEqualTo(8_000);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(clock.marketMillis()).isEqualTo(history + Duration.ofHours(2).toMillis());
        assertThat(clock.wallMillis()).isEqualTo(Instant.parse("2026-11-25T15:52:05Z").toEpochMilli());
    }
}
