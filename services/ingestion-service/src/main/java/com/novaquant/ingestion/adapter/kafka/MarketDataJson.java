package com.novaquant.ingestion.adapter.kafka;

import com.novaquant.events.EventCodec;
import com.novaquant.events.FundingRate;
import com.novaquant.events.Quote;

import java.math.BigDecimal;

/**
 * Writes {@link Quote} and {@link FundingRate} in exactly the bytes {@link EventCodec#encode} produces (same field
 * order, decimals as strings, {@code type} first and {@code v} last; a test holds the two byte-equal), without
 * building a JSON tree per record: these two events are the high-rate ones. Every other event goes through
 * EventCodec. Symbols are validated upper-case alphanumerics, so no string here needs escaping.
 */
final class MarketDataJson {

    private static final ThreadLocal<StringBuilder> BUILDER = ThreadLocal.withInitial(() -> new StringBuilder(320));

    private MarketDataJson() {
    }

    static byte[] quote(Quote q) {
        StringBuilder b = start("quote");
        b.append(",\"symbol\":\"").append(q.symbol())
                .append("\",\"venue\":\"").append(q.venue().name()).append('"');
        decimal(b, "bidPrice", q.bidPrice());
        decimal(b, "bidQty", q.bidQty());
        decimal(b, "askPrice", q.askPrice());
        decimal(b, "askQty", q.askQty());
        b.append(",\"updateId\":").append(q.updateId())
                .append(",\"exchangeTimeMs\":").append(q.exchangeTimeMs())
                .append(",\"receivedAtMicros\":").append(q.receivedAtMicros());
        return finish(b);
    }

    static byte[] funding(FundingRate f) {
        StringBuilder b = start("funding");
        b.append(",\"symbol\":\"").append(f.symbol()).append('"');
        decimal(b, "markPrice", f.markPrice());
        decimal(b, "indexPrice", f.indexPrice());
        decimal(b, "fundingRate", f.fundingRate());
        b.append(",\"nextFundingTimeMs\":").append(f.nextFundingTimeMs())
                .append(",\"exchangeTimeMs\":").append(f.exchangeTimeMs())
                .append(",\"receivedAtMicros\":").append(f.receivedAtMicros())
                .append(",\"fundingIntervalHours\":").append(f.fundingIntervalHours());
        return finish(b);
    }

    private static StringBuilder start(String type) {
        StringBuilder b = BUILDER.get();
        b.setLength(0);
        return b.append("{\"type\":\"").append(type).append('"');
    }

    private static void decimal(StringBuilder b, String name, BigDecimal value) {
        b.append(",\"").append(name).append("\":\"").append(value.toString()).append('"');
    }

    private static byte[] finish(StringBuilder b) {
        b.append(",\"v\":").append(EventCodec.SCHEMA_VERSION).append('}');
        int length = b.length();
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) b.charAt(i);
        }
        return bytes;
    }
}
