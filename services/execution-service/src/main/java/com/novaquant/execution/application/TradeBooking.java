package com.novaquant.execution.application;

import com.novaquant.execution.domain.CommissionValue;
import com.novaquant.execution.domain.ExchangeTrade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replaces what an order's answer said it cost with the exchange's trade records. A USD-M answer
 * ({@code newOrderRespType=RESULT}) carries no commission and a spot query none either, so until its trades are
 * booked an order's fee is provisional. Runs off the trading path: a trade record read late changes the books, never
 * an order.
 */
public class TradeBooking {

    private static final Logger log = LoggerFactory.getLogger(TradeBooking.class);
    /** Orders booked per run; the rest wait for the next run. */
    private static final int BATCH = 50;

    private final TradingVenue venue;
    private final Books books;
    private final ExecutionMetrics metrics;

    public TradeBooking(TradingVenue venue, Books books, ExecutionMetrics metrics, Clock clock) {
        this.venue = venue;
        this.books = books;
        this.metrics = metrics;
        metrics.cachedGauge("nova.execution.trades.unbooked.age", Duration.ofSeconds(5), () -> books.oldestAwaitingTrades()
                .map(at -> Duration.between(at, clock.instant()).toMillis() / 1000.0).orElse(0.0));
    }

    /** What booking one order's trades did. */
    public enum Result {
        /** Stored and corrected the books. */
        BOOKED,
        /** Booked before (by another run): nothing changed. */
        ALREADY_BOOKED,
        /** The trades do not cover the executed quantity yet: nothing written, tried again next run. */
        INCOMPLETE
    }

    /**
     * Books the trades of every filled order still awaiting them. An exchange that cannot be read ends the run;
     * the orders wait for the next one.
     *
     * @return how many orders were booked
     */
    public int run() {
        int booked = 0;
        Map<String, Optional<BigDecimal>> assetPrices = new HashMap<>();
        for (OrderRecord order : books.ordersAwaitingTrades(BATCH)) {
            try {
                if (book(order, assetPrices) == Result.BOOKED) {
                    booked++;
                }
            } catch (VenueUnavailableException e) {
                log.warn("Trade records unreadable, {} left for the next run: {}", order.clientOrderId(), e.getMessage());
                break;
            }
        }
        return booked;
    }

    private Result book(OrderRecord order, Map<String, Optional<BigDecimal>> assetPrices) {
        List<ExchangeTrade> trades = venue.trades(order.venue(), order.symbol(), order.exchangeOrderId());
        String baseAsset = venue.baseAsset(order.symbol());
        List<Books.ValuedTrade> valued = new ArrayList<>(trades.size());
        for (ExchangeTrade trade : trades) {
            Optional<CommissionValue> value = CommissionValue.of(trade.commission(), trade.commissionAsset(), baseAsset,
                    trade.price(), asset -> assetPrices.computeIfAbsent(asset, this::usdtPrice));
            if (value.isEmpty()) {
                log.warn("Order {}: commission in {} has no USDT price yet; booking waits", order.clientOrderId(),
                        trade.commissionAsset());
                metrics.tradesBooked(Result.INCOMPLETE);
                return Result.INCOMPLETE;
            }
            valued.add(new Books.ValuedTrade(trade, value.get()));
        }
        Result result = books.bookTrades(order.clientOrderId(), baseAsset, valued);
        metrics.tradesBooked(result);
        if (result == Result.INCOMPLETE) {
            log.info("Order {}: the exchange shows {} trades not yet covering {} executed; booking waits",
                    order.clientOrderId(), trades.size(), order.executedQty().toPlainString());
        }
        return result;
    }

    private Optional<BigDecimal> usdtPrice(String asset) {
        try {
            return Optional.of(venue.spotPrice(asset + CommissionValue.QUOTE_ASSET));
        } catch (VenueUnavailableException e) {
            log.warn("No {}{} price: {}", asset, CommissionValue.QUOTE_ASSET, e.getMessage());
            return Optional.empty();
        }
    }
}
