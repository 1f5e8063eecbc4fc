package com.novaquant.binance.stream.parse;

import java.nio.charset.StandardCharsets;

/**
 * Parses USD-M {@code markPriceUpdate} payloads ({@code e E s p ap i P r T}). Required: {@code e E s p i r T};
 * {@code ap} and {@code P} are read for validity and not kept. Mark and index prices must be positive; the funding
 * rate may be negative. Unknown fields are skipped; everything else as {@link BookTickerParser}. Not thread-safe.
 */
public final class MarkPriceParser {

    private static final byte[] EVENT_NAME = "markPriceUpdate".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_AP = {'a', 'p'};

    private static final int F_EVENT = 1;
    private static final int F_EVENT_TIME = 1 << 1;
    private static final int F_S = 1 << 2;
    private static final int F_MARK = 1 << 3;
    private static final int F_INDEX = 1 << 4;
    private static final int F_SETTLE = 1 << 5;
    private static final int F_RATE = 1 << 6;
    private static final int F_NEXT_FUNDING = 1 << 7;
    private static final int F_MARK_AVERAGE = 1 << 8;
    private static final int REQUIRED = F_EVENT | F_EVENT_TIME | F_S | F_MARK | F_INDEX | F_RATE | F_NEXT_FUNDING;

    private final SymbolTable symbols;
    private final JsonCursor cursor = new JsonCursor();

    public MarkPriceParser(SymbolTable symbols) {
        this.symbols = symbols;
    }

    /** Parses one raw payload (no combined envelope) into {@code target}. */
    public ParseStatus parse(byte[] buf, int offset, int length, MarkPrice target) {
        cursor.reset(buf, offset, length);
        if (parseObject(cursor, target)) {
            cursor.atEnd();
        }
        return cursor.status();
    }

    boolean parseObject(JsonCursor c, MarkPrice m) {
        m.clear();
        if (!c.beginObject()) {
            return false;
        }
        int seen = 0;
        int k = c.nextKey(true);
        while (k == 1) {
            int field = fieldBit(c);
            if (field == 0) {
                if (!c.skipValue()) {
                    return false;
                }
            } else {
                if ((seen & field) != 0) {
                    return c.fail(ParseStatus.DUPLICATE_FIELD);
                }
                seen |= field;
                if (!readField(c, m, field)) {
                    return false;
                }
            }
            k = c.nextKey(false);
        }
        if (k < 0) {
            return false;
        }
        if ((seen & REQUIRED) != REQUIRED) {
            return c.fail(ParseStatus.MISSING_FIELD);
        }
        if (m.markPrice == 0 || m.indexPrice == 0) {
            return c.fail(ParseStatus.NON_POSITIVE_PRICE);
        }
        return true;
    }

    private static int fieldBit(JsonCursor c) {
        if (c.tokenLength() == 2) {
            return c.keyIs(KEY_AP) ? F_MARK_AVERAGE : 0;
        }
        if (c.tokenLength() != 1) {
            return 0;
        }
        return switch (c.buffer()[c.tokenStart()]) {
            case 'e' -> F_EVENT;
            case 'E' -> F_EVENT_TIME;
            case 's' -> F_S;
            case 'p' -> F_MARK;
            case 'i' -> F_INDEX;
            case 'P' -> F_SETTLE;
            case 'r' -> F_RATE;
            case 'T' -> F_NEXT_FUNDING;
            default -> 0;
        };
    }

    private boolean readField(JsonCursor c, MarkPrice m, int field) {
        switch (field) {
            case F_EVENT -> {
                if (!c.readString()) {
                    return false;
                }
                if (!c.tokenIs(EVENT_NAME)) {
                    return c.fail(ParseStatus.UNEXPECTED_EVENT);
                }
            }
            case F_EVENT_TIME -> {
                if (!c.readNonNegativeLong()) {
                    return false;
                }
                m.eventTimeMs = c.unscaled();
            }
            case F_NEXT_FUNDING -> {
                if (!c.readNonNegativeLong()) {
                    return false;
                }
                m.nextFundingTimeMs = c.unscaled();
            }
            case F_S -> {
                if (!c.readString()) {
                    return false;
                }
                String symbol = symbols.resolve(c.buffer(), c.tokenStart(), c.tokenEnd());
                if (symbol == null) {
                    return c.fail(ParseStatus.UNKNOWN_SYMBOL);
                }
                m.symbol = symbol;
            }
            case F_MARK -> {
                if (!c.readDecimalString(false)) {
                    return false;
                }
                m.markPrice = c.unscaled();
                m.markPriceScale = c.scale();
            }
            case F_INDEX -> {
                if (!c.readDecimalString(false)) {
                    return false;
                }
                m.indexPrice = c.unscaled();
                m.indexPriceScale = c.scale();
            }
            case F_RATE -> {
                if (!c.readDecimalString(true)) {
                    return false;
                }
                m.fundingRate = c.unscaled();
                m.fundingRateScale = c.scale();
            }
            default -> {
                // ap (mark price average) and P (estimated settle price): validated, not published.
                if (!c.readDecimalString(false)) {
                    return false;
                }
            }
        }
        return true;
    }
}
