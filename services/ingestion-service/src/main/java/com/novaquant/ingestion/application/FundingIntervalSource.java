package com.novaquant.ingestion.application;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Where the symbols' funding intervals come from (the exchange's funding parameters). */
public interface FundingIntervalSource {

    /**
     * The current funding interval, in hours, of each of {@code symbols}. Completes exceptionally when the exchange
     * cannot be read; never completes with a partial answer.
     */
    CompletableFuture<Map<String, Integer>> intervals(Collection<String> symbols);
}
