package com.novaquant.binance.rest;

import com.novaquant.binance.outcome.Rejected;
import com.novaquant.binance.outcome.Unknown;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Reads every income record of a window by asking for page 1, 2, ... until a page comes back shorter than the
 * limit. A full page that brings nothing new means the server ignores {@code page}; that, and a window too large
 * for {@link #MAX_PAGES} pages, fails rather than returning a silently truncated history.
 */
final class IncomePages {

    static final int MAX_PAGES = 100;
    private static final String ENDPOINT = "GET /fapi/v1/income";

    private IncomePages() {
    }

    static CompletableFuture<List<IncomeRecord>> readAll(
            Function<IncomeQuery, CompletableFuture<List<IncomeRecord>>> reader, IncomeQuery query) {
        IncomeQuery first = query.withLimit(query.limit() == null ? IncomeQuery.MAX_LIMIT : query.limit())
                .withPage(1);
        return next(reader, first, new ArrayList<>(), new HashSet<>());
    }

    private static CompletableFuture<List<IncomeRecord>> next(
            Function<IncomeQuery, CompletableFuture<List<IncomeRecord>>> reader, IncomeQuery query,
            List<IncomeRecord> collected, Set<String> seen) {
        return reader.apply(query).thenCompose(page -> {
            int added = 0;
            for (IncomeRecord record : page) {
                // tranId identifies a record within its income type.
                if (seen.add(record.incomeType() + "/" + record.tranId())) {
                    collected.add(record);
                    added++;
                }
            }
            if (page.size() < query.limit()) {
                return CompletableFuture.completedFuture(List.copyOf(collected));
            }
            if (added == 0) {
                return CompletableFuture.failedFuture(failure("page " + query.page()
                        + " repeats earlier records: the server does not page"));
            }
            if (query.page() >= MAX_PAGES) {
                return CompletableFuture.failedFuture(failure("more than " + MAX_PAGES + " pages of "
                        + query.limit() + " records: narrow the time window"));
            }
            return next(reader, query.withPage(query.page() + 1), collected, seen);
        });
    }

    private static BinanceRequestException failure(String reason) {
        return new BinanceRequestException(ENDPOINT, new Unknown(Rejected.NO_BINANCE_CODE, reason));
    }
}
