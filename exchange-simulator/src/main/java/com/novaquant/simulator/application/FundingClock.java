package com.novaquant.simulator.application;

import com.novaquant.simulator.clock.SimulationClock;
import com.novaquant.simulator.funding.FundingSchedule;
import com.novaquant.simulator.market.Markets;
import com.novaquant.simulator.market.SymbolMarket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settles funding per symbol whenever market time passes the symbol's next funding instant, and
 * reports that instant in wall time (the {@code T} of markPrice and {@code nextFundingTime} of
 * premiumIndex), so the time a client sees always counts down to the settlement it will observe.
 */
public final class FundingClock {

    private final SimulationClock clock;
    private final Exchange exchange;
    private final Markets markets;
    private final Map<String, FundingSchedule> schedules = new LinkedHashMap<>();
    private final Map<String, Long> nextMarketTime = new LinkedHashMap<>();
    private final Map<String, Counter> settlements = new LinkedHashMap<>();

    public FundingClock(SimulationClock clock, Exchange exchange, Markets markets, MeterRegistry registry) {
        this.clock = clock;
        this.exchange = exchange;
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
            long next = nextMarketTime.get(symbol);
            while (next <= now) {
                exchange.settleFunding(symbol, market.fundingRate());
                settlements.get(symbol).increment();
                next = schedules.get(symbol).nextAfter(next);
                settled++;
            }
            nextMarketTime.put(symbol, next);
        }
        return settled;
    }

    /** The wall time (epoch ms) of the symbol's next settlement. */
    public synchronized long nextFundingWallTime(String symbol) {
        Long next = nextMarketTime.get(symbol);
        return next == null ? 0 : clock.wallMillisAt(next);
    }
}
