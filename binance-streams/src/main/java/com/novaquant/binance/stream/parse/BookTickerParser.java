package com.novaquant.binance.stream.parse;

import java.nio.charset.StandardCharsets;

/**
 * Parses {@code bookTicker} payloads. Spot sends {@code u s b B a A}; USD-M adds {@code e E T}, and with
 * {@code requireEventTime} the event time is mandatory (the feed watchdog measures lag from it). Unknown fields are
 * skipped (Binance adds fields over time, e.g. {@code ap} on markPrice in 2026); repeated fields, wrong types,
 * negative or zero prices, unknown symbols and anything that is not plain JSON are rejected with a reason. Not
 * thread-safe; one per connection.
 */
public final class BookTickerParser {

    private static final byte[] EVENT_NAME = "bookTicker".getBytes(StandardCharsets.US_ASCII);

    private static final int F_U = 1;
    private static final int F_S = 1 << 1;
    private static final int F_BID = 1 << 2;
    private static final int F_BID_QTY = 1 << 3;
    private static final int F_ASK = 1 << 4;
    private static final int F_ASK_QTY = 1 << 5;
    private static final int F_EVENT = 1 << 6;
    private static final int F_EVENT_TIME = 1 << 7;
    private static final int F_TX_TIME = 1 << 8;
    private static final int REQUIRED = F_U | F_S | F_BID | F_BID_QTY | F_ASK | F_ASK_QTY;

    private final SymbolTable symbols;
    private final boolean requireEventTime;
    private final JsonCursor cursor = new JsonCursor();

    public BookTickerParser(SymbolTable symbols, boolean requireEventTime) {
        this.symbols = symbols;
        this.requireEventTime = requireEventTime;
    }

    /** Parses one raw payload (no combined envelope) into {@code target}. */
    public ParseStatus parse(byte[] buf, int offset, int length, BookTicker target) {
        cursor.reset(buf, offset, length);
        if (parseObject(cursor, target)) {
            cursor.atEnd();
        }
        return cursor.status();
    }

    boolean parseObject(JsonCursor c, BookTicker t) {
        t.clear();
        if (!c.beginObject()) {
            return false;
        }
        int seen = 0;
        int k = c.nextKey(true);
        while (k == 1) {
            int field = c.tokenLength() == 1 ? fieldBit(c.buffer()[c.tokenStart()]) : 0;
            if (field == 0) {
                if (!c.skipValue()) {
                    return false;
                }
            } else {
                if ((seen & field) != 0) {
                    return c.fail(ParseStatus.DUPLICATE_FIELD);
                }
                seen |= field;
                if (!readField(c, t, field)) {
                    return false;
                }
            }
            k = c.nextKey(false);
        }
        if (k < 0) {
            return false;
        }
        int required = requireEventTime ? REQUIRED | F_EVENT_TIME : REQUIRED;
        if ((seen & required) != required) {
            return c.fail(ParseStatus.MISSING_FIELD);
        }
        if (t.bidPrice == 0 || t.askPrice == 0) {
            return c.fail(ParseStatus.NON_POSITIVE_PRICE);
        }
        return true;
    }

    private static int fieldBit(byte key) {
        return switch (key) {
            case 'u' -> F_U;
            case 's' -> F_S;
            case 'b' -> F_BID;
            case 'B' -> F_BID_QTY;
            case 'a' -> F_ASK;
            case 'A' -> F_ASK_QTY;
            case 'e' -> F_EVENT;
            case 'E' -> F_EVENT_TIME;
            case 'T' -> F_TX_TIME;
            default -> 0;
        };
    }

    private boolean readField(JsonCursor c, BookTicker t, int field) {
        switch (field) {
            case F_U -> {
                if (!c.readNonNegativeLong()) {
                    return false;
                }
                t.updateId = c.unscaled();
            }
            case F_EVENT_TIME -> {
                if (!c.readNonNegativeLong()) {
                    return false;
                }
                t.eventTimeMs = c.unscaled();
            }
            case F_TX_TIME -> {
                if (!c.readNonNegativeLong()) {
                    return false;
                }
                t.transactionTimeMs = c.unscaled();
            }
            case F_S -> {
                if (!c.readString()) {
                    return false;
                }
                String symbol = symbols.resolve(c.buffer(), c.tokenStart(), c.tokenEnd());
                if (symbol == null) {
                    return c.fail(ParseStatus.UNKNOWN_SYMBOL);
                }
                t.symbol = symbol;
            }
            case F_EVENT -> {
                if (!c.readString()) {
                    return false;
                }
                if (!c.tokenIs(EVENT_NAME)) {
                    return c.fail(ParseStatus.UNEXPECTED_EVENT);
                }
            }
            case F_BID -> {
                if (!c.readDecimalString(false)) {
                    return false;
                }
                t.bidPrice = c.unscaled();
                t.bidPriceScale = c.scale();
            }
            case F_BID_QTY -> {
                if (!c.readDecimalString(false)) {
                    return false;
                }
                t.bidQty = c.unscaled();
                t.bidQtyScale = c.scale();
            }
            case F_ASK -> {
                if (!c.readDecimalString(false)) {
                    return false;
                }
                t.askPrice = c.unscaled();
                t.askPriceScale = c.scale();
            }
            default -> {
                if (!c.readDecimalString(false)) {
                    return false;
                }
                t.askQty = c.unscaled();
                t.askQtyScale = c.scale();
            }
        }
        return true;
    }
}
