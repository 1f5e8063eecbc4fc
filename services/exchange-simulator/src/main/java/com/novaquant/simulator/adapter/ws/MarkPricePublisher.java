package com.novaquant.simulator.adapter.ws;

import com.novaquant.simulator.application.FundingClock;
import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.market.SymbolMarket;

import java.util.function.LongSupplier;

/** Publishes {@code <sym>@markPrice@1s} every second and {@code <sym>@markPrice} every third second on /market. */
public final class MarkPricePublisher {

    private final StreamHub hub;
    private final Markets markets;
    private final FundingClock fundingClock;
    private final LongSupplier wallMillis;
    private long ticks;

    public MarkPricePublisher(StreamHub hub, Markets markets, FundingClock fundingClock, LongSupplier wallMillis) {
        this.hub = hub;
        this.markets = markets;
        this.fundingClock = fundingClock;
        this.wallMillis = wallMillis;
    }

    /** Called once per second. */
    public void tick() {
        boolean everyThird = ticks++ % 3 == 0;
        long now = wallMillis.getAsLong();
        for (SymbolMarket market : markets.all()) {
            if (!market.trading(com.novaquant.simulator.domain.market.Venue.USDM)) {
                continue;
            }
            String base = market.instrument().streamSymbol() + "@markPrice";
            boolean fast = hub.hasSubscribers(StreamChannel.FUTURES_MARKET, base + "@1s");
            boolean slow = everyThird && hub.hasSubscribers(StreamChannel.FUTURES_MARKET, base);
            if (!fast && !slow) {
                continue;
            }
            String payload = FrameRenderer.markPrice(market, now, fundingClock.nextFundingWallTime(market.instrument().symbol()));
            if (fast) {
                hub.publish(StreamChannel.FUTURES_MARKET, base + "@1s", payload);
            }
            if (slow) {
                hub.publish(StreamChannel.FUTURES_MARKET, base, payload);
            }
        }
    }
}
