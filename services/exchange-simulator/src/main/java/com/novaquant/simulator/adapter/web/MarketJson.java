package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.domain.market.Book;
import com.novaquant.simulator.domain.market.PriceLevel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Book payloads of the spot and USD-M market-data endpoints: depth levels and book tickers. */
final class MarketJson {

    private MarketJson() {
    }

    private static List<List<String>> levels(List<PriceLevel> side, int limit, boolean spot) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < side.size() && i < limit; i++) {
            PriceLevel level = side.get(i);
            out.add(List.of(format(level.price(), spot), format(level.qty(), spot)));
        }
        return out;
    }

    /** Spot depth: the update id and up to {@code limit} levels a side. */
    static Map<String, Object> spotDepth(Book book, int limit) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lastUpdateId", book.updateId());
        out.put("bids", levels(book.bids(), limit, true));
        out.put("asks", levels(book.asks(), limit, true));
        return out;
    }

    /** USD-M depth: spot's fields plus the message time {@code E} and the book's own time {@code T}. */
    static Map<String, Object> futuresDepth(Book book, int limit, long now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lastUpdateId", book.updateId());
        out.put("E", now);
        out.put("T", book.eventTimeMillis());
        out.put("bids", levels(book.bids(), limit, false));
        out.put("asks", levels(book.asks(), limit, false));
        return out;
    }

    private static String format(BigDecimal value, boolean spot) {
        return spot ? OrderJson.spot(value) : value.toPlainString();
    }

    /** Spot's book ticker: the best bid and ask, 8 places. */
    static Map<String, Object> spotBookTicker(String symbol, Book book) {
        return bookTicker(symbol, book, true, null);
    }

    /** USD-M's book ticker: the best bid and ask with the book's time and update id. */
    static Map<String, Object> futuresBookTicker(String symbol, Book book) {
        return bookTicker(symbol, book, false, book.eventTimeMillis());
    }

    private static Map<String, Object> bookTicker(String symbol, Book book, boolean spot, Long time) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", symbol);
        out.put("bidPrice", format(book.bestBid().price(), spot));
        out.put("bidQty", format(book.bestBid().qty(), spot));
        out.put("askPrice", format(book.bestAsk().price(), spot));
        out.put("askQty", format(book.bestAsk().qty(), spot));
        if (time != null) {
            out.put("time", time);
            out.put("lastUpdateId", book.updateId());
        }
        return out;
    }
}
