package com.novaquant.simulator.adapter.ws;

import com.novaquant.simulator.domain.market.Book;
import com.novaquant.simulator.domain.market.PriceLevel;
import com.novaquant.simulator.domain.market.SymbolMarket;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Renders stream payloads exactly as docs/binance-protocol.md, "Stream payloads", shows them: decimals as
 * JSON strings, spot bookTicker without {@code e}/{@code E}, futures bookTicker with {@code e,E,T,u}.
 * Hand-built strings: this runs for every frame at up to tens of thousands per second.
 */
final class FrameRenderer {

    private static final int SPOT_SCALE = 8;

    private FrameRenderer() {
    }

    static String spotBookTicker(String symbol, Book book) {
        PriceLevel bid = book.bestBid();
        PriceLevel ask = book.bestAsk();
        return new StringBuilder(128).append("{\"u\":").append(book.updateId())
                .append(",\"s\":\"").append(symbol)
                .append("\",\"b\":\"").append(spot(bid.price()))
                .append("\",\"B\":\"").append(spot(bid.qty()))
                .append("\",\"a\":\"").append(spot(ask.price()))
                .append("\",\"A\":\"").append(spot(ask.qty()))
                .append("\"}").toString();
    }

    static String futuresBookTicker(String symbol, Book book, long eventTime) {
        PriceLevel bid = book.bestBid();
        PriceLevel ask = book.bestAsk();
        return new StringBuilder(160).append("{\"e\":\"bookTicker\",\"u\":").append(book.updateId())
                .append(",\"E\":").append(eventTime)
                .append(",\"T\":").append(book.eventTimeMillis())
                .append(",\"s\":\"").append(symbol)
                .append("\",\"b\":\"").append(bid.price().toPlainString())
                .append("\",\"B\":\"").append(bid.qty().toPlainString())
                .append("\",\"a\":\"").append(ask.price().toPlainString())
                .append("\",\"A\":\"").append(ask.qty().toPlainString())
                .append("\"}").toString();
    }

    static String markPrice(SymbolMarket market, long eventTime, long nextFundingTime) {
        return new StringBuilder(200).append("{\"e\":\"markPriceUpdate\",\"E\":").append(eventTime)
                .append(",\"s\":\"").append(market.instrument().symbol())
                .append("\",\"p\":\"").append(market.markPrice().toPlainString())
                .append("\",\"ap\":\"").append(market.markPriceAverage().toPlainString())
                .append("\",\"i\":\"").append(market.indexPrice().toPlainString())
                .append("\",\"P\":\"").append(market.indexPrice().toPlainString())
                .append("\",\"r\":\"").append(market.fundingRate().toPlainString())
                .append("\",\"T\":").append(nextFundingTime)
                .append('}').toString();
    }

    /** Spot diff depth: {@code e,E,s,U,u,b,a}, no {@code pu}. */
    static String spotDepthUpdate(String symbol, long eventTime, long firstId, long lastId,
                                  Map<BigDecimal, BigDecimal> bids, Map<BigDecimal, BigDecimal> asks) {
        StringBuilder out = new StringBuilder(512).append("{\"e\":\"depthUpdate\",\"E\":").append(eventTime)
                .append(",\"s\":\"").append(symbol).append("\",\"U\":").append(firstId).append(",\"u\":").append(lastId);
        appendLevels(out.append(",\"b\":"), bids, true);
        appendLevels(out.append(",\"a\":"), asks, true);
        return out.append('}').toString();
    }

    /** Futures diff or partial depth: {@code e,E,T,s,U,u,pu,b,a}. */
    static String futuresDepthUpdate(String symbol, long eventTime, long transactionTime, long firstId, long lastId,
                                     long previousLastId, Map<BigDecimal, BigDecimal> bids,
                                     Map<BigDecimal, BigDecimal> asks) {
        StringBuilder out = new StringBuilder(512).append("{\"e\":\"depthUpdate\",\"E\":").append(eventTime)
                .append(",\"T\":").append(transactionTime)
                .append(",\"s\":\"").append(symbol).append("\",\"U\":").append(firstId).append(",\"u\":").append(lastId)
                .append(",\"pu\":").append(previousLastId);
        appendLevels(out.append(",\"b\":"), bids, false);
        appendLevels(out.append(",\"a\":"), asks, false);
        return out.append('}').toString();
    }

    /** Spot partial depth: {@code lastUpdateId,bids,asks}. */
    static String spotPartialDepth(Book book, int levels) {
        StringBuilder out = new StringBuilder(512).append("{\"lastUpdateId\":").append(book.updateId());
        appendLevels(out.append(",\"bids\":"), book.bids().subList(0, Math.min(levels, book.bids().size())), true);
        appendLevels(out.append(",\"asks\":"), book.asks().subList(0, Math.min(levels, book.asks().size())), true);
        return out.append('}').toString();
    }

    private static void appendLevels(StringBuilder out, Map<BigDecimal, BigDecimal> levels, boolean spot) {
        out.append('[');
        boolean first = true;
        for (Map.Entry<BigDecimal, BigDecimal> level : levels.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append("[\"").append(spot ? spot(level.getKey()) : level.getKey().toPlainString())
                    .append("\",\"").append(spot ? spot(level.getValue()) : level.getValue().toPlainString()).append("\"]");
        }
        out.append(']');
    }

    private static void appendLevels(StringBuilder out, List<PriceLevel> levels, boolean spot) {
        out.append('[');
        for (int i = 0; i < levels.size(); i++) {
            PriceLevel level = levels.get(i);
            if (i > 0) {
                out.append(',');
            }
            out.append("[\"").append(spot ? spot(level.price()) : level.price().toPlainString())
                    .append("\",\"").append(spot ? spot(level.qty()) : level.qty().toPlainString()).append("\"]");
        }
        out.append(']');
    }

    static String spot(BigDecimal value) {
        return value.setScale(SPOT_SCALE, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }
}
