package com.novaquant.events;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Reads a {@link Quote} written in exactly the canonical layout (the bytes {@link EventCodec#encode} and ingestion's
 * writer produce: {@code type} first, the components in declaration order, {@code v} last, no whitespace) without a
 * JSON tree. Quotes are the one high-rate topic: every consumer of it (signal, the auditing benchmark) decodes ten
 * thousand a second, and Jackson's tree-then-bind takes several times the CPU of this scan on a two-core host where
 * that CPU is what every other hop waits for.
 * <p>
 * Anything else, however slightly different (other order, whitespace, escapes, nulls, a lower-case symbol, numbers
 * out of range), returns null and goes through {@link EventCodec}'s general path, which validates and classifies
 * it: this reader never accepts what the general path would refuse, and never decides differently (a property test
 * holds the two equal).
 */
final class CanonicalQuote {

    private static final byte[] TYPE = ascii("{\"type\":\"quote\",\"symbol\":\"");
    private static final byte[] VENUE = ascii("\",\"venue\":\"");
    private static final byte[] BID_PRICE = ascii("\",\"bidPrice\":\"");
    private static final byte[] BID_QTY = ascii("\",\"bidQty\":\"");
    private static final byte[] ASK_PRICE = ascii("\",\"askPrice\":\"");
    private static final byte[] ASK_QTY = ascii("\",\"askQty\":\"");
    private static final byte[] UPDATE_ID = ascii("\",\"updateId\":");
    private static final byte[] EXCHANGE_TIME = ascii(",\"exchangeTimeMs\":");
    private static final byte[] RECEIVED_AT = ascii(",\"receivedAtMicros\":");
    private static final byte[] VERSION = ascii(",\"v\":" + EventCodec.SCHEMA_VERSION + "}");
    /** Longest symbol and decimal text taken here; longer ones go the general way. */
    private static final int MAX_TEXT = 40;

    private CanonicalQuote() {
    }

    /** The quote, or null when the payload is not in the canonical layout (the caller then decodes it in full). */
    static Quote parse(byte[] p) {
        Cursor c = new Cursor(p);
        if (!c.expect(TYPE)) {
            return null;
        }
        String symbol = c.symbol();
        if (symbol == null || !c.expect(VENUE)) {
            return null;
        }
        Venue venue = c.venue();
        if (venue == null || !c.expect(BID_PRICE)) {
            return null;
        }
        BigDecimal bidPrice = c.decimal();
        if (bidPrice == null || !c.expect(BID_QTY)) {
            return null;
        }
        BigDecimal bidQty = c.decimal();
        if (bidQty == null || !c.expect(ASK_PRICE)) {
            return null;
        }
        BigDecimal askPrice = c.decimal();
        if (askPrice == null || !c.expect(ASK_QTY)) {
            return null;
        }
        BigDecimal askQty = c.decimal();
        if (askQty == null || !c.expect(UPDATE_ID)) {
            return null;
        }
        long updateId = c.integer();
        if (c.failed || !c.expect(EXCHANGE_TIME)) {
            return null;
        }
        long exchangeTimeMs = c.integer();
        if (c.failed || !c.expect(RECEIVED_AT)) {
            return null;
        }
        long receivedAtMicros = c.integer();
        if (c.failed || !c.expect(VERSION) || c.at != p.length) {
            return null;
        }
        return new Quote(symbol, venue, bidPrice, bidQty, askPrice, askQty, updateId, exchangeTimeMs, receivedAtMicros);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static final class Cursor {
        private final byte[] p;
        private int at;
        private boolean failed;

        Cursor(byte[] p) {
            this.p = p;
        }

        boolean expect(byte[] literal) {
            if (p.length - at < literal.length) {
                return false;
            }
            for (int i = 0; i < literal.length; i++) {
                if (p[at + i] != literal[i]) {
                    return false;
                }
            }
            at += literal.length;
            return true;
        }

        /** Upper-case letters and digits up to the closing quote (what ingestion validates symbols to). */
        String symbol() {
            int start = at;
            while (at < p.length && at - start <= MAX_TEXT && (p[at] >= 'A' && p[at] <= 'Z' || p[at] >= '0' && p[at] <= '9')) {
                at++;
            }
            if (at == start || at - start > MAX_TEXT || at >= p.length || p[at] != '"') {
                return null;
            }
            return new String(p, start, at - start, StandardCharsets.US_ASCII);
        }

        Venue venue() {
            if (p.length - at >= 4 && p[at] == 'S' && p[at + 1] == 'P' && p[at + 2] == 'O' && p[at + 3] == 'T') {
                at += 4;
                return Venue.SPOT;
            }
            if (p.length - at >= 4 && p[at] == 'U' && p[at + 1] == 'S' && p[at + 2] == 'D' && p[at + 3] == 'M') {
                at += 4;
                return Venue.USDM;
            }
            return null;
        }

        /** A decimal string in plain notation (digits, at most one point, an optional leading minus). */
        BigDecimal decimal() {
            int start = at;
            if (at < p.length && p[at] == '-') {
                at++;
            }
            int digits = 0;
            boolean point = false;
            while (at < p.length && at - start <= MAX_TEXT) {
                byte b = p[at];
                if (b >= '0' && b <= '9') {
                    digits++;
                } else if (b == '.' && !point && digits > 0) {
                    point = true;
                } else {
                    break;
                }
                at++;
            }
            if (digits == 0 || at - start > MAX_TEXT || at >= p.length || p[at] != '"' || p[at - 1] == '.') {
                return null;
            }
            char[] text = new char[at - start];
            for (int i = 0; i < text.length; i++) {
                text[i] = (char) p[start + i];
            }
            return new BigDecimal(text);
        }

        /** A JSON integer that fits a long (no leading zeros). */
        long integer() {
            int start = at;
            if (at < p.length && p[at] == '-') {
                at++;
            }
            int first = at;
            long value = 0;
            while (at < p.length && p[at] >= '0' && p[at] <= '9' && at - first < 19) {
                value = value * 10 + (p[at] - '0');
                at++;
            }
            int digits = at - first;
            if (digits == 0 || (digits > 1 && p[first] == '0') || (at < p.length && p[at] >= '0' && p[at] <= '9')) {
                failed = true;
                return 0;
            }
            if (digits < 19) {
                return start == first ? value : -value;
            }
            try {
                // Nineteen digits may overflow: the exact check is rare enough to be the JDK's.
                return Long.parseLong(new String(p, start, at - start, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                failed = true;
                return 0;
            }
        }
    }
}
