package com.novaquant.binance.rest;

import com.novaquant.binance.auth.ServerTimeReading;
import com.novaquant.binance.filters.ExchangeInfo;
import com.novaquant.binance.outcome.OrderOutcome;
import com.novaquant.binance.outcome.OrderSnapshot;
import com.novaquant.binance.terms.Venue;
import com.novaquant.ids.ClientOrderId;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Order and reference-data calls common to spot and USD-M.
 *
 * <p>Futures returned by order calls never complete exceptionally: every failure is an {@link OrderOutcome}.
 * Futures of the other calls complete exceptionally with {@link BinanceRequestException} on failure.
 * An order placement is never retried automatically; query and cancel are retried (bounded) while the outcome's
 * {@link OrderOutcome#retry()} is {@code AT_ONCE} ({@code Unknown}, {@code NotSent(CONNECT_FAILED)}, and -1021 after
 * a clock resync).
 */
public interface OrderApi {

    Venue venue();

    /** Places an order ({@code POST /api/v3/order} newOrderRespType=FULL, {@code POST /fapi/v1/order} RESULT). */
    CompletableFuture<OrderOutcome> placeOrder(NewOrder order);

    /** Queries by {@code origClientOrderId}. Not found: {@code Rejected(-2013)}. */
    CompletableFuture<OrderOutcome> queryOrder(String symbol, ClientOrderId clientOrderId);

    /** Cancels by {@code origClientOrderId}. Not found / already final: {@code Rejected(-2011)}. */
    CompletableFuture<OrderOutcome> cancelOrder(String symbol, ClientOrderId clientOrderId);

    /** Open orders of one symbol ({@code GET .../openOrders?symbol=}). */
    CompletableFuture<List<OrderSnapshot>> openOrders(String symbol);

    /** Loads exchangeInfo; also re-sizes the local rate limiter and refreshes the cached filters. */
    CompletableFuture<ExchangeInfo> exchangeInfo();

    /** The last exchangeInfo loaded by {@link #exchangeInfo()} or {@link BinanceRestClient#start()}. */
    Optional<ExchangeInfo> cachedExchangeInfo();

    /** Binance server time in ms ({@code GET /api/v3/time}, {@code GET /fapi/v1/time}); also updates the offset. */
    CompletableFuture<Long> serverTime();

    /**
     * One server-time request ({@code GET /api/v3/time}, {@code GET /fapi/v1/time}), timed on the wire and not
     * retried; the offset this client holds is left alone. For a caller that keeps its own offset.
     */
    CompletableFuture<ServerTimeReading> readServerTime();

    /** Current estimate of serverTime - localTime in ms. */
    long clockOffsetMs();

    /** Best estimate of Binance's time now (ms): the local clock plus {@link #clockOffsetMs()}. */
    long serverNowMs();

    /** Effective maker/taker commission rates of a symbol. */
    CompletableFuture<CommissionRates> commissionRates(String symbol);
}
