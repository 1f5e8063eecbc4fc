package com.novaquant.binance.filters;

/**
 * One symbol of exchangeInfo.
 *
 * @param status {@code TRADING}, {@code HALT}, {@code BREAK}, {@code END_OF_DAY}, {@code CANCEL_ONLY} (spot) or
 *               the USD-M contract status; only {@code TRADING} accepts new orders
 */
public record SymbolInfo(String symbol, String status, String baseAsset, String quoteAsset,
                         SymbolFilters filters) {

    public boolean isTrading() {
        return "TRADING".equals(status);
    }
}
