package com.novaquant.events;

import java.math.BigDecimal;
import java.util.List;

/**
 * One scan of every symbol that has a spot market and a USD-M perpetual, published by ingestion on
 * {@code nova.md.scan} ({@link Topics#MARKET_SCAN}, key {@value #KEY}) every scan interval. The signal service chooses
 * the traded universe from it. Books are each venue's top of book at the scan; volumes are the last 24 h.
 *
 * @param scannedAtMs when the scan's data was read, epoch ms
 * @param symbols     every symbol scanned; a symbol either venue did not answer for is left out
 */
public record MarketScan(long scannedAtMs, List<ScannedSymbol> symbols) implements NovaEvent {

    /** The record key: one key, so the topic's order is the scans' order. */
    public static final String KEY = "market-scan";

    public MarketScan {
        symbols = symbols == null ? List.of() : List.copyOf(symbols);
    }

    /**
     * One symbol of a scan.
     *
     * @param tradable             both markets are open for trading (status {@code TRADING} on both venues)
     * @param fundingRate          the perpetual's current (predicted) funding rate, per interval
     * @param fundingIntervalHours the perpetual's own funding interval; {@link FundingRate#UNKNOWN_INTERVAL} when
     *                             the exchange does not say
     * @param spotQuoteVolume      24 h traded value on spot, quote currency
     * @param perpQuoteVolume      24 h traded value on the perpetual, quote currency
     */
    public record ScannedSymbol(String symbol, boolean tradable, BigDecimal fundingRate, int fundingIntervalHours,
                                BigDecimal spotBid, BigDecimal spotBidQty, BigDecimal spotAsk, BigDecimal spotAskQty,
                                BigDecimal perpBid, BigDecimal perpBidQty, BigDecimal perpAsk, BigDecimal perpAskQty,
                                BigDecimal spotQuoteVolume, BigDecimal perpQuoteVolume) {

        public ScannedSymbol {
            if (symbol == null || symbol.isBlank()) {
                throw new IllegalArgumentException("symbol is required");
            }
            for (BigDecimal value : new BigDecimal[]{fundingRate, spotBid, spotBidQty, spotAsk, spotAskQty, perpBid,
                    perpBidQty, perpAsk, perpAskQty, spotQuoteVolume, perpQuoteVolume}) {
                if (value == null) {
                    throw new IllegalArgumentException(symbol + ": every price, quantity, rate and volume is required");
                }
            }
        }
    }

    @Override
    public String key() {
        return KEY;
    }
}
