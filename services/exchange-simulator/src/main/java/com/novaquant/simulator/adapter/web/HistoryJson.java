package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.domain.market.Book;
import com.novaquant.simulator.domain.market.Candle;
import com.novaquant.simulator.domain.market.KlineInterval;
import com.novaquant.simulator.domain.market.PriceHistory;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.market.VenueRules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Klines and tickers built from a venue's {@link PriceHistory}. The simulator records prices (the book's mid on the
 * tick), not trades: kline volumes, trade counts and taker volumes are zero; the 24 h ticker reports the instrument's
 * configured 24 h quote volume (and that volume at the last price in base units), {@code firstId}/{@code lastId} are -1 as
 * Binance gives them for a window without trades, {@code lastQty} is zero and {@code weightedAvgPrice} is the average
 * of the window's minute closes. Spot renders decimals with 8 places, USD-M with the symbol's tick and step.
 */
final class HistoryJson {

    static final long DAY_MILLIS = 86_400_000L;

    private HistoryJson() {
    }

    /** Parses and applies the klines parameters ({@code interval}, {@code startTime}, {@code endTime}, {@code limit}). */
    static List<List<Object>> klines(SymbolMarket market, Venue venue, RequestParams p, int maxLimit) {
        String code = p.require("interval");
        KlineInterval interval = KlineInterval.parse(code)
                .orElseThrow(() -> ApiException.badRequest(-1120, "Invalid interval."));
        Long start = p.longValue("startTime");
        Long end = p.longValue("endTime");
        if (start != null && end != null && start > end) {
            throw ApiException.badRequest(-1023, "Start time is greater than end time.");
        }
        int limit = limit(p, maxLimit);
        Format f = new Format(venue, market.instrument().rules(venue));
        List<List<Object>> rows = new ArrayList<>();
        for (Candle c : market.history(venue).candles(interval, start, end, limit)) {
            List<Object> row = new ArrayList<>(12);
            row.add(c.openTime());
            row.add(f.price(c.open()));
            row.add(f.price(c.high()));
            row.add(f.price(c.low()));
            row.add(f.price(c.close()));
            row.add(f.qty(BigDecimal.ZERO));
            row.add(c.closeTime());
            row.add(f.quote(BigDecimal.ZERO));
            row.add(0);
            row.add(f.qty(BigDecimal.ZERO));
            row.add(f.quote(BigDecimal.ZERO));
            row.add("0");
            rows.add(row);
        }
        return rows;
    }

    /** The requested {@code limit} (default 500), kept within 1 and {@code max}. */
    static int limit(RequestParams p, int max) {
        Long requested = p.longValue("limit");
        return requested == null ? 500 : (int) Math.max(1, Math.min(max, requested));
    }

    /** The 24 h rolling-window statistics of one symbol; spot adds the previous close and the top of the book. */
    static Map<String, Object> ticker24h(SymbolMarket market, Venue venue, long now) {
        Format f = new Format(venue, market.instrument().rules(venue));
        PriceHistory.Rolling r = market.history(venue).rolling(now, DAY_MILLIS).orElse(null);
        BigDecimal zero = BigDecimal.ZERO;
        BigDecimal open = r == null ? zero : r.open();
        BigDecimal last = r == null ? zero : r.last();
        BigDecimal change = last.subtract(open);
        BigDecimal percent = open.signum() == 0 ? zero.setScale(3)
                : change.multiply(BigDecimal.valueOf(100)).divide(open, 3, RoundingMode.HALF_UP);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", market.instrument().symbol());
        out.put("priceChange", f.price(change));
        out.put("priceChangePercent", percent.toPlainString());
        out.put("weightedAvgPrice", f.price(r == null ? zero : r.averageClose()));
        if (venue == Venue.SPOT) {
            out.put("prevClosePrice", f.price(r == null ? zero : r.previousClose()));
        }
        out.put("lastPrice", f.price(last));
        out.put("lastQty", f.qty(zero));
        if (venue == Venue.SPOT) {
            Book book = market.book(venue);
            out.put("bidPrice", f.price(book.isEmpty() ? zero : book.bestBid().price()));
            out.put("bidQty", f.qty(book.isEmpty() ? zero : book.bestBid().qty()));
            out.put("askPrice", f.price(book.isEmpty() ? zero : book.bestAsk().price()));
            out.put("askQty", f.qty(book.isEmpty() ? zero : book.bestAsk().qty()));
        }
        out.put("openPrice", f.price(open));
        out.put("highPrice", f.price(r == null ? zero : r.high()));
        out.put("lowPrice", f.price(r == null ? zero : r.low()));
        BigDecimal quoteVolume = market.instrument().quoteVolume24h(venue);
        BigDecimal reference = last.signum() > 0 ? last : market.instrument().startPrice();
        out.put("volume", f.qty(quoteVolume.divide(reference, f.qtyScale(), RoundingMode.DOWN)));
        out.put("quoteVolume", f.quote(quoteVolume));
        out.put("openTime", now - DAY_MILLIS);
        out.put("closeTime", now);
        out.put("firstId", -1);
        out.put("lastId", -1);
        out.put("count", 0);
        return out;
    }

    /** The last price of one symbol; USD-M adds the wall time it was recorded at. */
    static Map<String, Object> priceTicker(SymbolMarket market, Venue venue, long now) {
        Format f = new Format(venue, market.instrument().rules(venue));
        PriceHistory history = market.history(venue);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", market.instrument().symbol());
        out.put("price", f.price(history.last().orElse(BigDecimal.ZERO)));
        if (venue == Venue.USDM) {
            long at = history.lastMillis();
            out.put("time", at == Long.MIN_VALUE ? now : at);
        }
        return out;
    }

    /** Decimal rendering per venue: spot with 8 places, USD-M prices on the tick's scale and quantities on the step's. */
    private record Format(Venue venue, VenueRules rules) {

        String price(BigDecimal v) {
            return venue == Venue.SPOT ? OrderJson.spot(v) : v.setScale(rules.priceScale(), RoundingMode.HALF_EVEN).toPlainString();
        }

        String qty(BigDecimal v) {
            return venue == Venue.SPOT ? OrderJson.spot(v) : v.setScale(rules.qtyScale(), RoundingMode.HALF_EVEN).toPlainString();
        }

        int qtyScale() {
            return venue == Venue.SPOT ? 8 : rules.qtyScale();
        }

        String quote(BigDecimal v) {
            return venue == Venue.SPOT ? OrderJson.spot(v) : v.setScale(8, RoundingMode.HALF_EVEN).toPlainString();
        }
    }
}
