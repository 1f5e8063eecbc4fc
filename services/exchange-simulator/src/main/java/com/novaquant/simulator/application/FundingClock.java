package com.novaquant.simulator.application;

import com.novaquant.simulator.domain.clock.SimulationClock;
import com.novaquant.simulator.domain.funding.FundingSchedule;
import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Settles funding per symbol whenever market time passes the symbol's next funding instant, and
 * reports that instant in wall time (the {@code T} of markPrice and {@code nextFundingTime} of
 * premiumIndex), so the time a client sees always counts down to the settlement it will observe.
 * A source that knows when each funding settles (recorded history) takes its symbols off the fixed
 * schedule ({@link #followSource}) and settles them itself ({@link #settleFromSource}).
 */
public final class FundingClock {

    /** A next settlement no one knows of: reported as time 0, as Binance reports a symbol without funding. */
    public static final long NO_SETTLEMENT = Long.MAX_VALUE;

    private final SimulationClock clock;
    private final FundingSettlement settlement;
    private final Markets markets;
    private final Map<String, FundingSchedule> schedules = new LinkedHashMap<>();
    private final Map<String, Long> nextMarketTime = new LinkedHashMap<>();
    private final Map<String, Counter> settlements = new LinkedHashMap<>();
    private final Set<String> timedBySource = new HashSet<>();

    public FundingClock(SimulationClock clock, FundingSettlement settlement, Markets markets, MeterRegistry registry) {
        this.clock = clock;
        this.settlement = settlement;
        this.markets = markets;
        long now = clock.marketMillis();
        for (SymbolMarket market : markets.all()) {
            String symbol = market.instrument().symbol();
            FundingSchedule schedule = new FundingSchedule(market.instrument().fundingInterval());
            schedules.put(symbol, schedule);
            nextMarketTime.put(symbol, schedule.nextAfter(now));
            settlements.put(symbol, Counter.builder("nova.simulator.funding.settlements")
                    .description("Funding settlements").tag("symbol", symbol).register(registry));
        }
    }

    /** Settles every funding instant that market time has passed; returns how many settled. */
    public synchronized int settleDue() {
        long now = clock.marketMillis();
        int settled = 0;
        for (SymbolMarket market : markets.all()) {
            String symbol = market.instrument().symbol();
            if (timedBySource.contains(symbol)) {
                continue;
            }
            long next = nextMarketTime.get(symbol);
            boolean trading = market.trading(Venue.USDM);
            while (next <= now) {
                // A perpetual that does not trade pays no funding; its schedule still moves on.
                if (trading) {
                    settlement.settle(symbol, market.fundingRate());
                    settlements.get(symbol).increment();
                    settled++;
                }
                next = schedules.get(symbol).nextAfter(next);
            }
            nextMarketTime.put(symbol, next);
        }
        return settled;
    }

    /**
     * Moves market time forward by {@code millis} and settles at once every funding instant it passed, rather than at
     * the next scheduled check; returns how many settled. Wall time is untouched.
     */
    public int advanceMarketTime(long millis) {
        clock.advance(millis);
        return settleDue();
    }

    /**
     * Hands {@code symbol}'s settlements to the market source: the fixed schedule no longer settles it, and its next
     * settlement is {@code nextMarketMillis} (market time; {@link #NO_SETTLEMENT} when none is known).
     */
    public synchronized void followSource(String symbol, long nextMarketMillis) {
        requireListed(symbol);
        timedBySource.add(symbol);
        nextMarketTime.put(symbol, nextMarketMillis);
    }

    /**
     * Settles a symbol handed to the source ({@link #followSource}) now, at the market's current rate and mark, and
     * reports {@code nextMarketMillis} as its next settlement from then on.
     */
    public synchronized void settleFromSource(String symbol, long nextMarketMillis) {
        if (!timedBySource.contains(symbol)) {
            throw new IllegalStateException(symbol + " settles on the fixed schedule, not on its source's");
        }
        settlement.settle(symbol, markets.find(symbol).orElseThrow().fundingRate());
        settlements.get(symbol).increment();
        nextMarketTime.put(symbol, nextMarketMillis);
    }

    /** The wall time (epoch ms) of the symbol's next settlement; 0 when none is known. */
    public synchronized long nextFundingWallTime(String symbol) {
        Long next = nextMarketTime.get(symbol);
        return next == null || next == NO_SETTLEMENT ? 0 : clock.wallMillisAt(next);
    }

    private void requireListed(String symbol) {
        if (!schedules.containsKey(symbol)) {
            throw new IllegalArgumentException(symbol + " is not listed");
        }
    }
}
