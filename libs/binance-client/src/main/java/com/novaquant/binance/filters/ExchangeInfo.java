package com.novaquant.binance.filters;

import com.novaquant.binance.terms.Venue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parts of {@code GET /api/v3/exchangeInfo} or {@code GET /fapi/v1/exchangeInfo} this client uses. */
public record ExchangeInfo(Venue venue, long serverTimeMs, List<RateLimitRule> rateLimits,
                           Map<String, SymbolInfo> symbols) {

    public ExchangeInfo {
        rateLimits = List.copyOf(rateLimits);
        symbols = Map.copyOf(symbols);
    }

    public Optional<SymbolInfo> symbol(String symbol) {
        return Optional.ofNullable(symbols.get(symbol));
    }

    public Optional<SymbolFilters> filters(String symbol) {
        return symbol(symbol).map(SymbolInfo::filters);
    }
}
