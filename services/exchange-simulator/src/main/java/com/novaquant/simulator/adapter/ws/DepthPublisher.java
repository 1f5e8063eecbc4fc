package com.novaquant.simulator.adapter.ws;

import com.novaquant.simulator.domain.market.Book;
import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.market.PriceLevel;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Publishes diff depth and partial depth on their update speeds: spot {@code @depth} (1000 ms) and
 * {@code @depth@100ms}; futures {@code @depth} (250 ms), {@code @depth@500ms}, {@code @depth@100ms};
 * partial {@code @depth5|10|20} with the same suffixes. Diff events carry absolute quantities, 0 for a
 * removed level, and ids that chain ({@code U} = previous {@code u} + 1; futures {@code pu} = previous
 * {@code u}), so a client can keep a local book as docs/binance-protocol.md, "Keeping a local order book",
 * describes.
 */
public final class DepthPublisher {

    private static final int[] PARTIAL_LEVELS = {5, 10, 20};

    private final StreamHub hub;
    private final Markets markets;
    private final LongSupplier wallMillis;
    private final List<DepthStream> streams = new ArrayList<>();

    public DepthPublisher(StreamHub hub, Markets markets, LongSupplier wallMillis) {
        this.hub = hub;
        this.markets = markets;
        this.wallMillis = wallMillis;
        for (SymbolMarket market : markets.all()) {
            String s = market.instrument().streamSymbol();
            add(market, StreamChannel.SPOT, s + "@depth", 1000, 0);
            add(market, StreamChannel.SPOT, s + "@depth@100ms", 100, 0);
            add(market, StreamChannel.FUTURES_PUBLIC, s + "@depth", 250, 0);
            add(market, StreamChannel.FUTURES_PUBLIC, s + "@depth@500ms", 500, 0);
            add(market, StreamChannel.FUTURES_PUBLIC, s + "@depth@100ms", 100, 0);
            for (int levels : PARTIAL_LEVELS) {
                add(market, StreamChannel.SPOT, s + "@depth" + levels, 1000, levels);
                add(market, StreamChannel.SPOT, s + "@depth" + levels + "@100ms", 100, levels);
                add(market, StreamChannel.FUTURES_PUBLIC, s + "@depth" + levels, 250, levels);
                add(market, StreamChannel.FUTURES_PUBLIC, s + "@depth" + levels + "@500ms", 500, levels);
                add(market, StreamChannel.FUTURES_PUBLIC, s + "@depth" + levels + "@100ms", 100, levels);
            }
        }
    }

    /** Called on a fixed short period; publishes every stream whose interval is due. */
    public void tick() {
        long now = wallMillis.getAsLong();
        for (DepthStream stream : streams) {
            if (now - stream.lastPublished < stream.intervalMillis) {
                continue;
            }
            stream.lastPublished = now;
            if (!hub.hasSubscribers(stream.channel, stream.name)) {
                stream.forget();
                continue;
            }
            if (!stream.market.trading(stream.channel.venue())) {
                continue;
            }
            Book book = stream.market.book(stream.channel.venue());
            if (book.isEmpty() || book.updateId() == stream.lastUpdateId) {
                continue;
            }
            hub.publish(stream.channel, stream.name, stream.render(book, now));
        }
    }

    private void add(SymbolMarket market, StreamChannel channel, String name, long intervalMillis, int partialLevels) {
        streams.add(new DepthStream(market, channel, name, intervalMillis, partialLevels));
    }

    /** The state of one depth stream: what its subscribers were last told. */
    private static final class DepthStream {
        private final SymbolMarket market;
        private final StreamChannel channel;
        private final String name;
        private final long intervalMillis;
        private final int partialLevels;
        private long lastPublished;
        private long lastUpdateId;
        private Map<BigDecimal, BigDecimal> bids = Map.of();
        private Map<BigDecimal, BigDecimal> asks = Map.of();

        private DepthStream(SymbolMarket market, StreamChannel channel, String name, long intervalMillis, int partialLevels) {
            this.market = market;
            this.channel = channel;
            this.name = name;
            this.intervalMillis = intervalMillis;
            this.partialLevels = partialLevels;
        }

        private void forget() {
            lastUpdateId = 0;
            bids = Map.of();
            asks = Map.of();
        }

        private String render(Book book, long now) {
            String symbol = market.instrument().symbol();
            long first = lastUpdateId == 0 ? book.updateId() : lastUpdateId + 1;
            long previous = lastUpdateId;
            String frame;
            if (partialLevels > 0) {
                if (channel.venue() == Venue.SPOT) {
                    frame = FrameRenderer.spotPartialDepth(book, partialLevels);
                } else {
                    frame = FrameRenderer.futuresDepthUpdate(symbol, now, book.eventTimeMillis(), first, book.updateId(),
                            previous, levels(book.bids(), partialLevels, true), levels(book.asks(), partialLevels, false));
                }
            } else {
                Map<BigDecimal, BigDecimal> newBids = levels(book.bids(), Integer.MAX_VALUE, true);
                Map<BigDecimal, BigDecimal> newAsks = levels(book.asks(), Integer.MAX_VALUE, false);
                Map<BigDecimal, BigDecimal> bidChanges = diff(bids, newBids, true);
                Map<BigDecimal, BigDecimal> askChanges = diff(asks, newAsks, false);
                bids = newBids;
                asks = newAsks;
                frame = channel.venue() == Venue.SPOT
                        ? FrameRenderer.spotDepthUpdate(symbol, now, first, book.updateId(), bidChanges, askChanges)
                        : FrameRenderer.futuresDepthUpdate(symbol, now, book.eventTimeMillis(), first, book.updateId(),
                        previous, bidChanges, askChanges);
            }
            lastUpdateId = book.updateId();
            return frame;
        }

        private static Map<BigDecimal, BigDecimal> levels(List<PriceLevel> side, int max, boolean bids) {
            Map<BigDecimal, BigDecimal> out = new TreeMap<>(bids ? Comparator.<BigDecimal>reverseOrder() : Comparator.<BigDecimal>naturalOrder());
            for (int i = 0; i < side.size() && i < max; i++) {
                out.put(side.get(i).price(), side.get(i).qty());
            }
            return out;
        }

        private static Map<BigDecimal, BigDecimal> diff(Map<BigDecimal, BigDecimal> before, Map<BigDecimal, BigDecimal> after,
                                                        boolean bids) {
            Map<BigDecimal, BigDecimal> changes = new TreeMap<>(bids ? Comparator.<BigDecimal>reverseOrder() : Comparator.<BigDecimal>naturalOrder());
            after.forEach((price, qty) -> {
                BigDecimal old = before.get(price);
                if (old == null || old.compareTo(qty) != 0) {
                    changes.put(price, qty);
                }
            });
            Map<BigDecimal, BigDecimal> removed = new HashMap<>(before);
            after.keySet().forEach(removed::remove);
            removed.keySet().forEach(price -> changes.put(price, price.scale() >= 0 ? BigDecimal.ZERO.setScale(price.scale()) : BigDecimal.ZERO));
            return changes;
        }
    }
}
