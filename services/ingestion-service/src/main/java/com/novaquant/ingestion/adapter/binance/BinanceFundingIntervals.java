package com.novaquant.ingestion.adapter.binance;

import com.novaquant.binance.rest.FundingInfo;
import com.novaquant.binance.rest.FuturesApi;
import com.novaquant.ingestion.application.FundingIntervalSource;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Funding intervals from Binance's {@code GET /fapi/v1/fundingInfo} (public, binance-client). Binance lists only the
 * symbols whose funding parameters it has adjusted: a symbol it does not list pays every
 * {@link FundingInfo#DEFAULT_FUNDING_INTERVAL_HOURS} hours.
 */
public final class BinanceFundingIntervals implements FundingIntervalSource {

    private final FuturesApi futures;

    public BinanceFundingIntervals(FuturesApi futures) {
        this.futures = futures;
    }

    @Override
    public CompletableFuture<Map<String, Integer>> intervals(Collection<String> symbols) {
        return futures.fundingInfo().thenApply(rows -> {
            Map<String, Integer> listed = new HashMap<>();
            for (FundingInfo row : rows) {
                listed.put(row.symbol(), row.fundingIntervalHours());
            }
            Map<String, Integer> intervals = new HashMap<>();
            for (String symbol : symbols) {
                intervals.put(symbol, listed.getOrDefault(symbol, FundingInfo.DEFAULT_FUNDING_INTERVAL_HOURS));
            }
            return intervals;
        });
    }
}
